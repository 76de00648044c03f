package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files that are not plain CloudFormation as written: templates for rain, Jinja template
 * sources, and tags CloudFormation does not know. Each is worded for what it is.
 */
class TemplateSourcesTest {
  private static final Path SYN = Path.of("testdata/rules/SYN001");
  private static final ScanOptions REPORT_UNKNOWN = new ScanOptions(false, false, true, Map.of());

  @Test
  void anUnknownTagIsNamedAtTheTagAndIsNotCalledASyntaxError() {
    List<Finding> found = TestScans.findings(SYN.resolve("unknown-tag-like-rain.yaml"), "SYN001");
    assertEquals(1, found.size(), found::toString);
    Finding f = found.get(0);
    assertEquals(Severity.HIGH, f.severity());
    assertTrue(f.message().startsWith("unsupported YAML tag !RainEmbed: "), f.message());
    assertFalse(f.message().contains("syntax error"), f.message());
    assertEquals(11, f.location().startLine());
    assertEquals(18, f.location().startColumn());
  }

  @Test
  void aRainDirectiveIsAnUnknownValueThatNeedsRainPkg() {
    Path template = Path.of("testdata/rules/ADM001/rain-template.yaml");
    List<Finding> notes = TestScans.scan(template, REPORT_UNKNOWN, "ADM001").findings().stream()
        .filter(f -> f.severity() == Severity.INFO).toList();
    assertEquals(1, notes.size(), notes::toString);
    assertEquals(38, notes.get(0).location().startLine());
    assertTrue(notes.get(0).message().contains("!Rain::Constant AdminPolicyArn is filled in by rain pkg (needs rain pkg)"),
        notes.get(0).message());
  }

  /** A Jinja source, a template with placeholders: not YAML until rendered, an info note at the markup only when asked. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      jinja-cookiecutter-source.yaml | Not judged: a Jinja template source (cookiecutter), not YAML until it is rendered ({{cookiecutter.runtime}} at line 13); render it to check it | 13 | 18
      placeholder-source.yaml        | Not judged: a template with placeholders, not YAML until it is rendered (%%EVENT_PATTERN%% at line 10); render it to check it            | 10 | 21
      """)
  void aTemplateSourceIsAnInfoNoteOnlyWhenAsked(String file, String message, int line, int column) {
    Path source = SYN.resolve(file);
    assertEquals(List.of(), TestScans.findings(source, "SYN001"));
    List<Finding> notes = TestScans.scan(source, REPORT_UNKNOWN, "SYN001").findings();
    assertEquals(1, notes.size(), notes::toString);
    Finding f = notes.get(0);
    assertEquals(Severity.INFO, f.severity());
    assertEquals(message, f.message());
    assertEquals(line, f.location().startLine());
    assertEquals(column, f.location().startColumn());
  }

  /** A file read through templatefile(): Terraform's %{ } directives are not YAML until rendered. */
  @Test
  void aTerraformTemplateSourceIsAnInfoNoteOnlyWhenAsked() {
    Path dir = SYN.resolve("terraform-templatefile-source");
    assertEquals(List.of(), TestScans.findings(dir, "SYN001"));
    List<Finding> notes = TestScans.scan(dir, REPORT_UNKNOWN, "SYN001").findings();
    assertEquals(1, notes.size(), notes::toString);
    Finding f = notes.get(0);
    assertEquals(Severity.INFO, f.severity());
    assertTrue(f.message().startsWith("Not judged: a Terraform template source (templatefile), not YAML until it is rendered"
        + " (%{ for name, value in values ~} at line 7)"), f.message());
    assertEquals(7, f.location().startLine());
  }

  @Test
  void anErrorThatRenderingKeepsIsStillASyntaxError() {
    List<Finding> found = TestScans.scan(SYN.resolve("jinja-source-with-real-error.yaml"), REPORT_UNKNOWN, "SYN001").findings();
    assertEquals(1, found.size(), found::toString);
    assertEquals(Severity.HIGH, found.get(0).severity());
    assertEquals(16, found.get(0).location().startLine());
    assertTrue(found.get(0).message().startsWith("YAML syntax error: "), found.get(0).message());
  }

  /**
   * Jinja sources that one rendering makes YAML: a first line of markup (it is not JSON), both
   * branches of an if kept (a list item in one, a flow list in the other), an expression alone on
   * its line that renders an included file's lines (in a list, at the start of a block scalar).
   * Not judged: an info note with --report-unknown.
   */
  @ParameterizedTest
  @ValueSource(strings = {"jinja-source-first-line.yaml", "jinja-source-with-branches.yaml", "jinja-source-included-lines.yaml",
      "jinja-source-expression-in-block-scalar.yaml"})
  void aSourceThatOneRenderingMakesYamlIsNotASyntaxError(String file) {
    Path source = SYN.resolve(file);
    assertEquals(List.of(), TestScans.findings(source, "SYN001"));
    List<Finding> notes = TestScans.scan(source, REPORT_UNKNOWN, "SYN001").findings();
    assertEquals(1, notes.size(), notes::toString);
    assertEquals(Severity.INFO, notes.get(0).severity());
    assertTrue(notes.get(0).message().startsWith("Not judged: a Jinja template source, not YAML until it is rendered"),
        notes.get(0).message());
  }
}
