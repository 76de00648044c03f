package dev.iamlint.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The actions of a Go {@code text/template} (AWS Copilot, eksctl, Helm-style generators render
 * CloudFormation from such sources): {@code {{if .X}}}, {@code {{range $x := .Y}}},
 * {@code {{end}}}, {@code {{$v := .Z}}}, {@code {{.Field}}}, a comment, with the {@code {{-}}
 * trim marker. Jinja writes its control flow in {@code {% %}}, never these.
 */
public final class GoTemplateMarkup {
  private static final Pattern ACTION = Pattern.compile(
      "\\{\\{-?\\s*(?:(?:if|else|end|range|with|define|template|block)\\b|\\$|\\.[A-Za-z_]|/\\*)");

  private GoTemplateMarkup() {}

  /** The first Go template action of {@code text}, located in {@code file}, if it has one. */
  public static Optional<JinjaMarkup.Tag> first(String file, String text) {
    Matcher m = ACTION.matcher(text);
    do {
      if (!m.find()) return Optional.empty();
    } while (inComment(text, m.start()));
    int end = text.indexOf("}}", m.start());
    String action = end < 0 ? text.substring(m.start(), Math.min(text.length(), m.start() + 40)) : text.substring(m.start(), end + 2);
    return Optional.of(new JinjaMarkup.Tag(action, new LineIndex(text).point(file, m.start())));
  }

  /** Whether {@code at} follows a {@code #} that starts a comment on its line (the line start or a blank before it). */
  private static boolean inComment(String text, int at) {
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    for (int i = lineStart; i < at; i++) {
      if (text.charAt(i) == '#' && (i == lineStart || Character.isWhitespace(text.charAt(i - 1)))) return true;
    }
    return false;
  }
}
