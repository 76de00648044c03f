package dev.iamlint.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against HashiCorp's own parser ({@code ../shared/tools/hcl-oracle}, which
 * needs node and npm): on every file of {@code ../shared/corpus/hcl}, accept/reject and the
 * canonical JSON must be the same, byte for byte. Skipped when the tool or node is missing.
 */
class OracleAgreementTest {
  static final Path ORACLE = Path.of("..", "shared", "tools", "hcl-oracle");

  /** Cases of our own, for what the shared corpus does not hold (escaped template markers). */
  static final Path OWN_CASES = Path.of("testdata", "hcl2json");

  @Test
  void ourParserAgreesWithHashicorpsOnTheWholeCorpus() throws Exception {
    assumeTrue(Files.isDirectory(HclConformanceTest.CORPUS), "corpus missing");
    agree(HclConformanceTest.files(HclConformanceTest.CORPUS, ".tf", ".hcl"));
  }

  @Test
  void ourParserAgreesWithHashicorpsOnOurOwnCases() throws Exception {
    agree(HclConformanceTest.files(OWN_CASES, ".tf", ".hcl"));
  }

  /**
   * Inputs a fuzzer found disagreements on, generated here (carriage returns and byte order marks
   * do not survive editors and git settings well): line endings in comments, strings and
   * heredocs, surrogate escapes, number literals at the edge of Go's float range.
   */
  @Test
  void ourParserAgreesWithHashicorpsOnHostileCases(@TempDir Path dir) throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("cr-in-hash-comment", "a = 1 # c\rd\nb = 2\n");
    cases.put("cr-in-slash-comment", "// c\r\r\na = 1\n");
    cases.put("cr-comment-at-eof", "a = 1 // c\r");
    cases.put("cr-in-block-comment", "/* \r */\na = 1\r\n");
    cases.put("cr-comment-runs-on", "a = \"x\" # \rb = 1\n");
    cases.put("bare-cr", "a = 1\r");
    cases.put("bare-cr-in-string", "a = \"x\r");
    cases.put("bare-cr-in-heredoc", "a = <<EOT\nab\rcd\nEOT\n");
    cases.put("crlf-heredoc", "a = <<EOT\r\nab\r\nEOT\r\n");
    cases.put("utf8-bom", "\uFEFFa = 1\n");
    cases.put("lone-surrogate", "a = \"\\uD800\"\n");
    cases.put("surrogate-pair", "a = \"\\uD83D\\uDE00\"\n");
    cases.put("beyond-unicode", "a = \"\\U00110000\"\n");
    cases.put("surrogate-in-heredoc", "a = <<EOT\n\\uD800\nEOT\n");
    cases.put("noncharacter", "a = \"\\uFFFF\"\n");
    for (String n : List.of("1e2147483648", "1e2147483647", "1e-2147483649", "1e-2147483650", "10e2147483646",
        "0e9999999999", "0.0001e2147483647", "1e1000000000")) {
      cases.put("number-" + n, "a = " + n + "\n");
    }
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> c : cases.entrySet()) {
      files.add(Files.writeString(dir.resolve(c.getKey() + ".tf"), c.getValue(), StandardCharsets.UTF_8));
    }
    agree(files);
  }

  private static void agree(List<Path> files) throws Exception {
    assumeTrue(Files.isExecutable(ORACLE), "oracle missing");
    assumeTrue(onPath("node") && onPath("npm"), "node/npm missing");
    List<String> command = new ArrayList<>(List.of(ORACLE.toString()));
    files.forEach(f -> command.add(f.toString()));
    File out = Files.createTempFile("oracle", ".jsonl").toFile();
    Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assumeTrue(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0, "oracle did not run (npm install offline?)");
    List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
    assumeTrue(lines.size() == files.size(), "oracle printed " + lines.size() + " lines for " + files.size() + " files");

    Map<String, String> disagreements = new LinkedHashMap<>();
    int agreeing = 0;
    for (int i = 0; i < files.size(); i++) {
      JsonObject theirs = JsonParser.parseString(lines.get(i)).getAsJsonObject();
      String ours = Hcl2JsonLine.of(files.get(i));
      JsonObject mine = JsonParser.parseString(ours).getAsJsonObject();
      boolean same = theirs.get("ok").getAsBoolean() == mine.get("ok").getAsBoolean()
          && (!theirs.get("ok").getAsBoolean() || lines.get(i).strip().equals(ours));
      if (same) agreeing++;
      else disagreements.put(files.get(i).toString(), "oracle: " + abbreviate(lines.get(i)) + "\n    ours: " + abbreviate(ours));
    }
    System.out.println("hcl-oracle agreement: " + agreeing + "/" + files.size());
    assertEquals(Map.of(), disagreements);
  }

  private static String abbreviate(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) return true;
    }
    return false;
  }

  /** The debug command's line for one file, computed in-process. */
  static final class Hcl2JsonLine {
    static String of(Path f) throws IOException {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("file", f.toString());
      HclParseResult r = HclParser.parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      if (r instanceof HclParseResult.Failed failed) {
        line.put("ok", false);
        line.put("error", failed.message());
      } else {
        try {
          Map<String, Object> json = Hcl2Json.convert(((HclParseResult.Parsed) r).file());
          line.put("ok", true);
          line.put("json", json);
        } catch (Hcl2Json.Unconvertible e) {
          line.put("ok", false);
          line.put("error", e.getMessage());
        }
      }
      return Hcl2Json.toJson(line);
    }
  }
}
