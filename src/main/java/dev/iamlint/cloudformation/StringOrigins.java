package dev.iamlint.cloudformation;

import dev.iamlint.source.LineIndex;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.yaml.ScalarPositions;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Where the characters of an evaluated string were written in the template, for strings that
 * hold JSON (a policy document written as text): runs of a scalar, and the {@code ${...}} of a
 * {@code Fn::Sub} for the text that replaced it. A statement inside such a string is then located
 * at its own line and column.
 */
final class StringOrigins {

  /**
   * Characters {@code [start, end)} of the string come from {@code scalar}, from its character
   * {@code scalarOffset} on; when not {@code literal}, they replaced the variable written there.
   */
  record Run(int start, int end, ScalarNode scalar, int scalarOffset, boolean literal) {}

  private record Key(Location at, String text) {}

  private final String file;
  private final String source;
  private final LineIndex lines;
  private final Map<Key, List<Run>> recorded = new HashMap<>();
  private final Map<ScalarNode, Optional<int[]>> aligned = new IdentityHashMap<>();

  StringOrigins(String file, String source) {
    this.file = file;
    this.source = source;
    this.lines = new LineIndex(source);
  }

  /** Only strings that may hold a JSON document are worth remembering. */
  static boolean mayHoldJson(String text) {
    String t = text.stripLeading();
    return t.startsWith("{") || t.startsWith("[");
  }

  void record(Location at, String text, List<Run> runs) {
    if (!source.isEmpty()) recorded.put(new Key(at, text), List.copyOf(runs));
  }

  /** The file position of each character of {@code text}, the string evaluated at {@code at}. */
  Optional<IntFunction<Location>> positions(Location at, String text) {
    List<Run> runs = recorded.get(new Key(at, text));
    if (runs == null) return Optional.empty();
    for (Run r : runs) {
      if (align(r.scalar()).isEmpty()) return Optional.empty();
    }
    return Optional.of(offset -> {
      for (Run r : runs) {
        if (offset >= r.start() && offset < r.end()) {
          int[] positions = align(r.scalar()).orElseThrow();
          int inScalar = r.scalarOffset() + (r.literal() ? offset - r.start() : 0);
          if (inScalar >= 0 && inScalar < positions.length) return lines.point(file, positions[inScalar]);
          break;
        }
      }
      return at.start();
    });
  }

  private Optional<int[]> align(ScalarNode s) {
    return aligned.computeIfAbsent(s, k -> {
      Location l = k.location();
      return ScalarPositions.align(source, lines.offset(l.startLine(), l.startColumn()),
          lines.offset(l.endLine(), l.endColumn()), k.text());
    });
  }
}
