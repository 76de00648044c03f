package dev.iamlint.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The line starts of a text, to convert between character offsets and 1-based lines and
 * columns. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, as the YAML and JSON
 * parsers count lines.
 */
public final class LineIndex {
  private final int length;
  private final int[] starts;

  public LineIndex(String text) {
    this.length = text.length();
    List<Integer> s = new ArrayList<>();
    s.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) s.add(i + 1);
    }
    starts = s.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The offset of a 1-based line and column, kept inside the text. */
  public int offset(int line, int column) {
    int l = Math.max(1, Math.min(line, starts.length));
    return Math.max(0, Math.min(length, starts[l - 1] + column - 1));
  }

  /** The 1-based line and column of an offset, as a point in {@code file}. */
  public Location point(String file, int offset) {
    int o = Math.max(0, Math.min(offset, length));
    int low = 0;
    int high = starts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (starts[mid] <= o) low = mid;
      else high = mid - 1;
    }
    return Location.point(file, low + 1, o - starts[low] + 1);
  }
}
