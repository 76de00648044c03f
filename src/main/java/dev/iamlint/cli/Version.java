package dev.iamlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code --version} says: the version Maven wrote into the jar, the git commit the build
 * recorded ({@link BuildStamp}) and the dates of the bundled IAM data (the action catalogue's and
 * the managed policies' own dates, from the data's sources file). Read from three small
 * resources, so the fast path in {@link Main} stays cheap.
 */
final class Version implements CommandLine.IVersionProvider {
  static String current() {
    return resource("/dev/iamlint/version.properties").getProperty("version", "unknown");
  }

  /** The commit the jar was built from, or "unknown" (built without git). */
  static String commit() {
    String c = resource("/" + BuildStamp.RESOURCE).getProperty("commit", "").trim();
    return c.isEmpty() ? "unknown" : c;
  }

  /** The bundled IAM data: each catalogue's date, package and version. */
  static String data() {
    Properties p = resource("/dev/iamlint/iam/data-sources.properties");
    return "actions " + p.getProperty("actions.dataUpdated", "unknown") + " (" + p.getProperty("actions.package", "?") + " "
        + p.getProperty("actions.version", "?") + "), managed policies " + p.getProperty("managedPolicies.lastPolicyUpdate", "unknown")
        + " (" + p.getProperty("managedPolicies.package", "?") + " " + p.getProperty("managedPolicies.version", "?") + ")";
  }

  static String[] lines() {
    return new String[] {"iamlint " + current(), "commit " + commit(), "IAM data: " + data()};
  }

  private static Properties resource(String name) {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(name)) {
      if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      // An unreadable resource is reported as "unknown".
    }
    return p;
  }

  @Override
  public String[] getVersion() {
    return lines();
  }
}
