package dev.iamlint.scan;

import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the values of a parsed file lie: a {@code #} inside one (a block scalar, a quoted
 * string) is text, not a comment. Collected on first use: nearly no file holds a directive.
 */
final class ScalarSpans {
  static final ScalarSpans NONE = new ScalarSpans(null);

  private final Node root;
  private List<Location> spans;

  private ScalarSpans(Node root) {
    this.root = root;
  }

  static ScalarSpans of(Node root) {
    return new ScalarSpans(root);
  }

  /** Whether line {@code line}, column {@code column} (1-based) lies inside a value of more than its line's start. */
  boolean holds(int line, int column) {
    if (root == null) return false;
    if (spans == null) {
      spans = new ArrayList<>();
      collect(root, spans);
    }
    for (Location l : spans) {
      boolean afterStart = line > l.startLine() || (line == l.startLine() && column > l.startColumn());
      boolean beforeEnd = line < l.endLine() || (line == l.endLine() && column < l.endColumn());
      if (afterStart && beforeEnd) return true;
    }
    return false;
  }

  private static void collect(Node n, List<Location> out) {
    if (n instanceof ScalarNode s) {
      out.add(s.location());
    } else if (n instanceof ListNode l) {
      l.items().forEach(i -> collect(i, out));
    } else if (n instanceof MapNode m) {
      m.entries().forEach(e -> {
        collect(e.key(), out);
        collect(e.value(), out);
      });
    }
  }
}
