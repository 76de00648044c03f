package dev.iamlint.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text a template writes (a CDK construct path from its metadata) never reaches the terminal as control characters. */
class TextReporterTest {
  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\u001b[2J", "\u0007", "\u009b31m", "\u202e"})
  void theConstructPathIsPrintedWithoutControlCharacters(String control) throws IOException {
    Finding f = Findings.finding("ADM001", Severity.HIGH, "cdk.out/App.template.json", 4, "m");
    ResourceRef r = f.resource();
    ResourceRef withConstruct = new ResourceRef(r.scope(), r.address(), r.type(), r.location(), r.header(), r.callSites(),
        r.deployment(), r.mayNotExist(), Optional.of("App/Stack" + control + "Role"));
    Finding hostile = new Finding(f.ruleId(), f.slug(), f.severity(), f.message(), f.location(), withConstruct, List.of(), "");
    StringBuilder out = new StringBuilder();
    new TextReporter(false).write(Findings.report(List.of(hostile)), out);
    String text = out.toString();
    assertTrue(text.contains(", construct App/Stack"), text);
    String line = text.lines().filter(l -> l.contains(", construct ")).findFirst().orElseThrow();
    assertTrue(line.endsWith("Role"), "the path stays on its line: " + text);
    assertFalse(text.chars().anyMatch(c -> c != '\n' && (Character.isISOControl(c) || c == 0x202e)), text);
  }
}
