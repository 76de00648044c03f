package dev.iamlint.value;

import dev.iamlint.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An evaluated value. It keeps where it is written (the expression at the place of use) and
 * how it got its content. {@link Unknown} is a value like the others: it says why it is unknown
 * and, when it stands for another element's attribute, which one. {@link OneOf} holds the
 * alternatives of a choice that cannot be decided statically (Fn::If on an unknown condition).
 */
public sealed interface Value {

  Location location();

  Provenance provenance();

  Value withOrigin(Location location, Provenance provenance);

  /**
   * How much the value holds, all levels counted: one per value, plus one per 8 characters of
   * text. A list that holds another list twice weighs it twice, so that what a reader of the
   * value walks is what is bounded ({@link Budget#MAX_WEIGHT}), however cheaply it was built.
   * At most {@link Integer#MAX_VALUE}.
   */
  int weight();

  /**
   * A string. {@code encoded} keeps the structured value a string was encoded from
   * ({@code jsonencode({...})}), so a policy document written as an HCL object keeps the
   * locations of its elements after it became JSON text; for a JSON text written in a heredoc
   * or a file, the structure it holds, located there. A string with the same text as
   * {@code encoded} is that text as written elsewhere (JSON that does not parse, kept where it
   * is written so that its problems are located there).
   */
  record Str(String value, Location location, Provenance provenance, Optional<Value> encoded) implements Value {
    public Str {
      value = SharedText.of(value);
    }

    public Str(String value, Location location, Provenance provenance) {
      this(value, location, provenance, Optional.empty());
    }

    @Override
    public int weight() {
      return Budget.add(1 + value.length() / Budget.CHARACTERS_PER_UNIT, encoded.map(Value::weight).orElse(0));
    }

    @Override
    public Value withOrigin(Location l, Provenance p) {
      return new Str(value, l, provenance.then(p), encoded);
    }

    /**
     * Whether the text has parts known only at deploy: a rendered JSON document whose structure
     * ({@code encoded}) is known while its text is not all known (an {@code
     * aws_iam_policy_document} naming an account id read at plan). Read as a document it is the
     * structure; read as text it is not known ({@link #asUnknownText}).
     */
    public boolean textHasHoles() {
      // Only a rendering carries holes: other strings are not scanned (templates join many).
      return encoded.isPresent() && value.indexOf(Unknown.HOLE) >= 0;
    }

    /**
     * The JSON text of {@code structure} when that text is not all known (parts of the structure
     * are known only at deploy): {@code partial}, the known text with holes, else a single hole.
     * Read as a document it is the structure; read as text it is never a document of its own.
     */
    public static Str rendering(Value structure, Optional<String> partial, Location location, Provenance provenance) {
      String text = partial.filter(p -> p.indexOf(Unknown.HOLE) >= 0).orElse(String.valueOf(Unknown.HOLE));
      return new Str(text, location, provenance, Optional.of(structure));
    }

    /** This string read as text, when {@link #textHasHoles}: unknown, its known text the partial. */
    public Unknown asUnknownText() {
      return new Unknown(Cause.DEPLOY_TIME, "the text of a JSON document with parts known only at deploy", Optional.empty(),
          Optional.of(value), location, provenance);
    }
  }

  record Num(BigDecimal value, Location location, Provenance provenance) implements Value {
    @Override
    public int weight() {
      return 1;
    }

    @Override
    public Value withOrigin(Location l, Provenance p) {
      return new Num(value, l, provenance.then(p));
    }
  }

  record Bool(boolean value, Location location, Provenance provenance) implements Value {
    @Override
    public int weight() {
      return 1;
    }

    @Override
    public Value withOrigin(Location l, Provenance p) {
      return new Bool(value, l, provenance.then(p));
    }
  }

  record Null(Location location, Provenance provenance) implements Value {
    @Override
    public int weight() {
      return 1;
    }

    @Override
    public Value withOrigin(Location l, Provenance p) {
      return new Null(l, provenance.then(p));
    }
  }

  /**
   * {@code weight} is derived from the items (the argument is not used). {@code unknownLength}
   * says why the number of items is not known, when it is not: some items stand for the
   * instances of a resource whose count or for_each is not known ({@code aws_iam_role.r[*].arn}),
   * each for none, one or many of them. What an item may be is known; how many there are and
   * at which positions is not.
   */
  record ListV(List<Value> items, Location location, Provenance provenance, int weight, Optional<String> unknownLength)
      implements Value {
    public ListV {
      items = List.copyOf(items);
      int w = 1;
      for (Value v : items) w = Budget.add(w, v.weight());
      weight = w;
    }

    public ListV(List<Value> items, Location location, Provenance provenance) {
      this(items, location, provenance, 0, Optional.empty());
    }

    /** A list of these items whose length is not known, for the reason given. */
    public static ListV ofUnknownLength(List<Value> items, String why, Location location, Provenance provenance) {
      return new ListV(items, location, provenance, 0, Optional.of(why));
    }

    /** The same items and length (known or not) at another place. */
    public ListV withItems(List<Value> newItems, Location at, Provenance p) {
      return new ListV(newItems, at, p, 0, unknownLength);
    }

    @Override
    public Value withOrigin(Location l, Provenance p) {
      return new ListV(items, l, provenance.then(p), 0, unknownLength);
    }
  }

  /** Entries in source order; keys are located. {@code weight} is derived from the entries (the argument is not used). */
  record MapV(List<Entry> entries, Location location, Provenance provenance, int weight) implements Value {
    public record Entry(String key, Location keyLocation, Value value) {
      public Entry {
        key = SharedText.of(key);
      }
    }

    public MapV {
      entries = List.copyOf(entries);
      int w = 1;
      // By index: the short-lived iterator of a loop over the list was, for a whole scan, more
      // garbage than any other object a value makes (the fast compiler does not elide it).
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        w = Budget.add(w, Budget.add(e.key().length() / Budget.CHARACTERS_PER_UNIT, e.value().weight()));
      }
      weight = w;
    }

    public MapV(List<Entry> entries, Location location, Provenance provenance) {
      this(entries, location, provenance, 0);
    }

    public Optional<Value> get(String key) {
      for (int i = entries.size() - 1; i >= 0; i--) {
        if (entries.get(i).key().equals(key)) return Optional.of(entries.get(i).value());
      }
      return Optional.empty();
    }

    public Optional<Entry> entry(String key) {
      for (int i = entries.size() - 1; i >= 0; i--) {
        if (entries.get(i).key().equals(key)) return Optional.of(entries.get(i));
      }
      return Optional.empty();
    }

    /** Case-insensitive lookup, as IAM treats policy element names. */
    public Optional<Entry> entryIgnoreCase(String key) {
      for (int i = entries.size() - 1; i >= 0; i--) {
        if (entries.get(i).key().equalsIgnoreCase(key)) return Optional.of(entries.get(i));
      }
      return Optional.empty();
    }

    @Override
    public Value withOrigin(Location l, Provenance p) {
      return new MapV(entries, l, provenance.then(p));
    }
  }

  /**
   * A value that cannot be known statically. {@code partial} is the known text with each
   * unknown part replaced by {@link #HOLE}, when the value is a string built from parts
   * ({@code arn:${AWS::Partition}:iam::aws:policy/X} with an unknown partition).
   */
  record Unknown(Cause cause, String reason, Optional<Reference> reference, Optional<String> partial,
      Location location, Provenance provenance) implements Value {
    public static final char HOLE = '\uFFFF';

    @Override
    public int weight() {
      return 1 + partial.map(p -> p.length() / Budget.CHARACTERS_PER_UNIT).orElse(0);
    }

    @Override
    public Value withOrigin(Location l, Provenance p) {
      return new Unknown(cause, reason, reference, partial, l, provenance.then(p));
    }
  }

  /** Why a value is unknown. */
  enum Cause {
    /** A parameter or variable with no value given. */
    INPUT,
    /** An attribute that exists only after deploy (an ARN, an id, a generated name). */
    DEPLOY_TIME,
    /** A name that is not declared anywhere in the scan. */
    UNDECLARED,
    /** Secrets Manager / SSM dynamic reference, resolved by the service at deploy. */
    DYNAMIC_REFERENCE,
    /** A construct this linter does not evaluate. */
    UNSUPPORTED,
    /**
     * Past an evaluation limit ({@link Budget}): the value was not computed. Not an error (try()
     * and can() do not take it for one): the configuration may well be valid.
     */
    LIMIT
  }

  /** Alternatives; each keeps its own provenance (which branch it is). {@code weight} is derived (the argument is not used). */
  record OneOf(List<Value> alternatives, Location location, Provenance provenance, int weight) implements Value {
    public OneOf {
      alternatives = List.copyOf(alternatives);
      int w = 1;
      for (Value v : alternatives) w = Budget.add(w, v.weight());
      weight = w;
    }

    public OneOf(List<Value> alternatives, Location location, Provenance provenance) {
      this(alternatives, location, provenance, 0);
    }

    @Override
    public Value withOrigin(Location l, Provenance p) {
      List<Value> moved = new ArrayList<>();
      for (Value v : alternatives) moved.add(v.withOrigin(l, p));
      return new OneOf(moved, l, provenance.then(p));
    }
  }

  // ---- convenience views shared by adapters and rules ----

  /** The text of a known string, number or boolean. */
  default Optional<String> asText() {
    if (this instanceof Str s) return Optional.of(s.value());
    if (this instanceof Num n) return Optional.of(n.value().toPlainString());
    if (this instanceof Bool b) return Optional.of(Boolean.toString(b.value()));
    return Optional.empty();
  }

  /** A known boolean, accepting the string forms CloudFormation and Terraform accept. */
  default Optional<Boolean> asBoolean() {
    if (this instanceof Bool b) return Optional.of(b.value());
    if (this instanceof Str s) {
      String t = s.value().toLowerCase(Locale.ROOT);
      if (t.equals("true")) return Optional.of(true);
      if (t.equals("false")) return Optional.of(false);
    }
    return Optional.empty();
  }

  default Optional<BigDecimal> asNumber() {
    if (this instanceof Num n) return Optional.of(n.value());
    if (this instanceof Str s) {
      return Numbers.parse(s.value().trim());
    }
    return Optional.empty();
  }

  /** The first alternative that satisfies {@code test}: the branch a finding is about. */
  default Optional<Value> alternativeWhere(Predicate<Value> test) {
    for (Value v : alternatives()) {
      if (test.test(v)) return Optional.of(v);
    }
    return Optional.empty();
  }

  /** The alternative that is certainly the boolean {@code expected}, if any. */
  default Optional<Value> alternativeIs(boolean expected) {
    return alternativeWhere(v -> v.asBoolean().map(b -> b == expected).orElse(false));
  }

  default boolean isKnown() {
    return !(this instanceof Unknown) && !(this instanceof OneOf);
  }

  /** Every concrete alternative: itself, or the alternatives of a OneOf (flattened). */
  default List<Value> alternatives() {
    if (this instanceof OneOf o) {
      List<Value> all = new ArrayList<>();
      for (Value v : o.alternatives()) all.addAll(v.alternatives());
      return all;
    }
    return List.of(this);
  }

  /**
   * The items of a list, or the value itself as a one-element list (IAM and CloudFormation accept
   * a single value where a list is expected).
   */
  default List<Value> items() {
    if (this instanceof ListV l) return l.items();
    if (this instanceof Null) return List.of();
    if (this instanceof OneOf o) {
      // Each branch's items may exist: they keep the branch in their provenance.
      List<Value> all = new ArrayList<>();
      for (Value alternative : o.alternatives()) {
        for (Value item : alternative.items()) {
          all.add(alternative instanceof ListV ? item.withOrigin(item.location(), alternative.provenance()) : item);
        }
      }
      return all;
    }
    return List.of(this);
  }

  /** The branch in which the value is absent (AWS::NoValue, null), if any: a missing setting there. */
  default Optional<Value> alternativeAbsent() {
    return alternativeWhere(v -> v instanceof Null);
  }

  /** A number as a person writes it, even when it was given as a string ("12" reads 12). */
  default String displayNumber() {
    return asNumber().map(n -> n.stripTrailingZeros().scale() < 0 ? n.setScale(0).toPlainString()
        : n.stripTrailingZeros().toPlainString()).orElseGet(this::display);
  }

  /** How a value reads in a message: quoted text, or a description of what is unknown. */
  default String display() {
    if (this instanceof Str s) return "\"" + s.value() + "\"";
    if (this instanceof Num n) return n.value().toPlainString();
    if (this instanceof Bool b) return Boolean.toString(b.value());
    if (this instanceof Null) return "null";
    if (this instanceof ListV l) return "a list of " + l.items().size();
    if (this instanceof MapV) return "a map";
    if (this instanceof Unknown u) {
      // A string with unknown parts reads with "…" for each: "arn:aws:iam::…:root".
      return u.partial().map(p -> "\"" + p.replace(String.valueOf(Unknown.HOLE), "…") + "\" (" + u.reason() + ")")
          .orElse("an unknown value (" + u.reason() + ")");
    }
    OneOf o = (OneOf) this;
    return "one of " + o.alternatives().stream().map(Value::display).toList();
  }
}
