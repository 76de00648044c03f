package dev.iamlint.cloudformation;

import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The templates of one scan that other templates of it nest: an {@code AWS::CloudFormation::Stack}
 * whose {@code TemplateURL}, or an {@code AWS::Serverless::Application} whose {@code Location}, is
 * a local path (relative to the parent's file, as {@code aws cloudformation package} and {@code sam}
 * read it) of a template the scan read; for a stack a CDK app synthesized, the file its
 * {@code aws:asset:path} metadata names beside the parent ({@code *.nested.template.json} in
 * {@code cdk.out}). Only templates the scan read are nested: discovery never
 * reads outside the scan roots nor follows a link out of them, so neither does a nested stack.
 *
 * <p>A template nested by a template that is not itself nested (a root stack, or through such
 * roots) is judged through its uses only, each with the parameter values its parent passes. A
 * template nothing nests, or one of a cycle of templates that nest each other (itself, say) that no
 * template outside the cycle nests, is a root, judged on its own with its defaults; what such a
 * cycle nests is judged through it, never alone with its defaults.
 */
public final class NestedStacks {
  public static final NestedStacks NONE = new NestedStacks(Map.of(), Map.of());

  /** Nested stacks nested in nested stacks...: deeper than this, a use is not read. */
  static final int MAX_DEPTH = 8;
  /** Uses of nested stacks read for one root stack, all levels counted. */
  static final int MAX_USES = 256;

  static final Set<String> TYPES = Set.of("AWS::CloudFormation::Stack", "AWS::Serverless::Application");

  /** A URL (https://, s3://) or a SAR application: not a file iamlint reads. */
  private static final Pattern REMOTE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private final Map<String, Path> paths;
  private final Map<Path, Template> templates;

  private NestedStacks(Map<String, Path> paths, Map<Path, Template> templates) {
    this.paths = paths;
    this.templates = templates;
  }

  /** The scan's templates, by their absolute, normalised paths. */
  public static NestedStacks of(Map<Path, Template> templates) {
    Map<String, Path> paths = new LinkedHashMap<>();
    templates.forEach((path, t) -> paths.put(t.file(), path));
    return new NestedStacks(paths, new LinkedHashMap<>(templates));
  }

  /** The scanned template the nested stack {@code stack} of {@code parent} deploys, when it names a local one. */
  Optional<Template> child(Template parent, Template.Resource stack) {
    if (!TYPES.contains(stack.type())) return Optional.empty();
    Path parentPath = paths.get(parent.file());
    if (parentPath == null || parentPath.getParent() == null) return Optional.empty();
    String property = stack.type().equals("AWS::Serverless::Application") ? "Location" : "TemplateURL";
    // A CDK app's nested stack: the URL is its asset's, and the metadata names the synthesized file beside the parent.
    Optional<Node> asset = stack.metadata().filter(m -> m.get("aws:asset:property").filter(ScalarNode.class::isInstance)
        .map(n -> ((ScalarNode) n).text().equals(property)).orElse(false)).flatMap(m -> m.get("aws:asset:path"));
    Optional<Node> location = asset.isPresent() ? asset : stack.properties().get(property);
    if (location.isEmpty() || !(location.get() instanceof ScalarNode s) || !s.isString()) return Optional.empty();
    String text = s.text().strip();
    if (text.isEmpty() || REMOTE.matcher(text).find()) return Optional.empty();
    try {
      return Optional.ofNullable(templates.get(parentPath.getParent().resolve(text).normalize()));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code template} nests a scanned template: what it gives depends on another file. */
  public boolean nestsAny(Template template) {
    return template.resources().values().stream().anyMatch(r -> child(template, r).isPresent());
  }

  /** The files of the templates judged only through the stacks that nest them (see the class comment). */
  public Set<String> judgedThroughParents() {
    Map<String, List<String>> children = new LinkedHashMap<>();
    Set<String> nested = new HashSet<>();
    for (Template t : templates.values()) {
      List<String> own = new ArrayList<>();
      for (Template.Resource r : t.resources().values()) {
        child(t, r).ifPresent(c -> own.add(c.file()));
      }
      children.put(t.file(), own);
      nested.addAll(own);
    }
    // Roots: templates nothing nests, and the templates of a cycle that no template outside it nests
    // (each judged on its own). A template a root reaches, even through a cycle, is judged only through it.
    Set<String> roots = new HashSet<>();
    for (String file : children.keySet()) {
      if (!nested.contains(file)) roots.add(file);
    }
    Set<String> reached = reachable(children, roots);
    Map<String, Set<String>> unreached = new LinkedHashMap<>();
    for (String file : children.keySet()) {
      if (!roots.contains(file) && !reached.contains(file)) unreached.put(file, reachable(children, Set.of(file)));
    }
    // Among them, a template is a root when every template that reaches it is one it reaches (its cycle nested by no other).
    unreached.forEach((file, fromFile) -> {
      boolean nestedFromOutside = unreached.entrySet().stream()
          .anyMatch(other -> other.getValue().contains(file) && !fromFile.contains(other.getKey()));
      if (!nestedFromOutside) roots.add(file);
    });
    Set<String> throughParents = reachable(children, roots);
    throughParents.removeAll(roots);
    return throughParents;
  }

  /** The templates nested, at any depth, by those of {@code from}. */
  private static Set<String> reachable(Map<String, List<String>> children, Set<String> from) {
    Set<String> reached = new HashSet<>();
    Deque<String> work = new ArrayDeque<>(from);
    while (!work.isEmpty()) {
      for (String child : children.getOrDefault(work.pop(), List.of())) {
        if (reached.add(child)) work.add(child);
      }
    }
    return reached;
  }
}
