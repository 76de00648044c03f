package dev.iamlint.scan;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Suppression;
import dev.iamlint.source.Location;
import dev.iamlint.source.SourceReader;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A baseline: the fingerprints of accepted findings, so a scan reports only new ones. The file is
 * JSON, sorted, one entry per fingerprint with what the finding was (rule, file, resource,
 * message) for the people who review it; only the fingerprint is compared. Fingerprints leave
 * out line numbers: moving a resource or editing another one keeps them.
 */
public final class Baseline {
  private final Map<String, String> entries;
  /** The file as the command line named it, for the reason of what it hides. */
  private final String name;

  private Baseline(Map<String, String> entries, String name) {
    this.entries = entries;
    this.name = name;
  }

  /** The baseline in {@code file}; what is wrong with it, located and in words, when it is not one. */
  public static Baseline read(Path file) throws IOException {
    SourceReader.Outcome read = SourceReader.UNCONFINED.read(file, SourceReader.Encoding.UNICODE);
    if (read instanceof SourceReader.Refused refused) throw new IOException(file + ": " + refused.reason());
    ParseResult parsed = JsonLoader.parse(file.toString(), ((SourceReader.Text) read).text());
    if (parsed instanceof ParseResult.Failed f) throw new IOException(at(file, f.location()) + "not valid JSON: " + f.message());
    Node root = ((ParseResult.Parsed) parsed).root();
    Optional<Node> list = root instanceof MapNode m ? m.get("findings") : Optional.empty();
    if (list.isEmpty() || !(list.get() instanceof ListNode findings)) {
      throw new IOException(file + ": not an iamlint baseline (no \"findings\" list)");
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (Node e : findings.items()) {
      Optional<String> fingerprint = text(e, "fingerprint");
      if (fingerprint.isEmpty()) {
        throw new IOException(at(file, e.location()) + "a baseline entry without a \"fingerprint\" string");
      }
      entries.put(fingerprint.get(), text(e, "ruleId").orElse(""));
    }
    return new Baseline(entries, file.toString());
  }

  private static String at(Path file, Location l) {
    return file + ":" + l.startLine() + ":" + l.startColumn() + ": ";
  }

  private static Optional<String> text(Node entry, String key) {
    return entry instanceof MapNode m ? m.get(key).filter(n -> n instanceof ScalarNode s && s.isString())
        .map(n -> ((ScalarNode) n).text()) : Optional.empty();
  }

  public static void write(Path file, List<Finding> findings) throws IOException {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::fingerprint).thenComparing(Scanner.ORDER));
    JsonArray list = new JsonArray();
    String last = "";
    for (Finding f : sorted) {
      if (f.fingerprint().equals(last)) continue;
      last = f.fingerprint();
      JsonObject o = new JsonObject();
      o.addProperty("fingerprint", f.fingerprint());
      o.addProperty("ruleId", f.ruleId());
      o.addProperty("file", f.resource().file());
      o.addProperty("resource", f.resource().address());
      o.addProperty("message", f.message());
      list.add(o);
    }
    JsonObject root = new JsonObject();
    root.addProperty("tool", "iamlint");
    root.addProperty("version", 1);
    root.add("findings", list);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n",
        StandardCharsets.UTF_8);
  }

  public boolean contains(Finding f) {
    return entries.containsKey(f.fingerprint());
  }

  /** The finding marked as accepted by the baseline, when it is in it. */
  Optional<Finding> accept(Finding f) {
    return contains(f) ? Optional.of(f.suppressed(new Suppression(Suppression.Kind.BASELINE, "in the baseline " + name,
        Optional.empty()))) : Optional.empty();
  }

  public int size() {
    return entries.size();
  }
}
