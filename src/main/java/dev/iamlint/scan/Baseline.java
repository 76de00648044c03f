package dev.iamlint.scan;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Suppression;
import dev.iamlint.source.SourceReader;
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

  private Baseline(Map<String, String> entries) {
    this.entries = entries;
  }

  public static Baseline read(Path file) throws IOException {
    try {
      SourceReader.Outcome read = SourceReader.UNCONFINED.read(file, SourceReader.Encoding.UNICODE);
      if (read instanceof SourceReader.Refused refused) throw new IOException(file + ": " + refused.reason());
      JsonElement root = JsonParser.parseString(((SourceReader.Text) read).text());
      if (!root.isJsonObject() || !root.getAsJsonObject().has("findings")
          || !root.getAsJsonObject().get("findings").isJsonArray()) {
        throw new IOException(file + ": not an iamlint baseline (no \"findings\" list)");
      }
      Map<String, String> entries = new LinkedHashMap<>();
      for (JsonElement e : root.getAsJsonObject().getAsJsonArray("findings")) {
        if (!e.isJsonObject() || !e.getAsJsonObject().has("fingerprint")) {
          throw new IOException(file + ": a baseline entry has no fingerprint");
        }
        JsonObject o = e.getAsJsonObject();
        entries.put(o.get("fingerprint").getAsString(), o.has("ruleId") ? o.get("ruleId").getAsString() : "");
      }
      return new Baseline(entries);
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      throw new IOException(file + ": not valid JSON: " + e.getMessage());
    }
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
  public Optional<Finding> accept(Finding f, String file) {
    return contains(f) ? Optional.of(f.suppressed(new Suppression(Suppression.Kind.BASELINE, "in the baseline " + file,
        Optional.empty()))) : Optional.empty();
  }

  public int size() {
    return entries.size();
  }
}
