package dev.iamlint.iam;

import dev.iamlint.model.PrincipalKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The published privilege-escalation methods as data: each path is a set of actions that together
 * let a principal gain more privilege. Read from {@code escalation-paths.yaml}, written by hand.
 */
public final class EscalationPaths {
  /**
   * {@code actions} are exact catalogue ids such as {@code iam:PassRole}, all needed together;
   * {@code subjects} the kinds of principal the path is open to (empty: any); {@code passedTo}
   * the service principals the path hands a role to (lower case), which an
   * {@code iam:PassedToService} condition naming one of them leaves open (empty: not known, such
   * a condition closes the path).
   */
  public record Path(String id, String description, List<String> actions, String reference, Set<PrincipalKind> subjects,
      List<String> keys, Set<String> passedTo) {
    public Path {
      actions = List.copyOf(actions);
      subjects = Set.copyOf(subjects);
      keys = List.copyOf(keys);
      passedTo = Set.copyOf(passedTo);
    }

    /** {@code keys}: the actions in lower case, as grants are keyed (looked up for every principal). */
    public Path(String id, String description, List<String> actions, String reference, Set<PrincipalKind> subjects,
        Set<String> passedTo) {
      this(id, description, actions, reference, subjects, actions.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(),
          passedTo);
    }

    public Path(String id, String description, List<String> actions, String reference) {
      this(id, description, actions, reference, Set.of(), Set.of());
    }

    /** Whether a principal of this kind can take the path (a policy whose holder is not known: any). */
    public boolean opensTo(Optional<PrincipalKind> kind) {
      return subjects.isEmpty() || kind.map(subjects::contains).orElse(true);
    }
  }

  private static final String FILE = ActionCatalog.FOLDER + "escalation-paths.yaml";
  private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
  private static final Pattern TARGET = Pattern.compile("[a-z0-9-]+:[a-z0-9-]+");
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+\\.amazonaws\\.com");

  private static final class Holder {
    static final EscalationPaths BUNDLED = load();
  }

  private final List<Path> all;
  private final Map<String, Set<String>> targets;

  private EscalationPaths(List<Path> all, Map<String, Set<String>> targets) {
    this.all = List.copyOf(all);
    this.targets = Map.copyOf(targets);
  }

  /** The paths in the jar, read on first use. */
  public static EscalationPaths bundled() {
    return Holder.BUNDLED;
  }

  /** Every path, in file order. */
  public List<Path> all() {
    return all;
  }

  /**
   * The resource types (ARN {@code service:type}, lower case) through which an action (lower case)
   * reaches what a path abuses; empty when any resource the action takes will do.
   * {@code ssm:StartSession} also takes SSM documents, but a session opens on an instance.
   */
  public Set<String> targets(String action) {
    return targets.getOrDefault(action, Set.of());
  }

  private static EscalationPaths load() {
    try (InputStream in = EscalationPaths.class.getResourceAsStream(FILE)) {
      if (in == null) throw new IllegalStateException("missing resource " + FILE);
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(new InputStreamReader(in, StandardCharsets.UTF_8));
      if (!(loaded instanceof Map<?, ?> root) || !(root.get("paths") instanceof List<?> items)) {
        throw new IllegalStateException(FILE + ": expected a map with a list 'paths'");
      }
      List<Path> paths = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (Object item : items) {
        if (!(item instanceof Map<?, ?> m)) throw new IllegalStateException(FILE + ": a path is not a map");
        String id = text(m, "id");
        if (!(m.get("actions") instanceof List<?> list) || list.isEmpty()) {
          throw new IllegalStateException(FILE + ": path " + id + " lists no actions");
        }
        List<String> actions = new ArrayList<>();
        for (Object a : list) {
          if (!(a instanceof String s) || !ACTION.matcher(s).matches()) {
            throw new IllegalStateException(FILE + ": path " + id + " has an invalid action " + a);
          }
          actions.add(s);
        }
        String reference = text(m, "reference");
        if (!reference.startsWith("https://")) throw new IllegalStateException(FILE + ": path " + id + " reference");
        if (!ids.add(id)) throw new IllegalStateException(FILE + ": duplicate path " + id);
        Set<PrincipalKind> subjects = new HashSet<>();
        if (m.get("subjects") instanceof List<?> kinds) {
          for (Object k : kinds) subjects.add(PrincipalKind.valueOf(String.valueOf(k).toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        Set<String> passedTo = new HashSet<>();
        if (m.get("passed_to") instanceof List<?> services) {
          if (!actions.contains("iam:PassRole")) throw new IllegalStateException(FILE + ": path " + id + " passes no role");
          for (Object service : services) {
            if (!(service instanceof String svc) || !SERVICE.matcher(svc).matches()) {
              throw new IllegalStateException(FILE + ": path " + id + " has an invalid passed_to " + service);
            }
            passedTo.add(svc);
          }
        }
        paths.add(new Path(id, text(m, "description"), actions, reference, subjects, passedTo));
      }
      Map<String, Set<String>> targets = new HashMap<>();
      if (root.get("targets") instanceof Map<?, ?> byAction) {
        for (Map.Entry<?, ?> e : byAction.entrySet()) {
          if (!(e.getKey() instanceof String action) || !ACTION.matcher(action).matches()
              || !(e.getValue() instanceof List<?> types) || types.isEmpty()) {
            throw new IllegalStateException(FILE + ": invalid targets entry " + e.getKey());
          }
          Set<String> lower = new HashSet<>();
          for (Object t : types) {
            if (!(t instanceof String type) || !TARGET.matcher(type).matches()) {
              throw new IllegalStateException(FILE + ": invalid target " + t + " of " + action);
            }
            lower.add(type.toLowerCase(Locale.ROOT));
          }
          targets.put(action.toLowerCase(Locale.ROOT), Set.copyOf(lower));
        }
      }
      return new EscalationPaths(paths, targets);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }

  private static String text(Map<?, ?> m, String key) {
    if (!(m.get(key) instanceof String s) || s.isBlank()) {
      throw new IllegalStateException(FILE + ": a path lacks " + key + " " + m);
    }
    return s.strip();
  }
}
