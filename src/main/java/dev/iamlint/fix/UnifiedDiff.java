package dev.iamlint.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts ({@code diff -u}, three lines of context), line by line with
 * Myers' algorithm: what {@code --fix-dry-run} shows. Fixes change a few lines, so the number of
 * differences is small and the work close to linear.
 */
public final class UnifiedDiff {
  private UnifiedDiff() {}

  private static final int CONTEXT = 3;

  private enum Op { KEEP, DELETE, INSERT }

  private record Line(Op op, String text) {}

  /** The diff of {@code before} and {@code after} for the file {@code path}; empty when they are equal. */
  public static String of(String path, String before, String after) {
    if (before.equals(after)) return "";
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Line> script = script(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
    int i = 0;
    while (i < script.size()) {
      if (script.get(i).op() == Op.KEEP) {
        i++;
        continue;
      }
      // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change
      // that is no further than 2 * CONTEXT unchanged lines from the one before.
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < script.size()) {
        if (script.get(end).op() != Op.KEEP) lastChange = end;
        else if (end - lastChange > 2 * CONTEXT) break;
        end++;
      }
      end = Math.min(script.size(), lastChange + CONTEXT + 1);
      hunk(out, script, start, end);
      i = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Line> script, int start, int end) {
    int oldStart = 1;
    int newStart = 1;
    for (int j = 0; j < start; j++) {
      if (script.get(j).op() != Op.INSERT) oldStart++;
      if (script.get(j).op() != Op.DELETE) newStart++;
    }
    int oldCount = 0;
    int newCount = 0;
    for (int j = start; j < end; j++) {
      if (script.get(j).op() != Op.INSERT) oldCount++;
      if (script.get(j).op() != Op.DELETE) newCount++;
    }
    out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n");
    for (int j = start; j < end; j++) {
      Line l = script.get(j);
      out.append(switch (l.op()) {
        case KEEP -> ' ';
        case DELETE -> '-';
        case INSERT -> '+';
      });
      String text = l.text();
      boolean terminated = text.endsWith("\n");
      out.append(terminated ? text.substring(0, text.length() - 1) : text).append('\n');
      if (!terminated) out.append("\\ No newline at end of file\n");
    }
  }

  /** {@code start,count} as diff writes it: an empty range starts one line before. */
  private static String range(int start, int count) {
    return (count == 0 ? start - 1 : start) + (count == 1 ? "" : "," + count);
  }

  /** The lines with their terminators, so that a missing final line break is a difference. */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(from, i + 1));
        from = i + 1;
      }
    }
    if (from < text.length()) out.add(text.substring(from));
    return out;
  }

  /** The shortest edit script from {@code a} to {@code b} (Myers 1986), deletions before insertions. */
  private static List<Line> script(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    List<Line> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = found; d >= 0; d--) {
      int[] before = trace.get(d);
      int k = x - y;
      int prevK = d == 0 ? 0 : k == -d || (k != d && before[offset + k - 1] < before[offset + k + 1]) ? k + 1 : k - 1;
      int prevX = d == 0 ? 0 : before[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.add(new Line(Op.KEEP, a.get(x - 1)));
        x--;
        y--;
      }
      if (d > 0) {
        if (x == prevX) reversed.add(new Line(Op.INSERT, b.get(y - 1)));
        else reversed.add(new Line(Op.DELETE, a.get(x - 1)));
      }
      x = prevX;
      y = prevY;
    }
    List<Line> script = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) script.add(reversed.get(i));
    return script;
  }
}
