package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamlint.cli.Main;
import dev.iamlint.rule.Finding;
import dev.iamlint.source.Discovery;
import dev.iamlint.source.FileError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file iamlint should judge but cannot read is a located SYN001 with the reason, and counts
 * for the exit code: nothing is skipped in silence. Only regular files are ever read, so a FIFO
 * never blocks a run. Big and odd inputs are generated here, never committed.
 */
class UnreadableFilesTest {
  @TempDir
  Path dir;

  private static final Duration GENEROUS = Duration.ofSeconds(60);

  private static final String ADMIN_TF = """
      resource "aws_iam_user_policy_attachment" "admin" {
        user       = "deploy"
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
      """;

  private static final String ADMIN_YAML = """
      AWSTemplateFormatVersion: "2010-09-09"
      Description: "Équipe"
      Resources:
        Ops:
          Type: AWS::IAM::Group
          Properties:
            ManagedPolicyArns:
              - arn:aws:iam::aws:policy/AdministratorAccess
      """;

  private static final String ADMIN_JSON = """
      {"AWSTemplateFormatVersion": "2010-09-09", "Description": "日本",
       "Resources": {"Ops": {"Type": "AWS::IAM::Group",
         "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"]}}}}
      """;

  private Path write(String relative, byte[] content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.write(p, content);
  }

  private Path write(String relative, String text, String charset) throws IOException {
    return write(relative, text.getBytes(Charset.forName(charset)));
  }

  private static byte[] withBom(String bom, byte[] body) {
    byte[] mark = HexFormat.of().parseHex(bom);
    byte[] out = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, out, 0, mark.length);
    System.arraycopy(body, 0, out, mark.length, body.length);
    return out;
  }

  /** {@code head}, then comment lines up to {@code bytes}: a file over the limit that starts like a real one. */
  private Path padded(String relative, String head, String comment, long bytes) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    String line = comment + " " + "x".repeat(1000) + "\n";
    try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write(head);
      for (long written = head.length(); written < bytes; written += line.length()) w.write(line);
    }
    return p;
  }

  private List<Finding> scan() {
    return assertTimeoutPreemptively(GENEROUS, () -> new Scanner().scan(ScanRequest.of(dir, List.of(dir)))).findings();
  }

  private static List<Finding> of(List<Finding> findings, String rule, String file) {
    return findings.stream().filter(f -> f.ruleId().equals(rule) && f.location().file().equals(file)).toList();
  }

  private static Finding one(List<Finding> findings, String rule, String file) {
    List<Finding> matching = of(findings, rule, file);
    assertEquals(1, matching.size(), file + ": " + findings);
    return matching.get(0);
  }

  private record Run(int code, String out, String err) {}

  private Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = assertTimeoutPreemptively(GENEROUS, () -> Main.run(args, new PrintWriter(out), new PrintWriter(err)));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyCandidateThatCannotBeReadIsALocatedSyntaxError() throws IOException {
    write("canary/main.tf", ADMIN_TF, "UTF-8");
    // Over the limit: refused by discovery, and never read by the Terraform loader either.
    padded("big/main.tf", ADMIN_TF, "#", 18_000_000);
    write("big/variables.tf", "variable \"x\" {}\n", "UTF-8");
    padded("big.yaml", ADMIN_YAML, "#", 17_000_000);
    write("latin1.yaml", ADMIN_YAML, "ISO-8859-1");
    write("sjis.json", ADMIN_JSON, "Shift_JIS");
    write("latin/main.tf", "# Équipe\n" + ADMIN_TF, "ISO-8859-1");
    write("wide/main.tf", ADMIN_TF, "UTF-16LE");
    // Not a template: a JSON file in a legacy encoding is nobody's CloudFormation.
    write("data.json", "{\"name\": \"Équipe\"}\n", "ISO-8859-1");

    List<Finding> findings = scan();
    one(findings, "ADM001", "canary/main.tf");
    assertEquals(List.of(), of(findings, "ADM001", "big/main.tf"), "the loader must not read what discovery refused");
    assertEquals("file is larger than 16 MiB", one(findings, "SYN001", "big/main.tf").message());
    assertEquals("file is larger than 16 MiB", one(findings, "SYN001", "big.yaml").message());
    Finding latin = one(findings, "SYN001", "latin1.yaml");
    assertTrue(latin.message().startsWith("not UTF-8") && latin.message().contains("0xC9"), latin.message());
    assertEquals(2, latin.location().startLine());
    assertEquals(15, latin.location().startColumn());
    assertTrue(one(findings, "SYN001", "sjis.json").message().startsWith("not UTF-8"));
    Finding tf = one(findings, "SYN001", "latin/main.tf");
    assertTrue(tf.message().startsWith("not UTF-8"), tf.message());
    assertEquals(1, tf.location().startLine());
    assertEquals(3, tf.location().startColumn());
    assertTrue(one(findings, "SYN001", "wide/main.tf").message().startsWith("not UTF-8 (looks like UTF-16LE)"));
    assertEquals(List.of(), of(findings, "SYN001", "data.json"));

    // With the parse and deployment caches, cold and warm: the same reader, the same findings.
    Run cold = cli("scan", "--format", "compact", dir.toString());
    assertEquals(1, cold.code(), cold.err());
    assertEquals(6, cold.out().lines().filter(l -> l.contains("[SYN001]")).count(), cold.out());
    assertTrue(cold.out().lines().noneMatch(l -> l.contains("big/main.tf:") && l.contains("[ADM001]")), cold.out());
    assertTrue(cold.out().lines().anyMatch(l -> l.contains("canary/main.tf:") && l.contains("[ADM001]")), cold.out());
    Run warm = cli("scan", "--format", "compact", dir.toString());
    assertEquals(cold, warm);
  }

  @Test
  void byteOrderMarksAndWideEncodingsAreHonouredWhereTheFormatAllowsThem() throws IOException {
    write("utf16.yaml", withBom("fffe", ADMIN_YAML.getBytes(StandardCharsets.UTF_16LE)));
    write("utf16be.json", ADMIN_JSON.getBytes(StandardCharsets.UTF_16BE));
    write("utf32.yaml", withBom("0000feff", ADMIN_YAML.getBytes(Charset.forName("UTF-32BE"))));
    write("bom.yaml", withBom("efbbbf", ADMIN_YAML.getBytes(StandardCharsets.UTF_8)));
    write("tfjson/main.tf.json", withBom("efbbbf", """
        {"resource": {"aws_iam_user_policy_attachment": {"admin": {"user": "deploy",
          "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}}}}
        """.getBytes(StandardCharsets.UTF_8)));
    write("tf/main.tf", withBom("efbbbf", ADMIN_TF.getBytes(StandardCharsets.UTF_8)));

    List<Finding> findings = scan();
    assertEquals(List.of(), findings.stream().filter(f -> f.ruleId().equals("SYN001")).toList());
    for (String file : List.of("utf16.yaml", "utf16be.json", "utf32.yaml", "bom.yaml", "tfjson/main.tf.json", "tf/main.tf")) {
      one(findings, "ADM001", file);
    }
    // Lines and columns count characters, not bytes or the mark.
    assertEquals(8, one(findings, "ADM001", "utf16.yaml").location().startLine());
  }

  @Test
  void aPermissionDeniedFileIsALocatedSyntaxError() throws IOException {
    write("canary/main.tf", ADMIN_TF, "UTF-8");
    Path locked = write("locked/main.tf", ADMIN_TF, "UTF-8");
    Path template = write("locked.yaml", ADMIN_YAML, "UTF-8");
    assumeTrue(locked.toFile().setReadable(false, false) && !Files.isReadable(locked), "running as a user who reads everything");
    template.toFile().setReadable(false, false);
    ScanResult result = assertTimeoutPreemptively(GENEROUS, () -> new Scanner().scan(ScanRequest.of(dir, List.of(dir))));
    List<Finding> findings = result.findings();
    one(findings, "ADM001", "canary/main.tf");
    assertEquals("permission denied", one(findings, "SYN001", "locked/main.tf").message());
    // A YAML file that cannot be opened cannot be told from any other: said, not judged.
    assertEquals(List.of(), of(findings, "SYN001", "locked.yaml"));
    assertEquals(List.of(new FileError("locked.yaml", "permission denied")), result.errors());
  }

  @Test
  void aFifoNamedOnTheCommandLineIsAOneLineErrorNeverAHang() throws IOException {
    write("stack.yaml", ADMIN_YAML, "UTF-8");
    Path fifo = dir.resolve("pipe");
    assumeTrue(mkfifo(fifo), "mkfifo unavailable");
    String stack = dir.resolve("stack.yaml").toString();

    Run scanned = cli("scan", "--no-cache", "--format", "compact", fifo.toString());
    assertEquals(2, scanned.code(), scanned.err());
    assertEquals("iamlint: " + fifo + ": not a regular file or directory", scanned.err().strip());

    for (String option : List.of("--var-file", "--parameter-file", "--config", "--baseline")) {
      Run r = cli("scan", "--no-cache", "--format", "compact", option, fifo.toString(), stack);
      assertEquals(2, r.code(), option + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), option + ": " + r.err());
      assertTrue(r.err().contains(fifo.toString()) && r.err().contains("not a regular file"), option + ": " + r.err());
      assertEquals("", r.out(), option);
    }

    Discovery.Result discovered = new Discovery(dir, p -> false).discover(List.of(fifo));
    assertEquals(List.of(new FileError("pipe", "not a regular file (a pipe, socket or device): not read")),
        discovered.errors());
  }

  @Test
  void fifosInsideTheTreeAreNeverRead() throws IOException {
    Path module = dir.resolve("m");
    write("m/main.tf", ADMIN_TF + """
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = file("${path.module}/policy.json")
        }
        module "remote" {
          source = "terraform-aws-modules/iam/aws"
        }
        """, "UTF-8");
    assumeTrue(mkfifo(module.resolve("pipe.tf")), "mkfifo unavailable");
    assertTrue(mkfifo(module.resolve("pipe.yaml")));
    assertTrue(mkfifo(module.resolve("policy.json")));
    assertTrue(mkfifo(module.resolve("terraform.tfvars")));
    Files.createDirectories(module.resolve(".terraform/modules"));
    assertTrue(mkfifo(module.resolve(".terraform/modules/modules.json")));
    assertTrue(mkfifo(module.resolve("other")));
    Files.createSymbolicLink(module.resolve("link.tf"), module.resolve("other"));

    ScanResult result = assertTimeoutPreemptively(GENEROUS, () -> new Scanner().scan(ScanRequest.of(dir, List.of(dir))));
    List<Finding> findings = result.findings();
    one(findings, "ADM001", "m/main.tf");
    for (String file : List.of("m/pipe.tf", "m/link.tf", "m/terraform.tfvars")) {
      assertTrue(one(findings, "SYN001", file).message().startsWith("not a regular file"), file);
    }
    // Whether a FIFO named .yaml or .json is a template cannot be seen: said, not judged.
    assertEquals(List.of(), of(findings, "SYN001", "m/pipe.yaml"));
    assertEquals(List.of("m/pipe.yaml", "m/policy.json"), result.errors().stream().map(FileError::file).toList());
  }

  static boolean mkfifo(Path p) {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
