package dev.iamlint.cloudformation;

import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
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
 * {@code cdk.out}); or a URL where the project uploads its own templates ({@code
 * https://${Bucket}.s3.amazonaws.com/${KeyPrefix}templates/x.yaml}, the QuickStart layout), whose
 * known end is the end of exactly one scanned template's path. Only templates the scan read are nested: discovery never
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
    if (location.isEmpty()) return Optional.empty();
    if (!(location.get() instanceof ScalarNode s) || !s.isString()) return uploaded(urlTail(location.get()));
    String text = s.text().strip();
    if (text.isEmpty()) return Optional.empty();
    if (REMOTE.matcher(text).find()) return uploaded(HTTP_PATH.matcher(text).matches() ? Optional.of(text.replaceFirst(HTTP_PATH.pattern(), "$1"))
        : Optional.empty());
    try {
      return Optional.ofNullable(templates.get(parentPath.getParent().resolve(text).normalize()));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The path of an {@code https://} or {@code s3://} URL, after its host or bucket. */
  private static final Pattern HTTP_PATH = Pattern.compile("^(?:https?|s3)://[^/]+/(.*)$");

  /**
   * The known end of a URL built with {@code Fn::Sub} or {@code Fn::Join} (the QuickStart
   * layout: {@code https://${Bucket}.s3...amazonaws.com/${KeyPrefix}templates/x.yaml}): the text
   * after its last substituted part.
   */
  private static Optional<String> urlTail(Node url) {
    if (!(url instanceof MapNode m) || m.entries().size() != 1) return Optional.empty();
    MapNode.Entry fn = m.entries().get(0);
    Node arg = fn.value();
    if (fn.name().equals("Fn::Sub")) {
      Node text = arg instanceof ListNode l && !l.items().isEmpty() ? l.items().get(0) : arg;
      if (!(text instanceof ScalarNode t) || !t.isString()) return Optional.empty();
      String sub = t.text().strip();
      int last = sub.lastIndexOf('}');
      return Optional.of(last < 0 ? sub : sub.substring(last + 1));
    }
    if (fn.name().equals("Fn::Join") && arg instanceof ListNode l && l.items().size() == 2
        && l.items().get(0) instanceof ScalarNode d && d.text().isEmpty() && l.items().get(1) instanceof ListNode parts
        && !parts.items().isEmpty() && parts.items().get(parts.items().size() - 1) instanceof ScalarNode tail && tail.isString()) {
      return Optional.of(tail.text().strip());
    }
    return Optional.empty();
  }

  /**
   * The scanned template a URL's known path ends with (the template uploaded from the project):
   * the longest run of its last path segments that ends exactly one template's path. None when
   * two templates end the same way, or the known path names no file.
   */
  private Optional<Template> uploaded(Optional<String> path) {
    if (path.isEmpty()) return Optional.empty();
    List<String> segments = new ArrayList<>();
    for (String segment : path.get().split("/")) {
      if (!segment.isEmpty() && !segment.equals(".") && !segment.equals("..")) segments.add(segment);
    }
    if (segments.isEmpty() || path.get().endsWith("/")) return Optional.empty();
    for (int k = segments.size(); k >= 1; k--) {
      List<String> tail = segments.subList(segments.size() - k, segments.size());
      List<Template> matching = templates.entrySet().stream()
          .filter(e -> endsWith(e.getKey(), tail)).map(Map.Entry::getValue).toList();
      if (matching.size() == 1) return Optional.of(matching.get(0));
      if (matching.size() > 1) return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean endsWith(Path path, List<String> segments) {
    int n = path.getNameCount();
    if (n < segments.size()) return false;
    for (int i = 0; i < segments.size(); i++) {
      if (!path.getName(n - segments.size() + i).toString().equals(segments.get(i))) return false;
    }
    return true;
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
