package dev.iamlint.terraform.evaluation;

import dev.iamlint.hcl.Expression;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.JsonValues;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;

/** {@code templatefile(path, vars)}: the file is an HCL template rendered with only {@code vars} in scope. */
final class Templates {
  private Templates() {}

  static Value templatefile(Evaluation module, List<Value> args, Location at) {
    if (args.size() != 2) return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "templatefile takes a path and a map", at);
    Optional<String> path = args.get(0).asText();
    if (path.isEmpty()) return EvaluatedValues.unknown(Value.Cause.INPUT, "templatefile of an unknown path", at);
    Optional<String> text = module.files().read(path.get());
    if (text.isEmpty()) {
      return EvaluatedValues.unknown(Value.Cause.INPUT, "file " + path.get() + " is not in the scan root or does not exist", at);
    }
    // Read and parsed at each call (each instance of a for_each): that is work of the evaluation.
    module.charge(1 + text.get().length() / Budget.CHARACTERS_PER_UNIT);
    // A template file is a heredoc body without markers: parse it as one.
    String marker = "IAMLINT_TEMPLATE_END";
    String source = "x = <<" + marker + "\n" + text.get() + (text.get().endsWith("\n") ? "" : "\n") + marker + "\n";
    HclParseResult parsed = HclParser.parse(path.get(), source);
    if (!(parsed instanceof HclParseResult.Parsed p)) {
      return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "template " + path.get() + " does not parse", at);
    }
    Expression template = p.file().body().attribute("x").orElseThrow().expression();
    Scope scope = Scope.EMPTY;
    if (args.get(1) instanceof Value.MapV vars) {
      for (Value.MapV.Entry e : vars.entries()) scope = scope.with(e.key(), e.value());
    } else if (!(args.get(1) instanceof Value.Null)) {
      return EvaluatedValues.unknown(Value.Cause.INPUT, "templatefile variables are unknown", at);
    }
    Value v = module.eval(template, scope, path.get());
    // The rendered template keeps its own text; no trailing newline is added by templatefile.
    if (v instanceof Value.Str s && !text.get().endsWith("\n") && s.value().endsWith("\n")) {
      v = new Value.Str(s.value().substring(0, s.value().length() - 1), at, s.provenance());
    }
    // Directives (%{ for }, %{ if }) move lines around: only a template of plain ${} substitutions
    // keeps its lines in place.
    if (v instanceof Value.Str s && !text.get().contains("%{")) {
      // A rendered JSON document keeps the places of its elements in the template, line for line.
      String rendered = s.value();
      Optional<Value> structure = module.files().display(path.get()).flatMap(shown -> JsonValues.fromFile(shown, rendered,
          JsonValues.lineCount(text.get()), Provenance.of("rendered by templatefile()", at)));
      if (structure.isPresent()) return new Value.Str(rendered, at, Provenance.LITERAL, structure);
    }
    return v.withOrigin(at, Provenance.LITERAL);
  }
}
