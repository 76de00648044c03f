package dev.iamlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JinjaMarkupTest {

  /**
   * Input → the text with its markup set aside, "-" when there is none. Line breaks are written
   * {@code ~}, the blanks of the result {@code _}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "a: {{ x }}-v1 | a:_1111111-v1",
      "a: 1~{%- if x %}~b: 2~{%- endif %}~c: 3 | a:_1~~b:_2~~c:_3",
      "a: {% if x %}y{% endif %} | a:___________y___________",
      "a: {# note #}b | a:___________b",
      "'{% raw %}{{ x }}{% endraw %}' | '_________{{_x_}}____________'",
      "a: '{{resolve:ssm:/p}}' | -",
      "a: ${{ github.ref }} | -",
      "a: {{ x | -",
      "a: {b: {}} | -",
      "a:~%{ for k in v }~  ${k}: 1~%{ endfor }~ | a:~~  ${k}: 1~~",
      "a: '100%%{ x }' | -",
      "a: '%{ unclosed' | -",
  })
  void markupIsSetAsideWithoutMovingLinesOrColumns(String input, String expected) {
    Optional<JinjaMarkup.SetAside> s = JinjaMarkup.setAside("t.yaml", input.replace("~", "\n"));
    assertEquals(expected.equals("-") ? "-" : expected.replace("~", "\n").replace('_', ' '), s.map(JinjaMarkup.SetAside::text).orElse("-"));
  }

  /**
   * Input → one rendering of it: the first branch of each if only, and an expression alone on its
   * line rendering nothing (an empty line), lines kept. Line breaks {@code ~}, blanks {@code _}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "a:~{% if x %}~- 1~{% else %}~[1, 2]~{% endif %}~b: 2 | a:~~-_1~~______~~b:_2",
      "a: {% if x %}1{% elif y %}2{% else %}3{% endif %} | a:___________1___________________________________",
      "a:~{% if x %}~{% if y %}~- 1~{% else %}~- 2~{% endif %}~{% else %}~- 3~{% endif %}~ | a:~~~-_1~~___~~~___~~",
      "s:~  - 1~  {{ file('more.yaml') }}~t: 2 | s:~__-_1~~t:_2",
      "a: {{ x }}~b: 2 | a:_1111111~b:_2",
  })
  void oneRenderingKeepsTheFirstBranchAndNoLineForAnIncludedFile(String input, String expected) {
    JinjaMarkup.SetAside s = JinjaMarkup.setAside("t.yaml", input.replace("~", "\n")).orElseThrow();
    assertEquals(expected.replace("~", "\n").replace('_', ' '), s.oneRendering());
  }

  @Test
  @Timeout(5)
  void unclosedBracesAreLinear() {
    String text = "a: " + "{{ {% {# ".repeat(500_000) + "\n" + "{{ x }}";
    assertEquals(1, JinjaMarkup.setAside("t.yaml", text).orElseThrow().tags().size());
  }

  /** A closer inside a string literal of an expression or a statement does not close it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{{ '}}' }}                       | {{ '}}' }}",
      "{{ \"}}\" }}                     | {{ \"}}\" }}",
      "{{ 'it\\'s }}' }}                 | {{ 'it\\'s }}' }}",
      "{% set x = '%}' %}               | {% set x = '%}' %}",
      "{{ x }} '}}'                     | {{ x }}",
      "{{ 'unclosed }} x                | {{ 'unclosed }}",
  })
  void closersInsideLiteralsDoNotCloseTheTag(String input, String firstTag) {
    JinjaMarkup.SetAside s = JinjaMarkup.setAside("t.yaml", "a: " + input.strip() + "\n").orElseThrow();
    assertEquals(firstTag.strip(), s.tags().get(0).text());
  }

  @Test
  @Timeout(5)
  void quotesInUnclosedTagsAreLinear() {
    String text = "a: " + "{{ '{% '".repeat(300_000) + "\n" + "{{ x }}\n" + "{% x %}".repeat(3) + "\n";
    assertFalse(JinjaMarkup.setAside("t.yaml", text).orElseThrow().tags().isEmpty());
  }

  @Test
  void tagsAreLocatedAndCookiecutterIsRecognised() {
    JinjaMarkup.SetAside s = JinjaMarkup.setAside("t.yaml", "a: 1\n  b: {{ cookiecutter.name }}\n{% if x %}\n").orElseThrow();
    assertEquals(2, s.tags().size());
    assertEquals(Location.point("t.yaml", 2, 6), s.tags().get(0).location());
    assertEquals("{{ cookiecutter.name }}", s.tags().get(0).text());
    assertTrue(s.cookiecutter());
    assertEquals(s.tags().get(1), s.nearest(Location.point("t.yaml", 5, 1)));
    assertFalse(JinjaMarkup.setAside("t.yaml", "a: {{ name }}").orElseThrow().cookiecutter());
  }

  @Test
  void terraformDirectivesAreRecognised() {
    JinjaMarkup.SetAside s = JinjaMarkup.setAside("t.yaml", "a:\n%{ if x ~}\n  b: 1\n%{ endif }\n").orElseThrow();
    assertTrue(s.terraform());
    assertFalse(s.cookiecutter());
    assertEquals(Location.point("t.yaml", 2, 1), s.tags().get(0).location());
    assertEquals("%{ if x ~}", s.tags().get(0).text());
    assertFalse(JinjaMarkup.setAside("t.yaml", "a: {{ name }}").orElseThrow().terraform());
  }
}
