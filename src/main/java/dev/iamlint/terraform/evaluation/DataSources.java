package dev.iamlint.terraform.evaluation;

import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FileAccess;
import dev.iamlint.terraform.functions.Functions;
import dev.iamlint.terraform.functions.JsonValues;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the data sources that matter for IAM give without calling AWS: the policy document the
 * AWS provider renders, the partition, and AWS managed policies looked up by name.
 */
final class DataSources {
  private DataSources() {}

  static Value.MapV complete(String type, Value.MapV values, Evaluation module, String address, Location at) {
    return switch (type) {
      case "aws_iam_policy_document" -> with(values, policyDocumentOutputs(values, module, at));
      case "aws_partition" -> with(values, Map.of(
          "partition", new Value.Str(module.partition(), at, Provenance.of("data.aws_partition, taken as \"" + module.partition() + "\"")),
          "dns_suffix", new Value.Str("amazonaws.com", at, Provenance.of("data.aws_partition"))));
      case "aws_iam_policy" -> with(values, managedPolicyArn(values, module, at));
      default -> values;
    };
  }

  /**
   * {@code data.aws_caller_identity} where the module deploys through more than one AWS provider:
   * its account may not be the one the module's roles are created in. Its {@code account_id},
   * {@code id} and {@code arn} say so ({@link #ANOTHER_PROVIDER}, which the IAM model reads), and
   * keep their reference for messages.
   */
  static Value.MapV callerOfAnotherProvider(Value.MapV values, String scope, String address, String provider, Location at) {
    Map<String, Value> computed = new LinkedHashMap<>();
    for (String attribute : List.of("account_id", "id", "arn")) {
      computed.put(attribute, new Value.Unknown(Value.Cause.DEPLOY_TIME, ANOTHER_PROVIDER + "read through provider " + provider
          + ", in a module whose AWS providers may reach different accounts", Optional.of(new Reference(scope, address, attribute)), Optional.empty(),
          at, Provenance.of(address)));
    }
    return with(values, computed);
  }

  /** How {@link #callerOfAnotherProvider} reasons begin (dev.iamlint.iam.Principal reads it). */
  static final String ANOTHER_PROVIDER = "the account of a caller identity ";

  private static Value.MapV with(Value.MapV values, Map<String, Value> computed) {
    List<Value.MapV.Entry> entries = new ArrayList<>(values.entries());
    computed.forEach((k, v) -> {
      if (values.get(k).isEmpty()) entries.add(new Value.MapV.Entry(k, v.location(), v));
    });
    return new Value.MapV(entries, values.location(), values.provenance());
  }

  /**
   * {@code data "aws_iam_policy" { name = "X" }} names the AWS managed policy X when one exists:
   * its ARN is known but for the path, which the ARN matcher does not need.
   */
  private static Map<String, Value> managedPolicyArn(Value.MapV values, Evaluation module, Location at) {
    Optional<Value> arn = values.get("arn");
    if (arn.isPresent()) return Map.of();
    Optional<Value> name = values.get("name");
    if (name.isEmpty() || name.get().asText().isEmpty()) return Map.of();
    String partial = "arn:" + module.partition() + ":iam::aws:policy/" + Value.Unknown.HOLE + name.get().asText().get();
    return Map.of("arn", new Value.Unknown(Value.Cause.DEPLOY_TIME,
        "the ARN of the policy named \"" + name.get().asText().get() + "\" is looked up at plan", Optional.empty(),
        Optional.of(partial), name.get().location(), Provenance.of("data.aws_iam_policy looked up by name", name.get().location())));
  }

  // ---- aws_iam_policy_document ----

  private static Map<String, Value> policyDocumentOutputs(Value.MapV values, Evaluation module, Location at) {
    Value.MapV document = policyDocument(values, at);
    Value json;
    try {
      json = Functions.get("jsonencode").map(f -> f.call(List.of(document), at, FileAccess.NONE))
          .orElseGet(() -> new Value.Str("", at, Provenance.LITERAL));
    } catch (Budget.Exceeded e) {
      json = module.cut(e, at);
    }
    // The structure is kept even when the text has unknown parts (a provider ARN known at apply).
    Value rendered = json instanceof Value.Str s ? new Value.Str(s.value(), at, Provenance.LITERAL, Optional.of(document))
        : Value.Str.rendering(document, json instanceof Value.Unknown u ? u.partial() : Optional.empty(), at, Provenance.LITERAL);
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("json", rendered);
    out.put("minified_json", rendered);
    return out;
  }

  /** The document the AWS provider renders, each element located where it is written. */
  static Value.MapV policyDocument(Value.MapV values, Location at) {
    List<Value> statements = new ArrayList<>();
    // source_json and override_json, the provider's older forms (deprecated, still read by
    // providers before 5.0), are merged first and last, as the provider merges them.
    values.get("source_json").ifPresent(source -> mergeBySid(statements, statementsOf(source)));
    for (Value source : list(values.get("source_policy_documents"))) mergeBySid(statements, statementsOf(source));
    mergeBySid(statements, values.get("statement").map(Value::items).orElse(List.of()).stream()
        .filter(Value.MapV.class::isInstance).map(s -> (Value) statement((Value.MapV) s)).toList());
    for (Value override : list(values.get("override_policy_documents"))) mergeBySid(statements, statementsOf(override));
    values.get("override_json").ifPresent(override -> mergeBySid(statements, statementsOf(override)));
    List<Value.MapV.Entry> doc = new ArrayList<>();
    Value version = values.get("version").orElseGet(() -> new Value.Str("2012-10-17", at, Provenance.LITERAL));
    doc.add(new Value.MapV.Entry("Version", version.location(), version));
    values.get("policy_id").ifPresent(id -> doc.add(new Value.MapV.Entry("Id", id.location(), id)));
    doc.add(new Value.MapV.Entry("Statement", at, new Value.ListV(statements, at, Provenance.LITERAL)));
    return new Value.MapV(doc, at, Provenance.LITERAL);
  }

  private static List<Value> list(Optional<Value> v) {
    return v.map(Value::items).orElse(List.of());
  }

  private static List<Value> statementsOf(Value document) {
    Optional<Value> structure = JsonValues.structure(document);
    if (structure.isEmpty() || !(structure.get() instanceof Value.MapV m)) return List.of();
    return m.entryIgnoreCase("Statement").map(e -> e.value().items()).orElse(List.of());
  }

  /** A statement with a Sid replaces the statement with the same Sid; others are appended. */
  private static void mergeBySid(List<Value> into, List<Value> statements) {
    for (Value s : statements) {
      Optional<String> sid = sid(s);
      int existing = -1;
      if (sid.isPresent() && !sid.get().isEmpty()) {
        for (int i = 0; i < into.size(); i++) {
          if (sid(into.get(i)).equals(sid)) existing = i;
        }
      }
      if (existing >= 0) into.set(existing, s);
      else into.add(s);
    }
  }

  private static Optional<String> sid(Value statement) {
    return statement instanceof Value.MapV m ? m.entryIgnoreCase("Sid").flatMap(e -> e.value().asText()) : Optional.empty();
  }

  private static Value statement(Value.MapV block) {
    List<Value.MapV.Entry> out = new ArrayList<>();
    copy(block, "sid", "Sid", out);
    Optional<Value.MapV.Entry> effect = set(block, "effect");
    if (effect.isPresent()) {
      out.add(new Value.MapV.Entry("Effect", effect.get().keyLocation(), effect.get().value()));
    } else {
      out.add(new Value.MapV.Entry("Effect", block.location(), new Value.Str("Allow", block.location(),
          Provenance.of("effect defaults to Allow"))));
    }
    copy(block, "actions", "Action", out);
    copy(block, "not_actions", "NotAction", out);
    copy(block, "resources", "Resource", out);
    copy(block, "not_resources", "NotResource", out);
    principals(block, "principals", "Principal", out);
    principals(block, "not_principals", "NotPrincipal", out);
    Optional<Value> conditions = block.get("condition");
    if (conditions.isPresent() && !(conditions.get() instanceof Value.ListV l && l.items().isEmpty())) {
      Map<String, List<Value.MapV.Entry>> byTest = new LinkedHashMap<>();
      Map<String, Location> testLocations = new LinkedHashMap<>();
      Location first = conditions.get().location();
      boolean unknown = false;
      for (Value c : conditions.get().items()) {
        if (!(c instanceof Value.MapV cm)) continue;
        Optional<String> test = cm.get("test").flatMap(Value::asText);
        Optional<String> variable = cm.get("variable").flatMap(Value::asText);
        Value values = cm.get("values").map(DataSources::ampersand).orElseGet(() -> new Value.ListV(List.of(), cm.location(), Provenance.LITERAL));
        if (test.isEmpty() || variable.isEmpty()) {
          unknown = true;
          continue;
        }
        testLocations.putIfAbsent(test.get(), cm.location());
        byTest.computeIfAbsent(test.get(), k -> new ArrayList<>()).add(new Value.MapV.Entry(variable.get(), cm.location(), values));
      }
      if (unknown) {
        // A condition block we cannot read may restrict anything: the whole condition is unknown.
        out.add(new Value.MapV.Entry("Condition", first, EvaluatedValues.unknown(Value.Cause.INPUT,
            "a condition block's test or variable is not known", first)));
      } else {
        List<Value.MapV.Entry> condition = new ArrayList<>();
        byTest.forEach((test, vars) -> condition.add(new Value.MapV.Entry(test, testLocations.get(test),
            new Value.MapV(vars, testLocations.get(test), Provenance.LITERAL))));
        out.add(new Value.MapV.Entry("Condition", first, new Value.MapV(condition, first, Provenance.LITERAL)));
      }
    }
    return new Value.MapV(out, block.location(), block.provenance());
  }

  /** An argument set to null is not set (Terraform's semantics): the provider's default applies. */
  private static Optional<Value.MapV.Entry> set(Value.MapV block, String name) {
    return block.entry(name).filter(e -> !(e.value() instanceof Value.Null));
  }

  private static void copy(Value.MapV block, String from, String to, List<Value.MapV.Entry> out) {
    set(block, from).ifPresent(e -> out.add(new Value.MapV.Entry(to, e.keyLocation(), ampersand(e.value()))));
  }

  private static void principals(Value.MapV block, String from, String to, List<Value.MapV.Entry> out) {
    Optional<Value> blocks = block.get(from);
    // No block (also a dynamic block with no elements) writes no Principal at all.
    if (blocks.isEmpty() || blocks.get() instanceof Value.ListV l && l.items().isEmpty()) return;
    Map<String, List<Value>> byType = new LinkedHashMap<>();
    Location first = blocks.get().location();
    for (Value p : blocks.get().items()) {
      if (!(p instanceof Value.MapV pm)) continue;
      String type = pm.get("type").flatMap(Value::asText).orElse("?");
      byType.computeIfAbsent(type, k -> new ArrayList<>()).addAll(pm.get("identifiers").map(Value::items).orElse(List.of()));
    }
    if (byType.size() == 1 && byType.containsKey("*")) {
      out.add(new Value.MapV.Entry(to, first, new Value.Str("*", first, Provenance.LITERAL)));
      return;
    }
    List<Value.MapV.Entry> principal = new ArrayList<>();
    byType.forEach((type, ids) -> principal.add(new Value.MapV.Entry(type, first, new Value.ListV(ids, first, Provenance.LITERAL))));
    out.add(new Value.MapV.Entry(to, first, new Value.MapV(principal, first, Provenance.LITERAL)));
  }

  /** The provider writes IAM policy variables as {@code &{aws:username}} to escape HCL: they become ${...}. */
  private static Value ampersand(Value v) {
    if (v instanceof Value.Str s && s.value().contains("&{")) {
      return new Value.Str(s.value().replace("&{", "${"), s.location(), s.provenance());
    }
    if (v instanceof Value.ListV l) {
      return l.withItems(l.items().stream().map(DataSources::ampersand).toList(), l.location(), l.provenance());
    }
    return v;
  }
}
