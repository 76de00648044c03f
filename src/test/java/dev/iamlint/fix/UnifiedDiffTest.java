package dev.iamlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The diff --fix-dry-run prints, as diff -u writes it. */
class UnifiedDiffTest {

  record Case(String name, String before, String after, String diff) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String numbered(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) sb.append("line ").append(i).append('\n');
    return sb.toString();
  }

  static Stream<Case> cases() {
    String twenty = numbered(1, 20);
    return Stream.of(
        new Case("equal texts: nothing", "a\n", "a\n", ""),
        new Case("one line changed, three lines of context", twenty, twenty.replace("line 10\n", "line ten\n"), """
            --- a/f
            +++ b/f
            @@ -7,7 +7,7 @@
             line 7
             line 8
             line 9
            -line 10
            +line ten
             line 11
             line 12
             line 13
            """),
        new Case("a line inserted at the start", "b\nc\n", "a\nb\nc\n", """
            --- a/f
            +++ b/f
            @@ -1,2 +1,3 @@
            +a
             b
             c
            """),
        new Case("changes far apart: two hunks", twenty, twenty.replace("line 2\n", "line two\n").replace("line 19\n", ""), """
            --- a/f
            +++ b/f
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +line two
             line 3
             line 4
             line 5
            @@ -16,5 +16,4 @@
             line 16
             line 17
             line 18
            -line 19
             line 20
            """),
        new Case("changes close together: one hunk", numbered(1, 8), numbered(1, 8).replace("line 2\n", "x\n").replace("line 7\n", "y\n"), """
            --- a/f
            +++ b/f
            @@ -1,8 +1,8 @@
             line 1
            -line 2
            +x
             line 3
             line 4
             line 5
             line 6
            -line 7
            +y
             line 8
            """),
        new Case("no line break at the end", "a\nb", "a\nc", """
            --- a/f
            +++ b/f
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +c
            \\ No newline at end of file
            """),
        new Case("everything new in an empty file", "", "a\n", """
            --- a/f
            +++ b/f
            @@ -0,0 +1 @@
            +a
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writesWhatDiffWrites(Case c) {
    assertEquals(c.diff(), UnifiedDiff.of("f", c.before(), c.after()));
  }
}
