package dev.iamlint.terraform.functions;

import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * The mark the attributes of a resource instance carry (the first step of their provenance names
 * the instance), and what it tells about a map of instances. A resource whose count or for_each is
 * not known has one symbolic instance ({@code aws_iam_user.u[*]}) standing for all of them; read
 * as a map ({@code for_each = aws_iam_user.u}), it is one entry keyed {@code "*"} whose key is
 * not a key at all: the instances' keys are not known, only what each instance holds.
 */
public final class InstanceMarks {
  private InstanceMarks() {}

  public static final String MARK = "instance of ";

  /** For a map read from a resource instance: the instance address, when it is one. */
  public static Optional<String> instanceOf(Value.MapV m) {
    if (m.provenance().steps().isEmpty()) return Optional.empty();
    String d = m.provenance().steps().get(0).description();
    return d.startsWith(MARK) ? Optional.of(d.substring(MARK.length())) : Optional.empty();
  }

  /**
   * An attribute of a resource instance that its arguments do not write: the provider sets it at
   * apply (an ARN, an id, a data source's document), so a function that reads the instance as a
   * map ({@code lookup}, {@code merge}) finds it there, not its default.
   */
  public static Value afterApply(String instance, String attribute, Location at) {
    return new Value.Unknown(Value.Cause.DEPLOY_TIME, instance + "." + attribute + " is known only after apply",
        Optional.empty(), Optional.empty(), at, Provenance.LITERAL);
  }

  /** An attribute of a resource known only after apply that is one text: its ARN, id or name. */
  public static boolean scalarAttribute(Value.Unknown u) {
    return u.cause() == Value.Cause.DEPLOY_TIME
        && u.reference().map(r -> r.attribute().equals("arn") || r.attribute().equals("id") || r.attribute().equals("name")).orElse(false);
  }

  /** For {@code keys}/{@code values} of a resource instance: unknown, its attributes being more than it writes. */
  public static Optional<Value> attributesAfterApply(Value.MapV m, Location at) {
    return instanceOf(m).filter(a -> !a.endsWith("[*]")).map(a -> new Value.Unknown(Value.Cause.DEPLOY_TIME,
        "the attributes of " + a + " are known only after apply", Optional.empty(), Optional.empty(), at, Provenance.LITERAL));
  }

  /** Whether the entry stands for the instances of a resource whose count or for_each is not known. */
  public static boolean standsForUnknownInstances(Value.MapV.Entry e) {
    return e.key().equals("*") && symbolic(e.value()).isPresent();
  }

  /** The resource (its address without the instance key) whose symbolic instance {@code v} is, if it is one. */
  private static Optional<String> symbolic(Value v) {
    return v instanceof Value.MapV m
        ? instanceOf(m).filter(a -> a.endsWith("[*]")).map(a -> a.substring(0, a.length() - 3)) : Optional.empty();
  }

  /**
   * For the instances of a resource read as a collection ({@code aws_iam_user.u}, a list for a
   * count, a map for a for_each) whose count or for_each is not known, and for a list built from
   * them ({@link Value.ListV#unknownLength}): an unknown saying that their number is not known.
   * Empty for any other value.
   */
  public static Optional<Value> unknownNumber(Value collection, Location at) {
    return whyNumberUnknown(collection).map(why -> new Value.Unknown(Value.Cause.INPUT, why, Optional.empty(),
        Optional.empty(), at, Provenance.LITERAL));
  }

  /** Why the number of items of {@code collection} is not known, when it is not (see {@link #unknownNumber}). */
  public static Optional<String> whyNumberUnknown(Value collection) {
    Optional<String> resource = Optional.empty();
    if (collection instanceof Value.ListV l) {
      if (l.unknownLength().isPresent()) return l.unknownLength();
      if (l.items().size() == 1) resource = symbolic(l.items().get(0));
    }
    if (collection instanceof Value.MapV m && m.entries().size() == 1 && standsForUnknownInstances(m.entries().get(0))) {
      resource = symbolic(m.entries().get(0).value());
    }
    return resource.map(r -> "the number of instances of " + r + ", whose count or for_each is not known");
  }

  /**
   * {@code items} as a list, whose length is not known when that of any of {@code sources} is not
   * ({@code concat}, {@code flatten} and splats keep the items of lists of unknown length).
   */
  public static Value.ListV listFrom(List<Value> items, List<Value> sources, Location at) {
    for (Value source : sources) {
      Optional<String> why = whyNumberUnknown(source);
      if (why.isPresent()) return Value.ListV.ofUnknownLength(items, why.get(), at, Provenance.LITERAL);
    }
    return new Value.ListV(items, at, Provenance.LITERAL);
  }

  /**
   * An item of a list whose length is not known and that holds more than one item, taken at a
   * position ({@code element(l, 0)}, {@code l[0]}): any of its items may be there. It is that item
   * when all the others are empty ({@code ""} or null: {@code element(concat(x.*.arn, [""]), 0)}
   * is the ARN wherever there is one), else unknown. Empty when positions are known.
   */
  public static Optional<Value> atUnknownPosition(Value list, Location at) {
    if (!(list instanceof Value.ListV l) || l.items().size() < 2) return Optional.empty();
    Optional<String> why = whyNumberUnknown(l);
    if (why.isEmpty()) return Optional.empty();
    List<Value> candidates = l.items().stream().filter(i -> !isEmpty(i)).toList();
    if (candidates.size() == 1) return Optional.of(candidates.get(0).withOrigin(at, Provenance.LITERAL));
    return Optional.of(new Value.Unknown(Value.Cause.INPUT, "an item at a position not known (" + why.get() + ")",
        Optional.empty(), Optional.empty(), at, Provenance.LITERAL));
  }

  private static boolean isEmpty(Value v) {
    return v instanceof Value.Null || FnSupport.emptyString(v);
  }

  /** The entry's key as a value: unknown for an entry that stands for instances not known. */
  public static Value key(Value.MapV.Entry e, Location fallback) {
    Location at = e.keyLocation() == null ? fallback : e.keyLocation();
    if (standsForUnknownInstances(e)) {
      return new Value.Unknown(Value.Cause.INPUT, "the key of an instance of " + symbolic(e.value()).orElseThrow()
          + ", whose count or for_each is not known", Optional.empty(), Optional.empty(), at, Provenance.LITERAL);
    }
    return new Value.Str(e.key(), at, Provenance.LITERAL);
  }
}
