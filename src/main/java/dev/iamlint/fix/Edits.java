package dev.iamlint.fix;

import dev.iamlint.source.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies fixes to the text of one file. */
public final class Edits {
  private Edits() {}

  /** The text after the edits, the fixes that made it and those left out because they overlap one applied before. */
  public record Applied(String text, List<Fix> applied, List<Fix> skipped) {
    public Applied {
      applied = List.copyOf(applied);
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * Applies {@code fixes} (whose edits all concern this text) in their order, each whole or not
   * at all: a fix whose edits overlap an edit of a fix already taken is skipped, so that no
   * edit ever changes text another one is about. A fix whose edits were all taken already is
   * applied by them: it is not made twice.
   */
  public static Applied apply(String text, List<Fix> fixes) {
    List<TextEdit> taken = new ArrayList<>();
    List<Fix> applied = new ArrayList<>();
    List<Fix> skipped = new ArrayList<>();
    for (Fix fix : fixes) {
      // The same edits again (a module's resource found through two of its calls): made by the first.
      if (taken.containsAll(fix.edits())) {
        applied.add(fix);
        continue;
      }
      boolean clashes = fix.edits().stream().anyMatch(e -> taken.stream().anyMatch(e::overlaps))
          || fix.edits().stream().anyMatch(e -> fix.edits().stream().anyMatch(o -> o != e && e.overlaps(o)));
      if (clashes) {
        skipped.add(fix);
      } else {
        taken.addAll(fix.edits());
        applied.add(fix);
      }
    }
    return new Applied(applyEdits(text, taken), applied, skipped);
  }

  /** Non-overlapping edits applied in one pass; at one position insertions go before a replacement. */
  private static String applyEdits(String text, List<TextEdit> edits) {
    LineIndex lines = new LineIndex(text);
    List<TextEdit> ordered = new ArrayList<>(edits);
    ordered.sort(Comparator.comparingInt((TextEdit e) -> lines.offset(e.startLine(), e.startColumn()))
        .thenComparing(e -> !e.isInsertion()));
    StringBuilder out = new StringBuilder(text.length() + 64);
    int at = 0;
    for (TextEdit e : ordered) {
      int start = lines.offset(e.startLine(), e.startColumn());
      int end = lines.offset(e.endLine(), e.endColumn());
      out.append(text, at, Math.max(at, start)).append(e.newText());
      at = Math.max(at, end);
    }
    return out.append(text, at, text.length()).toString();
  }
}
