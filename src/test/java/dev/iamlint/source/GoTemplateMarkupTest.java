package dev.iamlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which text holds Go text/template actions (found on public repositories: Copilot, eksctl sources). */
class GoTemplateMarkupTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `Properties:{{if .Addons}}`                 | {{if .Addons}}
      `  - {{$arn}}{{end}}`                       | {{$arn}}
      `{{- end }}`                                | {{- end }}
      `{{range $x := .Items}}`                    | {{range $x := .Items}}
      `Name: {{ .Values.name }}`                  | {{ .Values.name }}
      `{{/* a comment */}}`                       | {{/* a comment */}}
      `Name: {{ cookiecutter.name }}`             | none
      `{%- if cookiecutter.x %}`                  | none
      `Key: value # see {{with x}}`               | none
      `Key: "a{{if}}"`                            | {{if}}
      """)
  void firstAction(String text, String expected) {
    assertEquals(expected, GoTemplateMarkup.first("t.yaml", text).map(JinjaMarkup.Tag::text).orElse("none"));
  }
}
