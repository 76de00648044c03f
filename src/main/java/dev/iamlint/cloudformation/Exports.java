package dev.iamlint.cloudformation;

import dev.iamlint.source.InternalFailure;
import dev.iamlint.source.Location;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exports ({@code Outputs.X.Export.Name}) of the templates of one scan, so that the
 * {@code Fn::ImportValue} of another template resolves to the exported value. The value is
 * evaluated in the exporting template (its parameters, conditions and resources): a
 * {@code !Ref Role} exported by one template and imported by another designates that role,
 * as a local reference would.
 *
 * <p>An import resolves only when its name and exactly one export's name are known and equal.
 * A name that holds the stack name ({@code ${AWS::StackName}-RoleArn}) is known only at deploy,
 * so it matches nothing; a name exported twice may be either; an export that no template of
 * the scan defines belongs to a stack iamlint does not see. All of these stay unknown, with the
 * reason. CloudFormation refuses two exports of one name in a region, so a known name exported
 * once is the export, whatever other exports' names turn out to be.
 *
 * <p>Every export of a name exported once is resolved when the scan's templates are collected
 * ({@link #of}); afterwards the object is only read, from the threads that map the templates.
 */
public final class Exports {
  /** No other template: every import is of a stack outside the scan. */
  public static final Exports NONE = new Exports();

  /** Exports whose values import exports whose values import...: only pathological input goes this deep. */
  private static final int MAX_CHAIN = 32;

  /** One {@code Export} of an output: its evaluated name and the value it exports. */
  private record Export(Value name, Node value, Location at, Evaluator evaluator) {
    /** {@code the export "…-RoleArn" of roles.yaml (line 12)}: its name with the unknown parts elided. */
    String describe() {
      String written = name instanceof Value.Unknown u && u.partial().isPresent()
          ? "\"" + u.partial().get().replace(String.valueOf(Value.Unknown.HOLE), "…") + "\"" : name.display();
      return "the export " + written + " of " + at.file() + " (line " + at.startLine() + ")";
    }
  }

  private final Map<String, List<Export>> byName = new LinkedHashMap<>();
  private final List<Export> unnamed = new ArrayList<>();
  private final Map<String, Value> resolved = new HashMap<>();
  /** The exports being resolved, in the order one's value imports the next. */
  private final Set<String> resolving = new LinkedHashSet<>();

  private Exports() {}

  /** The exports of {@code templates} (in scan order), each evaluated with the scan's parameter values. */
  /** The exports of {@code t}: those whose name is known, and the others. */
  private static boolean collect(Template t, Map<String, String> parameters, String partition, Exports exports,
      List<Export> named, List<Export> unnamed) {
    // Names are evaluated without imports: an export name is written, not imported.
    Evaluator names = new Evaluator(t, parameters, partition);
    Evaluator values = new Evaluator(t, parameters, partition, exports);
    t.root().map("Outputs").ifPresent(outputs -> outputs.entries().forEach(e -> {
      if (!(e.value() instanceof MapNode output)) return;
      Optional<Node> value = output.get("Value");
      Optional<Node> name = output.map("Export").flatMap(x -> x.get("Name"));
      if (value.isEmpty() || name.isEmpty() || certainlyNotCreated(output, names)) return;
      Export export = new Export(names.eval(name.get()), value.get(), name.get().location(), values);
      (export.name().asText().isPresent() ? named : unnamed).add(export);
    }));
    return true;
  }

  public static Exports of(List<Template> templates, Map<String, String> parameters, String partition) {
    Exports exports = new Exports();
    for (Template t : templates) {
      // A template iamlint fails on exports nothing; adapting it fails too, and says so.
      List<Export> named = new ArrayList<>();
      List<Export> unnamed = new ArrayList<>();
      if (!InternalFailure.contain(() -> collect(t, parameters, partition, exports, named, unnamed), reason -> false)) continue;
      for (Export export : named) {
        exports.byName.computeIfAbsent(export.name().asText().orElseThrow(), k -> new ArrayList<>()).add(export);
      }
      exports.unnamed.addAll(unnamed);
    }
    exports.byName.forEach((name, candidates) -> {
      if (candidates.size() == 1) exports.resolve(name);
    });
    return exports;
  }

  /** An output whose condition is certainly false exports nothing. */
  private static boolean certainlyNotCreated(MapNode output, Evaluator evaluator) {
    return output.get("Condition").filter(ScalarNode.class::isInstance)
        .flatMap(c -> evaluator.namedCondition(((ScalarNode) c).text())).map(b -> !b).orElse(false);
  }

  /**
   * What {@code Fn::ImportValue} of {@code name} evaluates to at {@code at}: the export's value
   * with where it was exported, else an unknown that says why.
   */
  Value imported(Value name, Location at) {
    if (name instanceof Value.OneOf choice) {
      // Fn::If between names: each branch imports its own export.
      List<Value> each = new ArrayList<>();
      for (Value branch : choice.alternatives()) each.add(imported(branch, at).withOrigin(at, branch.provenance()));
      return new Value.OneOf(each, at, Provenance.LITERAL);
    }
    Optional<String> known = name.asText();
    if (known.isEmpty()) {
      return unknown("the name of the imported export is not known: " + name.display(), at);
    }
    List<Export> candidates = byName.getOrDefault(known.get(), List.of());
    if (candidates.size() == 1) {
      return resolve(known.get()).withOrigin(at, Provenance.LITERAL);
    }
    if (candidates.size() > 1) {
      return unknown("export \"" + known.get() + "\" is defined by " + candidates.size() + " outputs ("
          + String.join(", ", candidates.stream().map(x -> x.at().file() + " line " + x.at().startLine()).toList())
          + "): which one is imported is not known", at);
    }
    String reason = "export \"" + known.get() + "\" of another stack (no scanned template exports it)";
    for (Export x : unnamed) {
      if (mayBe(x.name(), known.get())) {
        return unknown(reason + "; it may be " + x.describe() + ", whose name is known only at deploy", at);
      }
    }
    return unknown(reason, at);
  }

  /** The value of the one export of {@code name}, evaluated in its template; once per name. */
  private Value resolve(String name) {
    Value done = resolved.get(name);
    if (done != null) return done;
    Export export = byName.get(name).get(0);
    if (resolving.contains(name)) {
      // Exports that import each other around a circle: CloudFormation never deploys them.
      List<String> circle = resolving.stream().dropWhile(n -> !n.equals(name)).map(n -> "\"" + n + "\"").toList();
      return unknown("exports " + String.join(", ", circle) + " import each other in a circle", export.at());
    }
    if (resolving.size() >= MAX_CHAIN) return unknown("exports import each other too deeply", export.at());
    resolving.add(name);
    try {
      Value value = export.evaluator().eval(export.value()).withOrigin(export.value().location(),
          Provenance.of("imported export \"" + name + "\"", export.at()));
      resolved.put(name, value);
      return value;
    } finally {
      resolving.remove(name);
    }
  }

  /**
   * Whether a name with parts known only at deploy may turn out to be {@code text}: its known
   * parts appear in {@code text} in order, the first at the start and the last at the end.
   */
  private static boolean mayBe(Value name, String text) {
    if (!(name instanceof Value.Unknown u) || u.partial().isEmpty()) return false;
    String[] parts = u.partial().get().split(String.valueOf(Value.Unknown.HOLE), -1);
    if (parts.length < 2) return false;
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (text.length() < first.length() + last.length() || !text.startsWith(first) || !text.endsWith(last)) return false;
    int from = first.length();
    int end = text.length() - last.length();
    for (int i = 1; i < parts.length - 1; i++) {
      // The leftmost place of each part leaves the most room for the next: no backtracking needed.
      int at = text.indexOf(parts[i], from);
      if (at < 0 || at + parts[i].length() > end) return false;
      from = at + parts[i].length();
    }
    return true;
  }

  private static Value unknown(String reason, Location at) {
    // An input of the template in effect: another stack gives it, and it may be anything.
    return new Value.Unknown(Value.Cause.INPUT, reason, Optional.empty(), Optional.empty(), at, Provenance.LITERAL);
  }
}
