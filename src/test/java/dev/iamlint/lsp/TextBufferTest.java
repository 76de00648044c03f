package dev.iamlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Incremental changes as the protocol defines them: 0-based lines, UTF-16 characters, clamped to the text. */
class TextBufferTest {

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("replace a word", "a = 1\nb = 2\n", 1, 4, 1, 5, "3", "a = 1\nb = 3\n"),
        Arguments.of("insert at a point", "ab\n", 0, 1, 0, 1, "X", "aXb\n"),
        Arguments.of("join two lines", "one\ntwo\n", 0, 3, 1, 0, " ", "one two\n"),
        Arguments.of("CRLF: a line ends before its \\r\\n", "a\r\nb\r\n", 0, 9, 0, 9, "!", "a!\r\nb\r\n"),
        Arguments.of("a lone \\r ends a line", "a\rb", 1, 0, 1, 1, "c", "a\rc"),
        Arguments.of("past the last line: the end of the text", "x\n", 5, 0, 5, 0, "y", "x\ny"),
        Arguments.of("a surrogate pair counts two characters", "\uD83D\uDE00=1\n", 0, 2, 0, 3, ":", "\uD83D\uDE00:1\n"),
        Arguments.of("delete across lines", "keep\ndrop\nkeep\n", 0, 4, 1, 4, "", "keep\nkeep\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void appliesAnIncrementalChange(String name, String text, int startLine, int startCharacter, int endLine, int endCharacter,
      String newText, String expected) {
    TextBuffer before = new TextBuffer("file:///x.tf", 1, text);
    TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
        new Range(new Position(startLine, startCharacter), new Position(endLine, endCharacter)), newText);
    TextBuffer after = before.apply(2, List.of(change)).buffer();
    assertEquals(expected, after.text());
    assertEquals(2, after.version());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aChangeWithoutARangeReplacesTheText(String name, String text, int a, int b, int c, int d, String newText, String e) {
    TextBuffer after = new TextBuffer("file:///x.tf", 1, text)
        .apply(2, List.of(new TextDocumentContentChangeEvent(newText))).buffer();
    assertEquals(newText, after.text());
  }

  @Test
  void aChangeWithoutTextOrWithHalfARangeIsLeftOut() {
    // As the protocol library reads them from a message that leaves the fields out (its constructors refuse nulls).
    TextDocumentContentChangeEvent noText = new TextDocumentContentChangeEvent();
    noText.setRange(new Range(new Position(0, 0), new Position(0, 1)));
    TextDocumentContentChangeEvent halfRange = new TextDocumentContentChangeEvent();
    halfRange.setRange(new Range());
    halfRange.getRange().setStart(new Position(0, 0));
    halfRange.setText("z");
    TextDocumentContentChangeEvent wholeWithoutText = new TextDocumentContentChangeEvent();
    TextDocumentContentChangeEvent good = new TextDocumentContentChangeEvent(
        new Range(new Position(0, 4), new Position(0, 5)), "2");
    TextBuffer.Changed changed = new TextBuffer("file:///x.tf", 1, "a = 1\n")
        .apply(2, Arrays.asList(noText, halfRange, null, wholeWithoutText, good));
    assertEquals("a = 2\n", changed.buffer().text());
    assertEquals(4, changed.ignored());
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("lines")
  void readsALineWithoutItsEnd(int line, Optional<String> expected) {
    assertEquals(expected, new TextBuffer("file:///x.tf", 1, "one\r\ntwo\nthree").line(line));
  }

  static Stream<Arguments> lines() {
    return Stream.of(Arguments.of(0, Optional.of("one")), Arguments.of(1, Optional.of("two")),
        Arguments.of(2, Optional.of("three")), Arguments.of(3, Optional.empty()), Arguments.of(-1, Optional.empty()));
  }
}
