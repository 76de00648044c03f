package dev.iamlint.lsp;

import dev.iamlint.report.SarifReporter;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rules.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * What hovering shows: on a diagnostic, or on a rule named in a suppression (an
 * {@code iamlint:ignore} comment, a CloudFormation {@code Metadata} entry), the rule's title,
 * what it checks and how to fix it, from the rule catalogue {@code iamlint explain} reads.
 */
final class RuleHover {
  /** A word that may name a rule: an id ({@code ADM001}) or a slug ({@code admin-policy-attached}). */
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern RULE_ID = Pattern.compile("[A-Z]{2,5}[0-9]{3}");
  private static final String DIRECTIVE = "iamlint:ignore";

  private RuleHover() {}

  /** The hover at {@code position} of {@code buffer}, whose published diagnostics are {@code diagnostics}. */
  static Optional<Hover> at(TextBuffer buffer, Position position, List<Diagnostic> diagnostics) {
    Set<String> rules = new LinkedHashSet<>();
    Range range = null;
    for (Diagnostic d : diagnostics) {
      if (Diagnostics.SOURCE.equals(d.getSource()) && d.getCode() != null && d.getCode().isLeft()
          && TextBuffer.contains(d.getRange(), position) && Catalog.find(d.getCode().getLeft()).isPresent()) {
        rules.add(d.getCode().getLeft());
        if (range == null) range = d.getRange();
      }
    }
    if (rules.isEmpty()) {
      Optional<Word> word = buffer.line(position.getLine()).flatMap(l -> ruleNamedAt(l, position.getCharacter()));
      if (word.isEmpty()) return Optional.empty();
      rules.add(word.get().rule().id());
      range = new Range(new Position(position.getLine(), word.get().start()), new Position(position.getLine(), word.get().end()));
    }
    List<String> parts = new ArrayList<>();
    for (String id : rules) parts.add(markdown(Catalog.get(id)));
    Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)));
    hover.setRange(range);
    return Optional.of(hover);
  }

  /** A rule named by the word at {@code character} of {@code line}, and where the word is. */
  private record Word(RuleMetadata rule, int start, int end) {}

  /**
   * The rule the word under the cursor names: any id or slug after an {@code iamlint:ignore}
   * directive (before its {@code --} reason), elsewhere an id written as one (a Metadata entry
   * {@code id: ADM001}, a config {@code rule:}).
   */
  static Optional<Word> ruleNamedAt(String line, int character) {
    int directive = line.indexOf(DIRECTIVE);
    int reason = directive < 0 ? -1 : line.indexOf("--", directive);
    Matcher m = WORD.matcher(line);
    while (m.find()) {
      if (character < m.start() || character > m.end()) continue;
      String word = m.group();
      boolean inDirective = directive >= 0 && m.start() >= directive + DIRECTIVE.length() && (reason < 0 || m.start() < reason);
      if (!inDirective && !RULE_ID.matcher(word).matches()) continue;
      Optional<RuleMetadata> rule = Catalog.find(word);
      if (rule.isPresent()) return Optional.of(new Word(rule.get(), m.start(), m.end()));
    }
    return Optional.empty();
  }

  static String markdown(RuleMetadata m) {
    return "**" + m.id() + "** `" + m.slug() + "` — " + m.title() + " (" + m.severity().label() + ")\n\n"
        + m.description().strip() + "\n\n**How to fix**\n\n" + m.remediation().strip() + "\n\n[Documentation]("
        + SarifReporter.helpUri(m.id()) + ")";
  }
}
