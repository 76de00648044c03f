package dev.iamlint.rules;

import dev.iamlint.model.User;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * USR004: a user whose name, logical id or tags mark it as shared or temporary (a whole word,
 * in any case or naming style: {@code shared-ci}, {@code TmpUser}, {@code test_user}), or that
 * has an expiry tag.
 */
public final class SharedOrTemporaryUser implements Rule {
  static final Set<String> WORDS = Set.of("shared", "generic", "team", "common", "test", "tmp", "temp", "demo", "poc",
      "sandbox");
  private static final Pattern EXPIRY_KEY = Pattern.compile("(?i).*(expir|ttl|delete.?after|valid.?until|end.?date).*");
  /** An expiry tag whose value says the user does not expire. */
  private static final Set<String> NO_EXPIRY = Set.of("", "never", "none", "no", "false", "n/a", "na", "permanent");
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

  @Override
  public String id() {
    return "USR004";
  }

  @Override
  public void check(RuleContext ctx) {
    // Configured patterns (regular expressions, found anywhere in the text) replace the words.
    List<Pattern> patterns = ctx.strings("patterns", List.of()).stream().map(Pattern::compile).toList();
    Function<String, Optional<String>> word = patterns.isEmpty() ? SharedOrTemporaryUser::word : t -> matched(t, patterns);
    for (User u : ctx.model().users()) {
      Optional<Value> named = u.name().alternativeWhere(v -> v.asText().flatMap(word).isPresent());
      Optional<String> nameWord = named.flatMap(Value::asText).flatMap(word);
      String logical = u.resource().address().replaceAll(".*\\.", "").replaceAll("\\[.*", "");
      Optional<String> idWord = word.apply(logical);
      if (nameWord.isPresent()) {
        ctx.report(u.resource(), named.get().location(), "name", "User name " + named.get().display()
            + named.get().provenance().suffix() + " marks a "
            + kind(nameWord.get()) + " user (\"" + nameWord.get() + "\"): give each person and workload its own identity");
        continue;
      }
      if (idWord.isPresent()) {
        ctx.report(u.resource(), u.resource().header(), "name", "User " + u.resource().address() + " is named as a "
            + kind(idWord.get()) + " user (\"" + idWord.get() + "\"): give each person and workload its own identity");
        continue;
      }
      u.tags().ifPresent(tags -> tag(ctx, u, tags, word));
    }
  }

  private static Optional<String> matched(String text, List<Pattern> patterns) {
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      if (m.find()) return Optional.of(m.group().toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  private static void tag(RuleContext ctx, User u, Value tags, Function<String, Optional<String>> word) {
    for (Value.MapV.Entry e : entries(tags)) {
      boolean neverExpires = e.value().asText().map(t -> NO_EXPIRY.contains(t.trim().toLowerCase(Locale.ROOT))).orElse(false);
      if (EXPIRY_KEY.matcher(e.key()).matches() && !neverExpires) {
        ctx.report(u.resource(), e.keyLocation(), "tag", "User " + u.resource().address() + " has an expiry tag \""
            + e.key() + "\": a temporary user; prefer temporary credentials from a role");
        return;
      }
    }
    for (Value.MapV.Entry e : entries(tags)) {
      Optional<String> w = e.value().asText().flatMap(word);
      if (w.isPresent()) {
        ctx.report(u.resource(), e.value().location(), "tag", "User " + u.resource().address() + " is tagged "
            + e.key() + " = " + e.value().display() + ", a " + kind(w.get()) + " user: give each person its own identity");
        return;
      }
    }
  }

  /** Terraform tags are a map; CloudFormation tags a list of {Key, Value}. */
  private static List<Value.MapV.Entry> entries(Value tags) {
    if (tags instanceof Value.MapV m) return m.entries();
    return tags.items().stream().filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast)
        .filter(t -> t.get("Key").flatMap(Value::asText).isPresent())
        .map(t -> new Value.MapV.Entry(t.get("Key").flatMap(Value::asText).orElseThrow(), t.location(),
            t.get("Value").orElse(new Value.Null(t.location(), t.provenance()))))
        .toList();
  }

  static Optional<String> word(String text) {
    for (String w : WORD_BREAK.split(text)) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (WORDS.contains(lower)) return Optional.of(lower);
    }
    return Optional.empty();
  }

  private static String kind(String word) {
    return Set.of("test", "tmp", "temp", "demo", "poc", "sandbox").contains(word) ? "temporary" : "shared";
  }
}
