package dev.iamlint.scan;

import dev.iamlint.cloudformation.Template;
import dev.iamlint.config.Globs;
import dev.iamlint.config.Ignore;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.Suppression;
import dev.iamlint.rules.Catalog;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppressions written next to the code: {@code # iamlint:ignore ADM001,USR001 until=2027-01-31
 * -- reason} comments (Terraform, YAML; also {@code //}) and CloudFormation resource metadata
 * {@code iamlint: { ignore: [ { id, reason, until } ] }}. A comment covers findings on its own
 * line, on the next line of code, and in the resource whose block starts there; metadata covers
 * its resource. A suppression without a reason, past its date, naming no rule or matching no
 * finding is itself reported (SUP001) and, unless it matched, hides nothing.
 */
final class Suppressions {

  /** One suppression; {@code line} and {@code nextCodeLine} are 0 for resource metadata. */
  record Directive(Location at, List<String> rules, Optional<String> reason, Optional<String> until, int line,
      int nextCodeLine, Optional<String> resourceAddress, Optional<Scope> configScope) {

    Directive(Location at, List<String> rules, Optional<String> reason, Optional<String> until, int line,
        int nextCodeLine, Optional<String> resourceAddress) {
      this(at, rules, reason, until, line, nextCodeLine, resourceAddress, Optional.empty());
    }

    boolean covers(Finding f) {
      if (configScope.isPresent()) return names(f) && configScope.get().covers(f);
      if (!names(f)) return false;
      // Above the resource block: the whole resource, even a finding placed in another file
      // (a policy read by file()).
      boolean aboveResource = f.resource().location().file().equals(at.file()) && f.resource().location().startLine() == nextCodeLine;
      // A comment inside the resource (on the file() call) covers findings placed in the file it reads.
      boolean insideResource = f.resource().location().file().equals(at.file()) && f.resource().location().contains(line);
      if (!f.location().file().equals(at.file())) return resourceAddress.isEmpty() && (aboveResource || insideResource);
      // In a nested stack the address is the parent's stack before the template's own (Resources.Roles/Resources.Role).
      if (resourceAddress.isPresent()) {
        return f.resource().address().equals(resourceAddress.get()) || f.resource().address().endsWith("/" + resourceAddress.get());
      }
      int findingLine = f.location().startLine();
      return findingLine == line || findingLine == nextCodeLine || aboveResource;
    }

    Suppression.Kind kind() {
      if (configScope.isPresent()) return Suppression.Kind.CONFIG;
      return resourceAddress.isPresent() ? Suppression.Kind.METADATA : Suppression.Kind.INLINE;
    }

    private boolean names(Finding f) {
      return rules.stream().anyMatch(r -> r.equalsIgnoreCase(f.ruleId()) || r.equalsIgnoreCase(f.slug()));
    }
  }

  /** Where a config {@code ignore:} entry applies: files and resource addresses matching its globs. */
  record Scope(Optional<Pattern> path, Optional<Pattern> resource, java.nio.file.Path workingDirectory) {
    boolean covers(Finding f) {
      return path.map(p -> Globs.matches(p, absolute(workingDirectory, f.location().file()))).orElse(true)
          && resource.map(r -> r.matcher(f.resource().address()).matches()).orElse(true);
    }
  }

  private boolean requireReason = true;
  private final List<Finding> hidden = new ArrayList<>();

  /** The findings the last {@link #apply} hid, each marked with its suppression. */
  List<Finding> hidden() {
    return List.copyOf(hidden);
  }

  void requireReason(boolean required) {
    requireReason = required;
  }

  /** The config file's {@code ignore:} entries; their path globs are absolute (see Globs.under). */
  void readConfig(List<Ignore> ignores, java.nio.file.Path workingDirectory) {
    for (Ignore i : ignores) {
      directives.add(new Directive(i.at(), i.rules(), i.reason(), i.until(), 0, 0, Optional.empty(),
          Optional.of(new Scope(i.path().map(Globs::compile), i.resource().map(Suppressions::addressGlob), workingDirectory))));
    }
  }

  /** A finding's or scanned file's path (relative to the working directory, or absolute) made absolute. */
  static String absolute(java.nio.file.Path workingDirectory, String file) {
    return workingDirectory.resolve(file).toAbsolutePath().normalize().toString().replace('\\', '/');
  }

  /** Resource addresses are matched whole, {@code *} across dots and brackets too. */
  private static Pattern addressGlob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') re.append(".*");
      else if (c == '?') re.append('.');
      else re.append(Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }

  private static final Pattern COMMENT = Pattern.compile(
      "(?:^|\\s)(?:#|//)\\s*iamlint:ignore\\b\\s*([^\\n]*)$");
  /** What every comment directive holds (the pattern below is case-sensitive too). */
  private static final String DIRECTIVE = "iamlint:ignore";
  private static final Pattern UNTIL = Pattern.compile("\\buntil=(\\S+)");

  private final List<Directive> directives = new ArrayList<>();

  void addAll(Suppressions other) {
    directives.addAll(other.directives);
  }

  /** Reads the {@code iamlint:ignore} comments of a Terraform or YAML file. */
  void readComments(String file, String text) {
    readComments(file, text, ScalarSpans.NONE);
  }

  /** As above, leaving out a directive whose {@code #} lies inside a value of the file ({@code content}). */
  void readComments(String file, String text, ScalarSpans content) {
    // Nearly no file holds a directive: a quarter of a warm pre-commit run went to splitting
    // and matching the lines of files that have none.
    if (!text.contains(DIRECTIVE)) return;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = COMMENT.matcher(lines[i]);
      if (!m.find()) continue;
      int hash = m.start() + (Character.isWhitespace(lines[i].charAt(m.start())) ? 1 : 0);
      if (content.holds(i + 1, hash + 1)) continue;
      String body = m.group(1);
      int dash = body.indexOf("--");
      Optional<String> reason = dash < 0 ? Optional.empty() : Optional.of(body.substring(dash + 2).strip()).filter(s -> !s.isEmpty());
      String head = dash < 0 ? body : body.substring(0, dash);
      Matcher until = UNTIL.matcher(head);
      Optional<String> date = until.find() ? Optional.of(until.group(1)) : Optional.empty();
      List<String> rules = Arrays.stream(UNTIL.matcher(head).replaceAll("").split("[,\\s]+"))
          .filter(s -> !s.isBlank()).toList();
      int column = hash + 1;
      Location at = new Location(file, i + 1, column, i + 1, lines[i].length() + 1);
      // A comment after code covers its own line only; a comment line also covers what follows.
      boolean trailing = !lines[i].substring(0, m.start()).isBlank();
      directives.add(new Directive(at, rules, reason, date, i + 1, trailing ? -1 : nextCodeLine(lines, i), Optional.empty()));
    }
  }

  private static int nextCodeLine(String[] lines, int from) {
    for (int j = from + 1; j < lines.length; j++) {
      String s = lines[j].strip();
      if (!s.isEmpty() && !s.startsWith("#") && !s.startsWith("//")) return j + 1;
    }
    return -1;
  }

  /** Reads {@code Metadata: iamlint: ignore:} of each resource of a template. */
  void readMetadata(Template template) {
    for (Template.Resource r : template.resources().values()) {
      if (!(r.declaration().value() instanceof MapNode decl)) continue;
      Optional<Node> ignore = decl.map("Metadata").flatMap(m -> m.map("iamlint")).flatMap(m -> m.get("ignore"));
      if (ignore.isEmpty() || !(ignore.get() instanceof ListNode list)) continue;
      for (Node item : list.items()) {
        if (!(item instanceof MapNode entry)) continue;
        List<String> rules = text(entry, "id").map(s -> Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isBlank()).toList())
            .orElse(List.of());
        directives.add(new Directive(entry.location(), rules, text(entry, "reason").filter(s -> !s.isBlank()),
            text(entry, "until"), 0, 0, Optional.of(r.address())));
      }
    }
  }

  private static Optional<String> text(MapNode m, String key) {
    return m.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text().strip());
  }

  /**
   * Removes the findings that valid suppressions cover and returns them with the SUP001 findings
   * for the suppressions themselves. Every rule runs on every scan (selection only filters what
   * is reported), so a suppression that matches nothing is stale whatever was selected.
   */
  List<Finding> apply(List<Finding> findings, LocalDate today) {
    return apply(findings, today, List.of());
  }

  /**
   * {@code scanned}: the files of this scan. A config entry is judged unused only when its
   * {@code path} names a scanned file: pre-commit scans a few files, and an entry about the
   * others is not stale for that.
   */
  List<Finding> apply(List<Finding> findings, LocalDate today, List<String> scanned) {
    hidden.clear();
    List<Finding> kept = new ArrayList<>(findings);
    List<Finding> problems = new ArrayList<>();
    for (Directive d : directives) {
      Optional<String> problem = validity(d, today);
      if (problem.isPresent()) {
        problems.add(sup001(d, problem.get()));
        continue;
      }
      boolean used = false;
      for (java.util.Iterator<Finding> it = kept.iterator(); it.hasNext();) {
        Finding f = it.next();
        if (!d.covers(f)) continue;
        it.remove();
        hidden.add(f.suppressed(new Suppression(d.kind(), d.reason().orElse("(no reason required)"), Optional.of(d.at()))));
        used = true;
      }
      boolean judged = d.configScope().isEmpty() || d.configScope().get().path()
          .map(p -> scanned.stream().anyMatch(f -> Globs.matches(p, absolute(d.configScope().get().workingDirectory(), f))))
          .orElse(false);
      if (!used && judged) {
        problems.add(sup001(d, "the suppression of " + String.join(", ", d.rules())
            + " matches no finding: remove it"));
      }
    }
    kept.addAll(problems);
    return kept;
  }

  private Optional<String> validity(Directive d, LocalDate today) {
    if (d.rules().isEmpty()) return Optional.of("the suppression names no rule (iamlint:ignore ID[,ID] -- reason)");
    for (String r : d.rules()) {
      if (Catalog.find(r).isEmpty()) return Optional.of("the suppression names no known rule: '" + r + "'");
    }
    if (d.reason().isEmpty() && requireReason) {
      return Optional.of("the suppression of " + String.join(", ", d.rules())
          + " gives no reason and is not applied (write one after --)");
    }
    if (d.until().isPresent()) {
      try {
        LocalDate until = LocalDate.parse(d.until().get());
        if (today.isAfter(until)) {
          return Optional.of("the suppression of " + String.join(", ", d.rules()) + " expired on " + until
              + " and is no longer applied");
        }
      } catch (DateTimeParseException e) {
        return Optional.of("until=" + d.until().get() + " is not a date (YYYY-MM-DD): the suppression is not applied");
      }
    }
    return Optional.empty();
  }

  private static Finding sup001(Directive d, String message) {
    RuleMetadata sup = Catalog.get("SUP001");
    ResourceRef resource = new ResourceRef(d.at().file(), d.resourceAddress().orElse(d.at().file()),
        d.resourceAddress().isPresent() ? "metadata" : "comment", d.at(), d.at());
    String detail = String.join(",", d.rules()).toLowerCase(Locale.ROOT) + "|" + d.reason().orElse("") + "|"
        + d.resourceAddress().orElse("") + "|" + message;
    return new Finding(sup.id(), sup.slug(), sup.severity(), message, d.at(), resource, List.of(), detail);
  }
}
