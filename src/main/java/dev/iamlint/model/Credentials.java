package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in evaluated values, for every format: AWS access key ids
 * ({@code AKIA}/{@code ASIA} + 16), secret keys under credential-looking names, and scripts that
 * give an instance static AWS credentials (environment exports, {@code aws configure set},
 * writes to {@code ~/.aws/credentials} or {@code ~/.aws/config}).
 */
public final class Credentials {
  private static final Pattern KEY_ID = Pattern.compile("\\b((?:AKIA|ASIA)[A-Z0-9]{16})\\b");
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret.?(access)?.?key|aws.?secret).*");
  private static final Pattern SECRET_VALUE = Pattern.compile("[A-Za-z0-9/+=]{40}");
  // ~/.aws/config also holds harmless settings (region, endpoints): a script that writes it counts
  // only with a key in it; a file provisioner's destination path counts as it is (see destination).
  /**
   * A credential set: an environment variable assigned ({@code export AWS_ACCESS_KEY_ID=},
   * {@code AWS_SECRET_ACCESS_KEY: …}, {@code setx}, {@code $env:…=}), the CLI's setting, the
   * credentials file. A variable only read ({@code "$AWS_ACCESS_KEY_ID"}) or named in a text sets nothing.
   */
  private static final Pattern INSTANCE_CREDENTIALS = Pattern.compile(
      "(?i)(?:setx|ENV)\\s+AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)\\b"
          + "|(?<!\\$)(?<!\\$\\{)AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)\\b(?=[\"']?\\s*[=:])"
          + "|SetEnvironmentVariable\\(\\s*[\"']AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)\\b"
          + "|aws\\s+configure\\s+set\\s+aws_(?:access_key_id|secret_access_key)"
          + "|\\.aws/credentials\\b|aws_secret_access_key\\s*=");
  private static final Pattern CREDENTIAL_FILE = Pattern.compile("\\.aws/(credentials|config)$");
  /** {@code aws configure get ...}, {@code grep ...}, {@code sed -i '/.../d' file}: lines that read or remove a credential. */
  private static final Pattern READS_OR_DELETES =
      Pattern.compile("\\baws\\s+configure\\s+get\\b|^grep\\s|^sed\\s+-i\\S*\\s+['\"]?/[^/\\n]{1,200}/d['\"]?\\s");
  /** The separators of shell commands on one line: {@code ||}, {@code &&}, {@code ;}, {@code |}. */
  private static final Pattern COMMANDS = Pattern.compile("\\|\\||&&|;|\\|");
  /** Only temporary (STS) credentials have a session token: a script that sets one hands over a session, not keys. */
  private static final Pattern SESSION_TOKEN = Pattern.compile("(?i)aws_session_token");

  private Credentials() {}

  /** Masks all but the first 4 characters: AKIA**************** */
  /**
   * A line of source with every access key id and every 40-character secret-shaped string
   * masked: reports that show source (html) must not print the credential they report.
   */
  public static String maskLine(String line) {
    String out = KEY_ID.matcher(line).replaceAll(m -> Matcher.quoteReplacement(mask(m.group(1))));
    return Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])").matcher(out)
        .replaceAll(m -> Matcher.quoteReplacement(mask(m.group())));
  }

  public static String mask(String secret) {
    return secret.length() <= 4 ? "****" : secret.substring(0, 4) + "*".repeat(secret.length() - 4);
  }

  /** Access key literals anywhere in a value tree (maps' keys name the secret next to them). */
  public static void keyLiterals(ResourceRef resource, String where, Value value, List<StaticCredential> out) {
    walk(resource, where, "", value, out);
  }

  private static void walk(ResourceRef resource, String where, String name, Value value, List<StaticCredential> out) {
    if (value instanceof Value.MapV m) {
      for (Value.MapV.Entry e : m.entries()) walk(resource, where, e.key(), e.value(), out);
      return;
    }
    if (value instanceof Value.ListV l) {
      for (Value item : l.items()) walk(resource, where, name, item, out);
      return;
    }
    if (value instanceof Value.OneOf o) {
      for (Value item : o.alternatives()) walk(resource, where, name, item, out);
      return;
    }
    Optional<String> text = value instanceof Value.Str s ? Optional.of(s.value())
        : value instanceof Value.Unknown u ? u.partial() : Optional.empty();
    if (text.isEmpty()) return;
    // User data is often given base64-encoded: the key is in the script it decodes to.
    String plain = decoded(text.get());
    boolean encoded = !plain.equals(text.get());
    Matcher m = KEY_ID.matcher(plain);
    if (m.find() && !documentationExample(m.group(1))) {
      Optional<String> secret = secretBeside(plain);
      String detail = encoded ? (name.isEmpty() ? " (base64-decoded)" : " (" + name + ", base64-decoded)")
          : name.isEmpty() ? "" : " (" + name + ")";
      out.add(new StaticCredential(resource, value.location(), StaticCredential.Kind.KEY_LITERAL,
          "an AWS access key id " + mask(m.group(1)) + secret.map(x -> " and its secret access key " + mask(x) + " are")
              .orElse(" is") + " written in " + where + detail));
      return;
    }
    if (SECRET_NAME.matcher(name).matches() && SECRET_VALUE.matcher(text.get().trim()).matches()
        && bothCases(text.get().trim()) && !documentationExample(text.get().trim())) {
      out.add(new StaticCredential(resource, value.location(), StaticCredential.Kind.KEY_LITERAL,
          "an AWS secret access key " + mask(text.get().trim()) + " is written in " + where + " (" + name + ")"));
    }
  }

  /** A secret-key-shaped word (40 characters, both cases) in a text that holds a key id: its pair. */
  private static final Pattern SECRET_WORD = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])");

  private static Optional<String> secretBeside(String text) {
    Matcher m = SECRET_WORD.matcher(text);
    while (m.find()) {
      if (bothCases(m.group())) return Optional.of(m.group());
    }
    return Optional.empty();
  }

  /**
   * A secret access key is random base64: it has both cases. A word of one case (40 hex digits:
   * a SHA-1 digest, a Flask or JWT signing secret) is not one.
   */
  private static boolean bothCases(String w) {
    return w.chars().anyMatch(Character::isUpperCase) && w.chars().anyMatch(Character::isLowerCase);
  }

  /**
   * AWS's documentation writes its example key pair with an EXAMPLE suffix
   * ({@code AKIAIOSFODNN7EXAMPLE}, {@code wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}): a placeholder
   * that grants nothing and cannot be deactivated, not a leaked credential. Books and tutorials
   * alter a letter of it ({@code AKIAIOSFODNN7ESAMPLE}); a random key id holds the word SAMPLE
   * with a chance of about one in a hundred million (a secret key, one in a billion).
   */
  private static boolean documentationExample(String credential) {
    return credential.contains("EXAMPLE") || credential.contains("SAMPLE");
  }

  /** Scripts handing static credentials to the workload (user data, provisioners, init files). */
  public static void instanceScripts(ResourceRef resource, String where, Value value, List<StaticCredential> out) {
    if (value instanceof Value.MapV m) {
      // A local-exec provisioner (a command, no inline script) runs on the operator's machine,
      // not on the instance; a file provisioner's source is a path on that machine too.
      if (m.get("command").isPresent() && m.get("inline").isEmpty() && m.get("destination").isEmpty()) return;
      for (Value.MapV.Entry e : m.entries()) {
        if (e.key().equals("source")) continue;
        if (e.key().equals("destination")) {
          destination(resource, where, e.value(), out);
          continue;
        }
        instanceScripts(resource, where, e.value(), out);
      }
      return;
    }
    if (value instanceof Value.ListV || value instanceof Value.OneOf) {
      for (Value item : value instanceof Value.ListV l ? l.items() : value.alternatives()) {
        instanceScripts(resource, where, item, out);
      }
      return;
    }
    Optional<String> text = (value instanceof Value.Str s ? Optional.of(s.value())
        : value instanceof Value.Unknown u ? u.partial() : Optional.<String>empty()).map(Credentials::decoded);
    // Every credential INSTANCE_CREDENTIALS finds names "aws" in some case: a text without it is
    // not split into its commands (most scripts and strings a scan meets).
    if (text.isEmpty() || !mentionsAws(text.get())) return;
    Matcher m = INSTANCE_CREDENTIALS.matcher(withoutRemovals(text.get()));
    if (m.find() && !SESSION_TOKEN.matcher(text.get()).find()) {
      out.add(new StaticCredential(resource, value.location(), StaticCredential.Kind.INSTANCE_CREDENTIALS,
          where + " gives the workload static AWS credentials (" + m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
              + ")"));
    }
  }

  private static boolean mentionsAws(String text) {
    for (int i = 1; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == 'w' || c == 'W') && text.regionMatches(true, i - 1, "aws", 0, 3)) return true;
    }
    return false;
  }

  /**
   * The script without its comment lines and the lines that take credentials away ({@code unset
   * AWS_ACCESS_KEY_ID}, {@code rm -f ~/.aws/credentials}): a script that makes the CLI use the
   * instance role names the keys without giving any.
   */
  private static String withoutRemovals(String script) {
    StringBuilder kept = new StringBuilder(script.length());
    for (String line : script.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("#") || t.startsWith("unset ") || t.startsWith("rm ") || t.startsWith("REM ")) continue;
      // Reading a setting, searching for one or deleting its lines gives nothing: such a command
      // is left out, not the commands chained to it on its line.
      for (String command : COMMANDS.split(t, -1)) {
        String c = command.strip();
        if (!READS_OR_DELETES.matcher(c).find()) kept.append(c).append('\n');
      }
    }
    return kept.toString();
  }

  /** A file provisioner that copies a file, its content unseen, to ~/.aws/credentials or ~/.aws/config. */
  private static void destination(ResourceRef resource, String where, Value value, List<StaticCredential> out) {
    for (Value v : value.alternatives()) {
      Optional<String> path = v.asText().map(String::strip);
      Matcher m = path.map(CREDENTIAL_FILE::matcher).filter(Matcher::find).orElse(null);
      if (m != null) {
        // Worded as before (the detail feeds the fingerprint): "(.aws/credentials)".
        out.add(new StaticCredential(resource, v.location(), StaticCredential.Kind.INSTANCE_CREDENTIALS,
            where + " gives the workload static AWS credentials (" + m.group().toLowerCase(Locale.ROOT) + ")"));
        return;
      }
    }
  }

  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");

  /** User data is often base64 (base64encode, user_data_base64): the script is what it decodes to. */
  static String decoded(String text) {
    String t = text.trim();
    if (t.length() % 4 != 0 || !BASE64.matcher(t).matches()) return text;
    try {
      String d = new String(Base64.getDecoder().decode(t), StandardCharsets.UTF_8);
      long printable = d.chars().filter(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t').count();
      return printable == d.length() ? d : text;
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** Authentication entries of CloudFormation metadata that carry credentials, whatever their value. */
  public static void authentication(ResourceRef resource, Value.MapV authentication, List<StaticCredential> out) {
    for (Value.MapV.Entry entry : authentication.entries()) {
      if (!(entry.value() instanceof Value.MapV config)) continue;
      for (Value.MapV.Entry field : config.entries()) {
        String key = field.key().toLowerCase(Locale.ROOT);
        if (key.equals("accesskeyid") || key.equals("secretkey") || key.equals("password")) {
          out.add(new StaticCredential(resource, field.keyLocation(), StaticCredential.Kind.INSTANCE_CREDENTIALS,
              "AWS::CloudFormation::Authentication " + entry.key() + " carries " + field.key()));
        }
      }
    }
  }

  /** Where a location is, for messages. */
  static String at(Location l) {
    return l.file() + ":" + l.startLine();
  }
}
