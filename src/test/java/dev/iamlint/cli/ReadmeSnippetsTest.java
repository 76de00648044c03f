package dev.iamlint.cli;

import static dev.iamlint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every code block of the README is exercised: each is named by a {@code <!-- snippet: NAME -->}
 * comment above it, and each name has a check here (run, parsed and compared with what it refers
 * to) or in the end-to-end script named in the check. A block without a name, or a name without
 * a check, fails.
 */
class ReadmeSnippetsTest {
  static final Path README = Path.of("README.md");
  private static final Pattern BLOCK =
      Pattern.compile("(?:<!-- snippet: ([a-z0-9-]+) -->\\n)?```([a-z]*)\\n(.*?)```\\n", Pattern.DOTALL);

  @TempDir
  Path temp;

  /** A directory of the check's own. */
  private Path dir;

  record Snippet(String name, String language, String text) {}

  static Map<String, Snippet> snippets() throws IOException {
    Map<String, Snippet> all = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(Files.readString(README));
    while (m.find()) {
      String name = m.group(1);
      if (name == null) fail("a README code block without a '<!-- snippet: NAME -->' line above it:\n" + m.group(3));
      if (all.put(name, new Snippet(name, m.group(2), m.group(3))) != null) fail("two README snippets named " + name);
    }
    return all;
  }

  interface Check {
    void check(Snippet s) throws Exception;
  }

  private Map<String, Check> checks() {
    Map<String, Check> c = new LinkedHashMap<>();
    c.put("install-release", this::installRelease);
    c.put("demo-command", this::demoCommand);
    c.put("demo-output", this::demoOutput);
    c.put("test-command", s -> assertCiRuns(s.text().strip()));
    c.put("docker", this::docker);
    c.put("usage", this::usage);
    c.put("suppression", this::suppression);
    c.put("config", this::config);
    c.put("pre-commit", this::preCommit);
    c.put("github-action", this::githubAction);
    c.put("github-pull-request", this::githubAction);
    c.put("gitlab-include", this::gitlab);
    c.put("gitlab-merge-request", this::gitlab);
    c.put("vscode-task", this::vscodeTask);
    c.put("lsp-vscode", this::lspVscode);
    c.put("lsp-neovim", s -> lspCommand(s, Pattern.compile("cmd = \\{ \"iamlint\", \"(\\w+)\" \\}")));
    c.put("lsp-emacs", s -> lspCommand(s, Pattern.compile("\\(\"iamlint\" \"(\\w+)\"\\)")));
    c.put("hcl2json", this::hcl2json);
    c.put("review-exports", this::reviewExports);
    c.put("review-command", this::reviewCommand);
    c.put("review-schedule", this::reviewSchedule);
    c.put("daemon", this::daemon);
    return c;
  }

  @Test
  void everyReadmeSnippetIsChecked() throws Exception {
    Map<String, Snippet> snippets = snippets();
    Map<String, Check> checks = checks();
    assertEquals(new TreeSet<>(checks.keySet()), new TreeSet<>(snippets.keySet()), "README snippets and their checks");
    for (Snippet s : snippets.values()) {
      try {
        dir = Files.createDirectories(temp.resolve(s.name()));
        checks.get(s.name()).check(s);
      } catch (AssertionError e) {
        throw new AssertionError("README snippet '" + s.name() + "': " + e.getMessage(), e);
      }
    }
  }

  private static String version() {
    return Version.current();
  }

  private static void assertCiRuns(String line) throws IOException {
    assertTrue(Files.readString(Path.of(".ci", "run")).lines().anyMatch(l -> l.strip().startsWith(line)), ".ci/run runs " + line);
  }

  private static void assertE2eRuns(String script, String snippet) throws IOException {
    assertTrue(Files.readString(Path.of("tools", "e2e", script)).contains("snippet: " + snippet),
        "tools/e2e/" + script + " runs the snippet " + snippet);
  }

  // tools/e2e/release runs these lines as written in a directory holding the release files.
  private void installRelease(Snippet s) throws IOException {
    assertTrue(s.text().contains("iamlint-" + version() + ".zip"), "names the current version " + version());
    assertE2eRuns("release", s.name());
  }

  private void demoCommand(Snippet s) throws IOException {
    assertEquals("bin/iamlint scan testdata/demo", s.text().strip());
    assertCiRuns(s.text().strip());
    assertEquals(1, run("scan", "testdata/demo").code());
  }

  // Each line shown is a line of the text report (or its beginning, where it ends in "...").
  private void demoOutput(Snippet s) throws IOException {
    List<String> golden = Files.readAllLines(Path.of("testdata", "golden", "demo.text"));
    for (String line : s.text().lines().toList()) {
      if (line.strip().equals("...")) continue;
      String shown = line.endsWith("...") ? line.substring(0, line.length() - 3) : line;
      assertTrue(golden.stream().anyMatch(g -> line.endsWith("...") ? g.startsWith(shown) : g.equals(shown)),
          "not in testdata/golden/demo.text: " + line);
    }
  }

  // The image's layout and entry command are run by tools/e2e/container; here the commands
  // match the Dockerfile (its build argument, its /src working directory, the image's name).
  private void docker(Snippet s) throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    List<String> lines = s.text().lines().toList();
    assertEquals(2, lines.size(), s.text());
    Matcher build = Pattern.compile("docker build --build-arg (\\w+)=\"[^\"]*\" -t (\\S+) \\.").matcher(lines.get(0));
    assertTrue(build.matches(), lines.get(0));
    assertTrue(dockerfile.contains("ARG " + build.group(1) + "="), "the Dockerfile takes " + build.group(1));
    Matcher runLine = Pattern.compile("docker run --rm -v \"\\$PWD:(\\S+):ro\" (\\S+) (.*)").matcher(lines.get(1));
    assertTrue(runLine.matches(), lines.get(1));
    assertTrue(dockerfile.contains("WORKDIR " + runLine.group(1) + "\n"), "mounted at the working directory");
    assertEquals(build.group(2), runLine.group(2));
    Files.writeString(dir.resolve("stack.yaml"), Files.readString(Path.of("testdata", "demo", "iam-stack.yaml")));
    List<String> args = new ArrayList<>(List.of(runLine.group(3).split(" ")));
    args.replaceAll(a -> a.equals(".") ? dir.toString() : a);
    assertEquals(1, run(args.toArray(String[]::new)).code(), "the image's command line");
    assertTrue(Files.readString(Path.of("tools", "e2e", "container")).contains("Dockerfile"));
  }

  /** The healthy account's fixtures are named as the README's commands write the exports. */
  private static final Path HEALTHY_ACCOUNT = Path.of("testdata", "review", "healthy");

  // tools/e2e/daemon runs each of these commands through the launcher (DaemonTest checks the server).
  private void daemon(Snippet s) throws IOException {
    assertE2eRuns("daemon", s.name());
    String e2e = Files.readString(Path.of("tools", "e2e", "daemon"));
    int commands = 0;
    for (String line : s.text().lines().toList()) {
      String command = line.replaceAll("#.*", "").strip();
      if (command.equals("export IAMLINT_DAEMON=1")) {
        assertTrue(e2e.contains("IAMLINT_DAEMON=1 run \"$iamlint\" scan"), "the e2e scans with IAMLINT_DAEMON=1");
        continue;
      }
      assertTrue(command.startsWith("iamlint "), line);
      String rest = command.substring("iamlint ".length());
      if (rest.startsWith("daemon ")) {
        assertTrue(e2e.contains("\"$iamlint\" " + rest), "tools/e2e/daemon runs " + command);
        assertEquals(ExitCodes.CLEAN, run(rest.split(" ")[0], rest.split(" ")[1], "--help").code(), command);
      } else {
        assertEquals("scan .", rest);
      }
      commands++;
    }
    assertEquals(4, commands, s.text());
  }

  // Every export command writes a file the review command reads, and the fixtures stand for them.
  private void reviewExports(Snippet s) throws IOException {
    String command = snippets().get("review-command").text();
    int written = 0;
    for (String line : s.text().lines().toList()) {
      assertTrue(line.startsWith("aws iam ") || line.startsWith("aws cloudtrail "), line);
      Matcher out = Pattern.compile("> (\\S+)$").matcher(line);
      if (!out.find()) continue;
      written++;
      assertTrue(command.contains(out.group(1)), "the review reads " + out.group(1));
      assertTrue(Files.isRegularFile(HEALTHY_ACCOUNT.resolve(out.group(1))), "a fixture " + out.group(1));
    }
    assertEquals(6, written, "six exports");
  }

  // Run on the healthy account's exports and code, put where the command names them.
  private void reviewCommand(Snippet s) throws IOException {
    List<String> args = new ArrayList<>(List.of(s.text().replace("\\\n", " ").strip().split("\\s+")));
    assertEquals(List.of("iamlint", "review"), args.subList(0, 2));
    args.remove(0);
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (a.endsWith(".json")) {
        Files.copy(HEALTHY_ACCOUNT.resolve(a), dir.resolve(a));
        args.set(i, dir.resolve(a).toString());
      } else if (a.equals("infra/")) {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.copy(HEALTHY_ACCOUNT.resolve("iac/main.tf"), infra.resolve("main.tf"));
        args.set(i, infra.toString());
      } else if (a.startsWith("sarif=")) {
        args.set(i, "sarif=" + dir.resolve(a.substring(6)));
      }
    }
    CliTest.Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(Files.readString(dir.resolve("review.sarif")).contains("\"REV007\""), "the SARIF lists the review's rules");
  }

  // A scheduled workflow whose iamlint step reviews: the action's inputs, a schedule, the review command.
  @SuppressWarnings("unchecked")
  private void reviewSchedule(Snippet s) throws IOException {
    githubAction(s);
    Map<String, Object> workflow = yaml(s.text());
    // YAML 1.1 reads the key "on" as true.
    Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
    assertTrue(((Map<String, Object>) on).containsKey("schedule"), "runs on a schedule");
    assertTrue(s.text().contains("command: review"), "the step reviews");
    for (String export : List.of("credential-report.json", "authorization-details.json", "password-policy.json",
        "trails.json", "trail-status.json", "event-selectors.json")) {
      assertTrue(s.text().contains("exports/" + export), export);
    }
  }

  /** The extension the snippet builds is there, with the client library and the packager it uses. */
  private void lspVscode(Snippet s) throws IOException {
    String manifest = Files.readString(Path.of("editors", "vscode", "package.json"));
    assertTrue(manifest.contains("\"vscode-languageclient\"") && manifest.contains("\"@vscode/vsce\""), manifest);
    Matcher vsix = Pattern.compile("install-extension (iamlint-([0-9.]+)\\.vsix)").matcher(s.text());
    assertTrue(vsix.find(), s.text());
    assertTrue(manifest.contains("\"version\": \"" + vsix.group(2) + "\""), "vsce names the package after its version");
    assertTrue(Files.exists(Path.of("editors", "vscode", "extension.js")));
  }

  /** The editor starts an iamlint subcommand that exists. */
  private void lspCommand(Snippet s, Pattern command) {
    Matcher m = command.matcher(s.text());
    assertTrue(m.find(), s.text());
    assertEquals("lsp", m.group(1));
    CliTest.Run help = run(m.group(1), "--help");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().contains("language server"), help.out());
  }

  private void usage(Snippet s) {
    for (String line : s.text().lines().toList()) {
      String sub = line.split("\\s+")[1];
      CliTest.Run help = run(sub, "--help");
      assertEquals(0, help.code(), line + ": " + help.err());
    }
  }

  // The comment and the resource line as written; the block's "{ ... }" filled in.
  private void suppression(Snippet s) throws IOException {
    List<String> lines = s.text().lines().toList();
    String resource = lines.get(1).replace("{ ... }", "{\n  role       = \"breakglass\"\n"
        + "  policy_arn = \"arn:aws:iam::aws:policy/AdministratorAccess\"\n}");
    Files.writeString(dir.resolve("main.tf"), lines.get(0) + "\n" + resource + "\n");
    CliTest.Run r = run("scan", "--no-config", "--format", "compact", "--rule", "ADM001", "--rule", "SUP001", dir.toString());
    Matcher until = Pattern.compile("until=(\\d{4}-\\d\\d-\\d\\d)").matcher(lines.get(0));
    assertTrue(until.find());
    if (LocalDate.now(ZoneOffset.UTC).isAfter(LocalDate.parse(until.group(1)))) {
      assertTrue(r.out().contains("[SUP001]"), "an expired suppression is reported: " + r.out());
    } else {
      assertEquals("", r.out(), "the finding is suppressed and the suppression is valid");
    }
    CliTest.Run shown = run("scan", "--no-config", "--format", "json", "--rule", "ADM001", "--show-suppressed", dir.toString());
    assertTrue(shown.out().contains("\"kind\": \"inline\""), shown.out());
  }

  private void config(Snippet s) throws IOException {
    Files.writeString(dir.resolve(".iamlint.yaml"), s.text());
    Files.writeString(dir.resolve("stack.yaml"), Files.readString(Path.of("testdata", "demo", "iam-stack.yaml")));
    CliTest.Run r = run("scan", "--format", "compact", dir.toString());
    assertNotEquals(2, r.code(), r.err());
    assertFalse(r.err().contains("config"), r.err());
  }

  @SuppressWarnings("unchecked")
  private void preCommit(Snippet s) throws Exception {
    Map<String, Object> config = yaml(s.text());
    Map<String, Object> repo = ((List<Map<String, Object>>) config.get("repos")).get(0);
    String rev = String.valueOf(repo.get("rev"));
    assertTrue(rev.matches("[0-9a-f]{40}"), "rev is a full commit hash until tags exist: " + rev);
    Set<String> hooks = new TreeSet<>();
    for (Object h : (List<Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(Path.of(".pre-commit-hooks.yaml")))) {
      hooks.add(String.valueOf(((Map<String, Object>) h).get("id")));
    }
    Matcher id = Pattern.compile("id: (\\S+)").matcher(s.text());
    while (id.find()) assertTrue(hooks.contains(id.group(1)), "hook " + id.group(1) + " in .pre-commit-hooks.yaml " + hooks);
    // The commit exists in this repository (a shallow clone may lack it: tools/e2e/pre-commit runs the snippet).
    if (git("rev-parse", "--is-shallow-repository").equals("false")) {
      assertEquals(rev, git("rev-parse", "--verify", "--quiet", rev + "^{commit}"), "rev names a commit of this repository");
    }
    assertE2eRuns("pre-commit", s.name());
  }

  // The action's inputs and outputs as the workflow uses them; tools/e2e/action runs the action.
  @SuppressWarnings("unchecked")
  private void githubAction(Snippet s) throws IOException {
    Map<String, Object> action = yaml(Files.readString(Path.of("action.yml")));
    Set<String> inputs = ((Map<String, Object>) action.get("inputs")).keySet();
    Set<String> outputs = ((Map<String, Object>) action.get("outputs")).keySet();
    Map<String, Object> workflow = yaml(s.text());
    int used = 0;
    for (Object job : ((Map<String, Object>) workflow.get("jobs")).values()) {
      String iamlintStep = null;
      for (Object o : (List<Object>) ((Map<String, Object>) job).get("steps")) {
        Map<String, Object> step = (Map<String, Object>) o;
        String uses = String.valueOf(step.get("uses"));
        Map<String, Object> with = (Map<String, Object>) step.getOrDefault("with", Map.of());
        if (uses.startsWith("iamlint/iamlint@")) {
          used++;
          iamlintStep = (String) step.get("id");
          assertTrue(inputs.containsAll(with.keySet()), with.keySet() + " are inputs of action.yml " + inputs);
        }
        for (Object v : with.values()) {
          Matcher ref = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher(String.valueOf(v));
          while (ref.find()) {
            assertEquals(iamlintStep, ref.group(1), "refers to the iamlint step");
            assertTrue(outputs.contains(ref.group(2)), ref.group(2) + " is an output of action.yml");
          }
        }
      }
    }
    assertEquals(1, used, "one iamlint step");
    assertTrue(Files.isExecutable(Path.of("tools", "e2e", "action")));
  }

  // The template's job and variables as the pipeline uses them; tools/e2e/gitlab-template runs it.
  @SuppressWarnings("unchecked")
  private void gitlab(Snippet s) throws IOException {
    String templateText = Files.readString(Path.of("ci", "gitlab-ci.yml"));
    Map<String, Object> template = yaml(templateText);
    Map<String, Object> pipeline = yaml(s.text());
    Map<String, Object> include = ((List<Map<String, Object>>) pipeline.get("include")).get(0);
    assertTrue(String.valueOf(include.get("remote")).endsWith("/ci/gitlab-ci.yml"), include.toString());
    List<Map<String, Object>> variableSets = new ArrayList<>();
    if (pipeline.containsKey("variables")) variableSets.add((Map<String, Object>) pipeline.get("variables"));
    for (Map.Entry<String, Object> e : pipeline.entrySet()) {
      if (e.getKey().equals("include") || e.getKey().equals("variables")) continue;
      assertTrue(template.containsKey(e.getKey()), "extends the template's job " + e.getKey());
      Map<String, Object> job = (Map<String, Object>) e.getValue();
      if (job.containsKey("variables")) variableSets.add((Map<String, Object>) job.get("variables"));
    }
    for (Map<String, Object> vars : variableSets) {
      for (String v : vars.keySet()) {
        assertTrue(!v.startsWith("IAMLINT_") || templateText.contains("$" + v) || templateText.contains("${" + v),
            v + " is read by the template");
      }
    }
    assertTrue(Files.isExecutable(Path.of("tools", "e2e", "gitlab-template")));
  }

  // The problem matcher's pattern reads every line of the compact report.
  private void vscodeTask(Snippet s) throws IOException {
    JsonObject task = JsonParser.parseString(s.text()).getAsJsonObject().getAsJsonArray("tasks").get(0).getAsJsonObject();
    JsonObject pattern = task.getAsJsonObject("problemMatcher").getAsJsonObject("pattern");
    Pattern regexp = Pattern.compile(pattern.get("regexp").getAsString());
    for (String line : Files.readAllLines(Path.of("testdata", "golden", "demo.compact"))) {
      Matcher m = regexp.matcher(line);
      assertTrue(m.matches(), line);
      assertEquals("testdata/demo/iam-stack.yaml", m.group(pattern.get("file").getAsInt()));
      assertTrue(m.group(pattern.get("code").getAsInt()).matches("[A-Z]+\\d{3}"), line);
      assertTrue(Set.of("error", "warning", "note").contains(m.group(pattern.get("severity").getAsInt())), line);
    }
    assertTrue(task.get("command").getAsString().contains("scan --format compact"));
  }

  private void hcl2json(Snippet s) throws IOException {
    String first = s.text().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("bin/iamlint debug hcl2json FILE..."), first);
    Files.writeString(dir.resolve("a.tf"), "variable \"x\" {\n  default = 1\n}\n");
    CliTest.Run r = run("debug", "hcl2json", dir.resolve("a.tf").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{"), r.out());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  /** git's answer in the working directory, or "" when git cannot answer. */
  private static String git(String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
