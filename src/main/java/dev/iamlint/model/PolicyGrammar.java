package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What IAM checks when it receives a policy document, as far as the document's known parts
 * tell: the shape of the document and its statements, {@code Effect}, the action and resource
 * elements, {@code Version} and the condition operators. An unknown part never yields a
 * certain defect: it may hold anything; an element only one branch of an undecided choice has
 * or lacks yields a defect of that branch only.
 */
final class PolicyGrammar {
  private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

  /** IAM's condition operators, without the ForAllValues:/ForAnyValue: prefix or the IfExists suffix. */
  private static final List<String> OPERATORS = List.of(
      "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
      "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
      "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
      "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
      "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");

  private enum Presence { ABSENT, PRESENT, UNDECIDED }

  private final PolicyDocument.Use use;
  private final List<PolicyDefect> out = new ArrayList<>();

  private PolicyGrammar(PolicyDocument.Use use) {
    this.use = use;
  }

  static List<PolicyDefect> check(Value document, PolicyDocument.Use use) {
    PolicyGrammar g = new PolicyGrammar(use);
    List<Value> alternatives = document.alternatives();
    for (Value doc : alternatives) g.document(doc, alternatives.size() == 1);
    return List.copyOf(g.out);
  }

  private void document(Value doc, boolean certain) {
    if (doc instanceof Value.ListV || doc instanceof Value.Num || doc instanceof Value.Bool) {
      add(doc.location(), "the document is " + kind(doc) + ", not a JSON object", "document", doc.provenance(), certain);
      return;
    }
    // Text is the adapters' to read; null and unknown say nothing.
    if (!(doc instanceof Value.MapV map)) return;
    map.entryIgnoreCase("Version").ifPresent(e -> {
      List<Value> versions = e.value().alternatives();
      for (Value v : versions) {
        Optional<String> text = known(v);
        if (text.isPresent() && !VERSIONS.contains(text.get())) {
          add(v.location(), "Version " + v.display() + " is neither \"2012-10-17\" nor \"2008-10-17\"", "version",
              v.provenance(), certain && versions.size() == 1);
        }
      }
    });
    Optional<Value.MapV.Entry> statement = map.entryIgnoreCase("Statement");
    if (statement.isEmpty()) {
      add(map.location(), "the document has no Statement", "statement", map.provenance(), certain);
      return;
    }
    List<Value> lists = statement.get().value().alternatives();
    int index = 0;
    for (Value list : lists) {
      boolean sure = certain && lists.size() == 1;
      if (list instanceof Value.MapV s) {
        statement(s, ++index, sure);
      } else if (list instanceof Value.ListV l) {
        for (Value item : l.items()) {
          List<Value> items = item.alternatives();
          for (Value one : items) {
            index++;
            if (one instanceof Value.MapV s) {
              statement(s, index, sure && items.size() == 1);
            } else if (one instanceof Value.Str || one instanceof Value.Num || one instanceof Value.Bool
                || one instanceof Value.ListV) {
              add(one.location(), "statement " + index + " is " + kind(one) + ", not an object", "statement#" + index,
                  one.provenance(), sure && items.size() == 1);
            }
          }
        }
      } else if (list instanceof Value.Str || list instanceof Value.Num || list instanceof Value.Bool) {
        add(list.location(), "Statement is " + kind(list) + ", neither an object nor a list of objects", "statement",
            list.provenance(), sure);
      }
    }
  }

  private void statement(Value.MapV s, int index, boolean certain) {
    String label = label(s);
    String key = "#" + s.entryIgnoreCase("Sid").flatMap(e -> e.value().asText()).filter(t -> !t.isBlank())
        .orElse(Integer.toString(index));
    Optional<Value.MapV.Entry> effect = s.entryIgnoreCase("Effect");
    if (effect.isEmpty()) {
      add(s.location(), label + " has no Effect", "effect" + key, s.provenance(), certain);
    } else {
      List<Value> effects = effect.get().value().alternatives();
      for (Value v : effects) {
        Optional<String> text = known(v);
        if (text.isPresent() && !text.get().equals("Allow") && !text.get().equals("Deny")) {
          boolean caseOnly = text.get().equalsIgnoreCase("allow") || text.get().equalsIgnoreCase("deny");
          // IAM refuses "allow" in identity policies (and the provider in a policy-document data
          // source), but role trust policies written so are deployed: case alone is not claimed there.
          if (caseOnly && use == PolicyDocument.Use.TRUST) continue;
          String hint = caseOnly ? " (the value is case-sensitive)" : "";
          add(v.location(), "Effect " + v.display() + " of " + label + " is neither \"Allow\" nor \"Deny\"" + hint,
              "effect" + key, v.provenance(), certain && effects.size() == 1);
        }
      }
    }
    pair(s, "Action", "NotAction", label, key, certain);
    // A trust policy has no Resource; a document used outside the scan may be one.
    if (use == PolicyDocument.Use.IDENTITY) pair(s, "Resource", "NotResource", label, key, certain);
    s.entryIgnoreCase("Condition").ifPresent(c -> {
      List<Value> conditions = c.value().alternatives();
      for (Value alternative : conditions) {
        if (!(alternative instanceof Value.MapV operators)) continue;
        for (Value.MapV.Entry op : operators.entries()) {
          if (isOperator(op.key())) continue;
          String suggestion = nearest(op.key()).map(n -> " (did you mean \"" + n + "\"?)").orElse("");
          add(op.keyLocation(), "condition operator \"" + op.key() + "\" of " + label + " is not an IAM condition operator"
              + suggestion, "operator" + key + ":" + op.key(), alternative.provenance(), certain && conditions.size() == 1);
        }
      }
    });
  }

  /** Exactly one of the two elements: IAM rejects a statement with neither or with both. */
  private void pair(Value.MapV s, String name, String negated, String label, String key, boolean certain) {
    Presence positive = presence(s, name);
    Presence negative = presence(s, negated);
    if (positive == Presence.ABSENT && negative == Presence.ABSENT) {
      add(s.location(), label + " has neither " + name + " nor " + negated, name.toLowerCase(Locale.ROOT) + key,
          s.provenance(), certain);
    } else if (positive == Presence.PRESENT && negative == Presence.PRESENT) {
      Value second = s.entryIgnoreCase(negated).orElseThrow().value();
      add(second.location(), label + " has both " + name + " and " + negated, name.toLowerCase(Locale.ROOT) + key,
          second.provenance(), certain);
    }
  }

  /** Absent when not written or null in every branch; present when known non-null in every branch. */
  private static Presence presence(Value.MapV s, String name) {
    Optional<Value.MapV.Entry> e = s.entryIgnoreCase(name);
    if (e.isEmpty()) return Presence.ABSENT;
    List<Value> alternatives = e.get().value().alternatives();
    if (alternatives.stream().allMatch(Value.Null.class::isInstance)) return Presence.ABSENT;
    // An unknown value may turn out null (absent): it decides neither way. So does an empty
    // list, which the provider leaves out of a policy-document data source's JSON.
    // A list of unknown length whose items are all unknown may be empty too (flatten([var.x])).
    if (alternatives.stream().anyMatch(v -> v instanceof Value.Null || v instanceof Value.Unknown
        || (v instanceof Value.ListV l && (l.items().isEmpty()
            || (l.unknownLength().isPresent() && l.items().stream().noneMatch(Value::isKnown)))))) {
      return Presence.UNDECIDED;
    }
    return Presence.PRESENT;
  }

  static boolean isOperator(String name) {
    String op = name.toLowerCase(Locale.ROOT);
    if (op.startsWith("forallvalues:")) op = op.substring("forallvalues:".length());
    else if (op.startsWith("foranyvalue:")) op = op.substring("foranyvalue:".length());
    // The reference says IfExists goes with every operator but Null; whether IAM refuses
    // NullIfExists is not documented, so it is not claimed.
    String base = op.endsWith("ifexists") ? op.substring(0, op.length() - "ifexists".length()) : op;
    return OPERATORS.stream().anyMatch(o -> o.equalsIgnoreCase(base));
  }

  /** The operator a typo most likely meant: at most two edits away from the name without its prefix. */
  private static Optional<String> nearest(String name) {
    int colon = name.indexOf(':');
    String prefix = colon >= 0 ? name.substring(0, colon + 1) : "";
    String bare = name.substring(prefix.length()).toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = 3;
    for (String o : OPERATORS) {
      for (String candidate : List.of(o, o + "IfExists")) {
        int d = distance(bare, candidate.toLowerCase(Locale.ROOT));
        if (d < bestDistance) {
          bestDistance = d;
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best).map(b -> prefix + b);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /** The text of a known scalar; IAM reads numbers and booleans as their text. */
  private static Optional<String> known(Value v) {
    return v instanceof Value.Str || v instanceof Value.Num || v instanceof Value.Bool ? v.asText() : Optional.empty();
  }

  private static String kind(Value v) {
    if (v instanceof Value.ListV) return "a list";
    if (v instanceof Value.Num) return "a number";
    if (v instanceof Value.Bool) return "a boolean";
    return "a string";
  }

  /** As {@link Statement#label()}: the Sid when there is one, else the line. */
  private static String label(Value.MapV s) {
    return s.entryIgnoreCase("Sid").flatMap(e -> e.value().asText()).filter(t -> !t.isBlank())
        .map(t -> "statement \"" + t + "\"").orElse("the statement at line " + s.location().startLine());
  }

  private void add(Location at, String problem, String key, Provenance provenance, boolean certain) {
    out.add(new PolicyDefect(at, problem, key, provenance, certain));
  }
}
