package dev.iamlint.cli;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.source.SourceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code --parameter-file}: the JSON list CloudFormation's CLI takes
 * ({@code [{"ParameterKey": "A", "ParameterValue": "b"}]}) or a plain {@code {"A": "b"}} map.
 */
final class ParameterFile {
  private ParameterFile() {}

  static Map<String, String> read(Path path) throws IOException {
    SourceReader.Outcome read = SourceReader.UNCONFINED.read(path, SourceReader.Encoding.UNICODE);
    if (read instanceof SourceReader.Refused refused) throw new IOException(path + ": " + refused.reason());
    ParseResult parsed = JsonLoader.parse(path.toString(), ((SourceReader.Text) read).text());
    if (parsed instanceof ParseResult.Failed f) {
      throw new IllegalArgumentException(path + ":" + f.location().startLine() + ":" + f.location().startColumn()
          + ": " + f.message());
    }
    Node root = ((ParseResult.Parsed) parsed).root();
    Map<String, String> values = new LinkedHashMap<>();
    if (root instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) values.put(e.name(), scalar(path, e.value()));
    } else if (root instanceof ListNode l) {
      for (Node item : l.items()) {
        if (!(item instanceof MapNode m) || m.get("ParameterKey").isEmpty()) {
          throw new IllegalArgumentException(path + ":" + item.location().startLine()
              + ": expected {\"ParameterKey\": ..., \"ParameterValue\": ...}");
        }
        values.put(scalar(path, m.get("ParameterKey").get()),
            m.get("ParameterValue").map(v -> scalar(path, v)).orElse(""));
      }
    } else {
      throw new IllegalArgumentException(path + ": expected a JSON list or map of parameters");
    }
    return values;
  }

  private static String scalar(Path path, Node n) {
    if (n instanceof ScalarNode s) return s.text();
    if (n instanceof ListNode l) {
      StringBuilder sb = new StringBuilder();
      for (Node item : l.items()) {
        if (sb.length() > 0) sb.append(',');
        sb.append(scalar(path, item));
      }
      return sb.toString();
    }
    throw new IllegalArgumentException(path + ":" + n.location().startLine() + ": a parameter value must be a string");
  }
}
