package dev.iamlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rules.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server as an editor meets it: JSON-RPC over a pair of pipes, in the order an
 * editor sends its messages, with a project on disk whose open buffer differs from its file.
 */
class LanguageServerTest {
  /** A user with no group of its own file, and the file that puts it in a group. */
  private static final String DEPLOY_USER = """
      resource "aws_iam_user" "deploy" {
        name = "deploy"
      }
      """;
  private static final String DEPLOY_IN_GROUP = """
      resource "aws_iam_group" "ops" {
        name = "ops"
      }

      resource "aws_iam_user_group_membership" "deploy" {
        user   = aws_iam_user.deploy.name
        groups = [aws_iam_group.ops.name]
      }
      """;

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

  @TempDir
  Path project;

  private JsonRpcClient client;
  private CompletableFuture<Integer> server;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    // A project of its own: the scan reads it whole, as "iamlint scan FILE" does.
    Files.createDirectories(project.resolve(".git"));
    // Not java.io's piped streams: they end when a thread that wrote to them ends, and the
    // server's worker threads end on shutdown (a flaky "no response to shutdown").
    MemoryPipe clientToServer = new MemoryPipe();
    MemoryPipe serverToClient = new MemoryPipe();
    OutputStream toServer = clientToServer.out;
    InputStream serverIn = clientToServer.in;
    OutputStream serverOut = serverToClient.out;
    InputStream fromServer = serverToClient.in;
    PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
    server = CompletableFuture.supplyAsync(() -> {
      try {
        return LanguageServerMain.serve(serverIn, serverOut, ParseCache.NONE, "test", Map.of(), logStream);
      } finally {
        try {
          serverOut.close();
        } catch (IOException e) {
          // The client sees the end of the stream either way.
        }
      }
    });
    client = new JsonRpcClient(fromServer, toServer);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.get(10, TimeUnit.SECONDS);
  }

  @Test
  void diagnosesTheUnsavedBufferAndClearsWhatTheEditFixed() throws Exception {
    Path main = write("iam/main.tf", attachment("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    JsonObject capabilities = initialize().getAsJsonObject("capabilities");
    assertEquals(2, capabilities.getAsJsonObject("textDocumentSync").get("change").getAsInt(), "incremental sync");
    assertTrue(capabilities.get("hoverProvider").getAsBoolean());

    // The buffer attaches AdministratorAccess; the file on disk does not.
    String buffer = attachment(ADMIN);
    open(main, buffer);
    JsonObject published = diagnostics(main, d -> has(d, "ADM001"));
    JsonObject adm = only(published, "ADM001");
    assertEquals(rangeOf(buffer, "\"" + ADMIN + "\""), adm.getAsJsonObject("range"));
    assertEquals(1, adm.get("severity").getAsInt(), "critical and high are errors");
    assertEquals("iamlint", adm.get("source").getAsString());
    assertTrue(adm.getAsJsonObject("codeDescription").get("href").getAsString().endsWith("/rules/ADM001.yaml"));
    assertTrue(adm.get("message").getAsString().contains("AdministratorAccess"), adm.toString());

    // Hover on the diagnostic: the rule's title and how to fix it.
    JsonObject start = adm.getAsJsonObject("range").getAsJsonObject("start");
    String hover = hoverText(main, start.get("line").getAsInt(), start.get("character").getAsInt() + 3);
    RuleMetadata rule = Catalog.get("ADM001");
    assertTrue(hover.contains(rule.title()) && hover.contains("How to fix"), hover);

    // A suppression as a code action: the next diagnostics honour it.
    JsonArray actions = codeActions(main, adm.getAsJsonObject("range"));
    JsonObject suppress = actions.asList().stream().map(JsonElement::getAsJsonObject)
        .filter(a -> a.get("title").getAsString().equals("Suppress ADM001 here (with reason)")).findFirst()
        .orElseThrow(() -> new AssertionError(actions));
    String suppressed = applyEdits(buffer, suppress.getAsJsonObject("edit").getAsJsonObject("changes")
        .getAsJsonArray(main.toUri().toString()));
    assertTrue(suppressed.startsWith("# iamlint:ignore ADM001 -- "), suppressed);
    change(main, 2, null, suppressed);
    JsonObject honoured = diagnostics(main, d -> !has(d, "ADM001"));
    assertFalse(has(honoured, "SUP001"), "the suppression has a reason and is used: " + honoured);
    change(main, 3, null, buffer);
    diagnostics(main, d -> has(d, "ADM001"));

    // An incremental edit: AdministratorAccess becomes ReadOnlyAccess in the buffer.
    JsonObject range = rangeOf(buffer, "AdministratorAccess\"");
    range.getAsJsonObject("end").addProperty("character", range.getAsJsonObject("end").get("character").getAsInt() - 1);
    change(main, 4, range, "ReadOnlyAccess");
    diagnostics(main, d -> !has(d, "ADM001"));

    shutdownAndExit(0);
  }

  @Test
  void anEditInOneFileRepublishesTheFindingsOfAnother() throws Exception {
    Path users = write("iam/users.tf", DEPLOY_USER);
    String grouped = DEPLOY_IN_GROUP;
    Path groups = write("iam/groups.tf", grouped);
    initialize();
    open(groups, grouped);
    // The membership is in the buffer of groups.tf; the user, in users.tf, has a group.
    String ungrouped = grouped.substring(0, grouped.indexOf("resource \"aws_iam_user_group_membership\""));
    change(groups, 2, null, ungrouped);
    JsonObject lost = diagnostics(users, d -> has(d, "USR003"));
    assertEquals(1, lost.getAsJsonArray("diagnostics").asList().stream().filter(d -> code(d).equals("USR003")).count());
    change(groups, 3, null, grouped);
    // The finding is gone: users.tf gets an empty list.
    JsonObject back = diagnostics(users, d -> !has(d, "USR003"));
    assertFalse(has(back, "USR003"));
    shutdownAndExit(0);
  }

  @Test
  void survivesMalformedMessagesUnknownMethodsAndAFileThatDoesNotParse() throws Exception {
    initialize();
    client.send("{this is not json");
    client.send("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": \"textDocument/hover\", \"params\": 12}");
    client.sendBytes("Content-Length: 7\r\n\r\n[1,2,3]".getBytes(StandardCharsets.US_ASCII));
    int unknown = client.request("iamlint/noSuchMethod", new JsonObject());
    JsonObject error = client.response(unknown, WAIT).getAsJsonObject("error");
    assertEquals(-32601, error.get("code").getAsInt(), "method not found");
    client.notify("custom/noSuchNotification", new JsonObject());

    String broken = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Role: [unclosed\n";
    Path template = write("stack.yaml", broken);
    open(template, broken);
    JsonObject syntax = only(diagnostics(template, d -> has(d, "SYN001")), "SYN001");
    assertEquals(1, syntax.get("severity").getAsInt());

    // Still serving: a hover is answered.
    hoverText(template, 0, 0);
    assertFalse(client.ended());
    shutdownAndExit(0);
    // Nothing but protocol went to stdout: every message the client read was a framed JSON object.
    assertFalse(new String(log.toByteArray(), StandardCharsets.UTF_8).contains("\tat dev.iamlint"),
        "no stack trace of iamlint's own");
  }

  @Test
  void hoversARuleNamedInASuppressionComment() throws Exception {
    String text = """
        # iamlint:ignore USR003,admin-policy-attached -- reviewed
        resource "aws_iam_user" "deploy" {
          name = "deploy"
        }
        """;
    Path main = write("main.tf", text);
    initialize();
    open(main, text);
    String onId = hoverText(main, 0, text.indexOf("USR003") + 2);
    assertTrue(onId.contains(Catalog.get("USR003").title()), onId);
    String onSlug = hoverText(main, 0, text.indexOf("admin-policy") + 4);
    assertTrue(onSlug.contains(Catalog.get("ADM001").title()), onSlug);
    String onReason = hoverText(main, 0, text.indexOf("reviewed") + 2);
    assertEquals("", onReason, "the reason names no rule");
    shutdownAndExit(0);
  }

  @Test
  void aQuickFixIsACodeActionWhoseEditTheNextDiagnosticsHonour() throws Exception {
    String text = """
        resource "aws_cloudtrail" "t" {
          name                  = "t"
          s3_bucket_name        = "audit-logs"
          is_multi_region_trail = false # single region for now
        }
        """;
    Path main = write("audit/main.tf", text);
    JsonObject capabilities = initialize().getAsJsonObject("capabilities");
    assertTrue(capabilities.getAsJsonObject("codeActionProvider").getAsJsonArray("codeActionKinds").toString()
        .contains("quickfix"));
    open(main, text);
    JsonObject ct003 = only(diagnostics(main, d -> has(d, "CT003")), "CT003");

    JsonArray actions = codeActions(main, ct003.getAsJsonObject("range"));
    JsonObject fix = actions.asList().stream().map(JsonElement::getAsJsonObject)
        .filter(a -> a.get("kind").getAsString().equals("quickfix")).findFirst().orElseThrow(() -> new AssertionError(actions));
    assertTrue(fix.get("title").getAsString().contains("is_multi_region_trail"), fix.toString());
    assertEquals("CT003", code(fix.getAsJsonArray("diagnostics").get(0)));
    JsonArray edits = fix.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(main.toUri().toString());
    String fixed = applyEdits(text, edits);
    assertEquals(text.replace("= false", "= true"), fixed);

    // The editor applies the edit to the buffer: the finding goes.
    change(main, 2, null, fixed);
    diagnostics(main, d -> !has(d, "CT003"));
    // Asked of a version newer than the one judged (the next scan is not due yet), nothing stale is offered.
    change(main, 3, null, text);
    assertEquals(0, codeActions(main, ct003.getAsJsonObject("range")).size());
    shutdownAndExit(0);
  }

  @Test
  void aDocumentOrAChangeWithoutTextIsNotABufferAndBreaksNothing() throws Exception {
    Path disk = write("iam/disk.tf", attachment(ADMIN));
    initialize();
    // Fields the protocol requires, left out: the server says so in its log and goes on.
    JsonObject doc = new JsonObject();
    doc.addProperty("uri", disk.toUri().toString());
    doc.addProperty("version", 1);
    JsonObject params = new JsonObject();
    params.add("textDocument", doc);
    client.notify("textDocument/didOpen", params);
    client.notify("textDocument/didOpen", new JsonObject());
    client.notify("textDocument/didChange", new JsonObject());
    // The document without text is judged as it is on disk.
    only(diagnostics(disk, d -> has(d, "ADM001")), "ADM001");

    String text = attachment("arn:aws:iam::aws:policy/ReadOnlyAccess");
    Path open = write("other/open.tf", text);
    open(open, text);
    JsonObject change = new JsonObject();
    change.addProperty("uri", open.toUri().toString());
    change.addProperty("version", 2);
    JsonObject textless = new JsonObject();
    textless.add("range", rangeOf(text, "ReadOnly"));
    JsonArray changes = new JsonArray();
    changes.add(textless);
    JsonObject changeParams = new JsonObject();
    changeParams.add("textDocument", change);
    changeParams.add("contentChanges", changes);
    client.notify("textDocument/didChange", changeParams);
    // The buffer is intact: a well-formed change after it is applied to the text as it was.
    change(open, 3, rangeOf(text, "ReadOnlyAccess"), "AdministratorAccess");
    only(diagnostics(open, d -> has(d, "ADM001")), "ADM001");
    shutdownAndExit(0);
  }

  @Test
  void outsideAProjectAnEditRepublishesTheOpenFilesOfItsDirectory() throws Exception {
    // No project: each file is judged with the other files of its directory (its module).
    Files.delete(project.resolve(".git"));
    Path users = write("iam/users.tf", DEPLOY_USER);
    String grouped = DEPLOY_IN_GROUP;
    Path groups = write("iam/groups.tf", grouped);
    initialize();
    open(users, Files.readString(users));
    open(groups, grouped);
    String ungrouped = grouped.substring(0, grouped.indexOf("resource \"aws_iam_user_group_membership\""));
    change(groups, 2, null, ungrouped);
    diagnostics(users, d -> has(d, "USR003"));
    change(groups, 3, null, grouped);
    diagnostics(users, d -> !has(d, "USR003"));
    shutdownAndExit(0);
  }

  @Test
  void aProjectMadeAfterTheFileWasOpenedJudgesItFromThenOn() throws Exception {
    String text = attachment(ADMIN);
    Path main = write("team/main.tf", text);
    initialize();
    open(main, text);
    diagnostics(main, d -> has(d, "ADM001"));
    // A nested project appears (its config switches the rule off): the file is now judged in it.
    Path config = write("team/.iamlint.yaml", "rules:\n  ADM001: { enabled: false }\n");
    JsonObject event = new JsonObject();
    event.addProperty("uri", config.toUri().toString());
    event.addProperty("type", 1);
    JsonArray events = new JsonArray();
    events.add(event);
    JsonObject params = new JsonObject();
    params.add("changes", events);
    client.notify("workspace/didChangeWatchedFiles", params);
    diagnostics(main, d -> !has(d, "ADM001"));
    // And the nested project goes again: the outer one judges the file.
    Files.delete(config);
    client.notify("workspace/didChangeWatchedFiles", params);
    diagnostics(main, d -> has(d, "ADM001"));
    shutdownAndExit(0);
  }

  @Test
  void exitWithoutShutdownIsAnError() throws Exception {
    initialize();
    client.notify("exit", null);
    assertEquals(1, server.get(10, TimeUnit.SECONDS));
  }

  // ---- the conversation ----

  private JsonObject initialize() {
    JsonObject params = new JsonObject();
    params.addProperty("processId", ProcessHandle.current().pid());
    params.addProperty("rootUri", project.toUri().toString());
    params.add("capabilities", new JsonObject());
    JsonObject result = client.response(client.request("initialize", params), WAIT).getAsJsonObject("result");
    client.notify("initialized", new JsonObject());
    return result;
  }

  private void open(Path file, String text) {
    JsonObject doc = new JsonObject();
    doc.addProperty("uri", file.toUri().toString());
    doc.addProperty("languageId", file.toString().endsWith(".tf") ? "terraform" : "yaml");
    doc.addProperty("version", 1);
    doc.addProperty("text", text);
    JsonObject params = new JsonObject();
    params.add("textDocument", doc);
    client.notify("textDocument/didOpen", params);
  }

  /** A change of {@code range} (the whole text when null) to {@code text}. */
  private void change(Path file, int version, JsonObject range, String text) {
    JsonObject doc = new JsonObject();
    doc.addProperty("uri", file.toUri().toString());
    doc.addProperty("version", version);
    JsonObject change = new JsonObject();
    if (range != null) change.add("range", range);
    change.addProperty("text", text);
    JsonArray changes = new JsonArray();
    changes.add(change);
    JsonObject params = new JsonObject();
    params.add("textDocument", doc);
    params.add("contentChanges", changes);
    client.notify("textDocument/didChange", params);
  }

  private String hoverText(Path file, int line, int character) {
    JsonObject params = new JsonObject();
    JsonObject doc = new JsonObject();
    doc.addProperty("uri", file.toUri().toString());
    params.add("textDocument", doc);
    params.add("position", position(line, character));
    JsonObject response = client.response(client.request("textDocument/hover", params), WAIT);
    JsonElement result = response.get("result");
    if (result == null || result.isJsonNull()) return "";
    return result.getAsJsonObject().getAsJsonObject("contents").get("value").getAsString();
  }

  private JsonArray codeActions(Path file, JsonObject range) {
    JsonObject params = new JsonObject();
    JsonObject doc = new JsonObject();
    doc.addProperty("uri", file.toUri().toString());
    params.add("textDocument", doc);
    params.add("range", range);
    JsonObject context = new JsonObject();
    context.add("diagnostics", new JsonArray());
    params.add("context", context);
    return client.response(client.request("textDocument/codeAction", params), WAIT).getAsJsonArray("result");
  }

  /** {@code text} with the protocol's text edits applied, as an editor applies them (last first). */
  private static String applyEdits(String text, JsonArray edits) {
    List<JsonObject> ordered = new ArrayList<>();
    for (JsonElement e : edits) ordered.add(e.getAsJsonObject());
    ordered.sort((a, b) -> Integer.compare(offset(text, b.getAsJsonObject("range").getAsJsonObject("start")),
        offset(text, a.getAsJsonObject("range").getAsJsonObject("start"))));
    String out = text;
    for (JsonObject e : ordered) {
      JsonObject range = e.getAsJsonObject("range");
      out = out.substring(0, offset(out, range.getAsJsonObject("start"))) + e.get("newText").getAsString()
          + out.substring(offset(out, range.getAsJsonObject("end")));
    }
    return out;
  }

  private static int offset(String text, JsonObject position) {
    int line = position.get("line").getAsInt();
    int at = 0;
    for (int i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
    return at + position.get("character").getAsInt();
  }

  /** The next diagnostics published for {@code file} that {@code matches}. */
  private JsonObject diagnostics(Path file, java.util.function.Predicate<JsonObject> matches) {
    String uri = file.toUri().toString();
    Optional<JsonObject> published = client.notification("textDocument/publishDiagnostics",
        p -> p.get("uri").getAsString().equals(uri) && matches.test(p), WAIT);
    return published.orElseThrow(() -> new AssertionError("no such diagnostics for " + uri + "; received "
        + client.pending() + "; log:\n" + log.toString(StandardCharsets.UTF_8)));
  }

  private void shutdownAndExit(int expected) throws Exception {
    JsonObject response = client.response(client.request("shutdown", null), WAIT);
    assertTrue(response.has("result") && !response.has("error"), response.toString());
    client.notify("exit", null);
    assertEquals(expected, server.get(10, TimeUnit.SECONDS));
  }

  // ---- fixtures and helpers ----

  private Path write(String name, String text) throws IOException {
    Path file = project.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file.toAbsolutePath().normalize();
  }

  private static String attachment(String policy) {
    return """
        resource "aws_iam_role_policy_attachment" "ci" {
          role       = "ci"
          policy_arn = "%s"
        }
        """.formatted(policy);
  }

  private static boolean has(JsonObject published, String rule) {
    return published.getAsJsonArray("diagnostics").asList().stream().anyMatch(d -> code(d).equals(rule));
  }

  private static String code(JsonElement diagnostic) {
    JsonElement c = diagnostic.getAsJsonObject().get("code");
    return c == null ? "" : c.getAsString();
  }

  private static JsonObject only(JsonObject published, String rule) {
    List<JsonObject> found = new ArrayList<>();
    for (JsonElement d : published.getAsJsonArray("diagnostics")) if (code(d).equals(rule)) found.add(d.getAsJsonObject());
    assertEquals(1, found.size(), published.toString());
    return found.get(0);
  }

  /** The protocol range of the first {@code needle} in {@code text} (a single line). */
  private static JsonObject rangeOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertTrue(at >= 0, needle);
    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    int character = at - (text.lastIndexOf('\n', at - 1) + 1);
    JsonObject range = new JsonObject();
    range.add("start", position(line, character));
    range.add("end", position(line, character + needle.length()));
    return range;
  }

  private static JsonObject position(int line, int character) {
    return JsonParser.parseString("{\"line\": " + line + ", \"character\": " + character + "}").getAsJsonObject();
  }
}
