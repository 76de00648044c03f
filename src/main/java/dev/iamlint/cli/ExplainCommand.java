package dev.iamlint.cli;

import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rules.Catalog;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Show the full documentation of one rule, with examples.")
final class ExplainCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RULE", description = "A rule id or slug.")
  String rule;

  @Override
  public Integer call() {
    Optional<RuleMetadata> found = Catalog.find(rule);
    if (found.isEmpty()) {
      spec.commandLine().getErr().println("iamlint: unknown rule '" + rule + "' (see 'iamlint rules')");
      return ExitCodes.ERROR;
    }
    RuleMetadata m = found.get();
    PrintWriter out = spec.commandLine().getOut();
    out.println(m.id() + " " + m.slug() + " — " + m.title());
    out.println("Severity: " + m.severity().label() + "    Category: " + m.category()
        + "    Formats: " + String.join(", ", m.formats()));
    section(out, "What it checks", m.description());
    section(out, "Why it matters", m.rationale());
    section(out, "How to fix", m.remediation());
    if (!m.parameters().isEmpty()) {
      section(out, "Settings (.iamlint.yaml: rules: { " + m.id() + ": { NAME: VALUE } })", String.join("\n",
          m.parameters().stream().map(p -> "- " + p.name() + " (" + p.type() + ", default " + p.defaultValue() + "): "
              + p.description()).toList()));
    }
    if (!m.references().isEmpty()) section(out, "References", "- " + String.join("\n- ", m.references()));
    if (!m.peers().isEmpty()) section(out, "Equivalent checks in other tools", String.join(", ", m.peers()));
    for (RuleMetadata.Example e : m.examples()) {
      section(out, (e.compliant() ? "Compliant" : "Noncompliant") + " (" + e.format() + "): " + e.title(),
          e.code().stripTrailing().indent(4).stripTrailing());
    }
    return ExitCodes.CLEAN;
  }

  private static void section(PrintWriter out, String title, String body) {
    out.println();
    out.println(title);
    out.println(body);
  }
}
