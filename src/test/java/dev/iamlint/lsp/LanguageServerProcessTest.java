package dev.iamlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iamlint lsp} as an editor starts it: a process of its own, the protocol on its stdin and
 * stdout, through the command line's own entry point.
 */
class LanguageServerProcessTest {
  @TempDir
  Path project;

  @Test
  void theLspCommandServesDiagnosticsOnStdioAndExitsCleanly() throws Exception {
    Files.createDirectories(project.resolve(".git"));
    Path main = project.resolve("main.tf");
    String text = """
        resource "aws_iam_user_policy_attachment" "ops" {
          user       = "ops"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """;
    Files.writeString(main, "");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path stderr = project.resolve("stderr.txt");
    Process process = new ProcessBuilder(List.of(java.toString(), "-cp", classpath, "dev.iamlint.cli.Main", "lsp",
        "--no-cache"))
        .redirectError(stderr.toFile())
        .start();
    try (JsonRpcClient client = new JsonRpcClient(process.getInputStream(), process.getOutputStream())) {
      JsonObject init = new JsonObject();
      init.addProperty("processId", ProcessHandle.current().pid());
      init.addProperty("rootUri", project.toUri().toString());
      init.add("capabilities", new JsonObject());
      JsonObject result = client.response(client.request("initialize", init), Duration.ofSeconds(60)).getAsJsonObject("result");
      assertEquals("iamlint", result.getAsJsonObject("serverInfo").get("name").getAsString());
      client.notify("initialized", new JsonObject());

      JsonObject doc = new JsonObject();
      doc.addProperty("uri", main.toUri().toString());
      doc.addProperty("languageId", "terraform");
      doc.addProperty("version", 1);
      doc.addProperty("text", text);
      JsonObject open = new JsonObject();
      open.add("textDocument", doc);
      client.notify("textDocument/didOpen", open);
      JsonObject published = client.notification("textDocument/publishDiagnostics",
          p -> p.getAsJsonArray("diagnostics").asList().stream()
              .anyMatch(d -> d.getAsJsonObject().get("code").getAsString().equals("ADM001")), Duration.ofSeconds(60))
          .orElseThrow(() -> new AssertionError("no ADM001; received " + client.pending() + "\n" + read(stderr)));
      assertEquals(main.toUri().toString(), published.get("uri").getAsString());

      JsonObject shutdown = client.response(client.request("shutdown", null), Duration.ofSeconds(30));
      assertFalse(shutdown.has("error"), shutdown.toString());
      client.notify("exit", null);
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server exits after exit");
      assertEquals(0, process.exitValue(), read(stderr));
    } finally {
      process.destroyForcibly();
    }
  }

  /** The server's stderr so far, for a failure's message. */
  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(stderr not readable: " + e.getMessage() + ")";
    }
  }
}
