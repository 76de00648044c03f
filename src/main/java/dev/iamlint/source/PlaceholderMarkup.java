package dev.iamlint.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a build or an application replaces in a template's text before it reaches
 * CloudFormation ({@code %%BUCKET_NAME%%}, {@code %%VERSION%%}: AWS Solutions' build scripts, a
 * fragment read and filled in by the application that deploys it). Such a text is not YAML
 * until it is filled in when an unquoted placeholder stands where a value starts.
 */
public final class PlaceholderMarkup {
  private static final Pattern PLACEHOLDER = Pattern.compile("%%[A-Za-z0-9_.-]+%%");

  private PlaceholderMarkup() {}

  /**
   * The placeholder that stops the parser at {@code failure} (one that starts there, or the first
   * of that line when the parser stopped before it), if there is one.
   */
  public static Optional<JinjaMarkup.Tag> at(String file, String text, Location failure) {
    LineIndex lines = new LineIndex(text);
    int lineStart = lines.offset(failure.startLine(), 1);
    int lineEnd = lineStart;
    while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') lineEnd++;
    Matcher m = PLACEHOLDER.matcher(text).region(lineStart, lineEnd);
    if (!m.find()) return Optional.empty();
    return Optional.of(new JinjaMarkup.Tag(m.group(), lines.point(file, m.start())));
  }
}
