package dev.iamlint.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@code path:line} link of the markdown report points: the file at the scanned commit on
 * GitHub or GitLab when the CI environment names both, else the path relative to the project root.
 * Every link is made of checked parts and a percent-encoded path, so it never ends early in
 * markdown ({@code )}, spaces) whatever the file is called.
 */
public sealed interface SourceLinks {

  /** The link to lines {@code startLine..endLine} of {@code path} (relative to the project root, '/'-separated). */
  String href(String path, int startLine, int endLine);

  /** {@code PATH#L12}: resolved against wherever the markdown is shown. */
  record Relative() implements SourceLinks {
    @Override
    public String href(String path, int startLine, int endLine) {
      return encodePath(path) + "#L" + startLine;
    }
  }

  /** {@code https://github.com/OWNER/REPO/blob/SHA/PATH#L12-L14}. */
  record GitHub(String server, String repository, String sha) implements SourceLinks {
    @Override
    public String href(String path, int startLine, int endLine) {
      return server + "/" + repository + "/blob/" + sha + "/" + encodePath(path) + "#L" + startLine
          + (endLine > startLine ? "-L" + endLine : "");
    }
  }

  /** {@code CI_PROJECT_URL/-/blob/SHA/PATH#L12-14}. */
  record GitLab(String projectUrl, String sha) implements SourceLinks {
    @Override
    public String href(String path, int startLine, int endLine) {
      return projectUrl + "/-/blob/" + sha + "/" + encodePath(path) + "#L" + startLine
          + (endLine > startLine ? "-" + endLine : "");
    }
  }

  /**
   * GitHub Actions ({@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY}, {@code GITHUB_SHA}), else
   * GitLab CI ({@code CI_PROJECT_URL}, {@code CI_COMMIT_SHA}), else relative links. A value that does
   * not look like what the CI sets is not used: a link built from it could break the markdown.
   */
  static SourceLinks fromEnvironment(Map<String, String> env) {
    String url = "https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~-]+)*/?";
    String sha = "[0-9a-fA-F]{7,64}";
    Optional<String> server = matching(env, "GITHUB_SERVER_URL", url);
    Optional<String> repository = matching(env, "GITHUB_REPOSITORY", "[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    Optional<String> githubSha = matching(env, "GITHUB_SHA", sha);
    if (server.isPresent() && repository.isPresent() && githubSha.isPresent()) {
      return new GitHub(server.get(), repository.get(), githubSha.get());
    }
    Optional<String> project = matching(env, "CI_PROJECT_URL", url);
    Optional<String> gitlabSha = matching(env, "CI_COMMIT_SHA", sha);
    if (project.isPresent() && gitlabSha.isPresent()) return new GitLab(project.get(), gitlabSha.get());
    return new Relative();
  }

  /** The variable's value when it matches {@code regex}, without a trailing '/'. */
  private static Optional<String> matching(Map<String, String> env, String name, String regex) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> v.matches(regex))
        .map(v -> v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
  }

  /** Keeps unreserved characters and '/'; everything else (spaces, parentheses, '#', non-ASCII) is %XX of its UTF-8 bytes. */
  private static String encodePath(String path) {
    StringBuilder sb = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xf));
      }
    }
    return sb.toString();
  }

}
