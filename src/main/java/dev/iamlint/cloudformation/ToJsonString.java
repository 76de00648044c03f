package dev.iamlint.cloudformation;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.iamlint.source.Location;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * {@code Fn::ToJsonString} of the language extensions: a map or list as its compact JSON text.
 * The string keeps the structure it was written from ({@link Value.Str#encoded}), so a policy
 * document written this way is judged, and located, as the map it is. Unknown parts become
 * unknown strings in the partial text: what is known is still read.
 */
final class ToJsonString {
  private ToJsonString() {}

  static Value of(Value value, Location at) {
    if (value instanceof Value.Unknown u && u.partial().isEmpty()) {
      return new Value.Unknown(u.cause(), u.reason(), u.reference(), Optional.empty(), at, u.provenance());
    }
    StringBuilder text = new StringBuilder();
    Optional<Value.Unknown> unknown = write(value, text);
    if (unknown.isPresent()) {
      Value.Unknown u = unknown.get();
      return new Value.Unknown(u.cause(), "Fn::ToJsonString of a value with parts known only at deploy: " + u.reason(),
          u.reference(), Optional.of(text.toString()), at, Provenance.LITERAL);
    }
    return new Value.Str(text.toString(), at, Provenance.LITERAL, Optional.of(value));
  }

  /** Appends the JSON of {@code v}; gives the first unknown part, written as a string with a hole. */
  private static Optional<Value.Unknown> write(Value v, StringBuilder out) {
    Budget.characters(out.length());
    Optional<Value.Unknown> unknown = Optional.empty();
    if (v instanceof Value.Str s) {
      quote(s.value(), out);
    } else if (v instanceof Value.Num n) {
      out.append(n.value().toPlainString());
    } else if (v instanceof Value.Bool b) {
      out.append(b.value());
    } else if (v instanceof Value.Null) {
      out.append("null");
    } else if (v instanceof Value.ListV l) {
      out.append('[');
      for (int i = 0; i < l.items().size(); i++) {
        if (i > 0) out.append(',');
        Optional<Value.Unknown> inner = write(l.items().get(i), out);
        if (unknown.isEmpty()) unknown = inner;
      }
      out.append(']');
    } else if (v instanceof Value.MapV m) {
      out.append('{');
      for (int i = 0; i < m.entries().size(); i++) {
        if (i > 0) out.append(',');
        quote(m.entries().get(i).key(), out);
        out.append(':');
        Optional<Value.Unknown> inner = write(m.entries().get(i).value(), out);
        if (unknown.isEmpty()) unknown = inner;
      }
      out.append('}');
    } else if (v instanceof Value.Unknown u) {
      quote(u.partial().orElse(String.valueOf(Value.Unknown.HOLE)), out);
      unknown = Optional.of(u);
    } else {
      quote(String.valueOf(Value.Unknown.HOLE), out);
      unknown = Optional.of(new Value.Unknown(Value.Cause.INPUT, "a part depends on a condition that cannot be decided",
          Optional.empty(), Optional.empty(), v.location(), Provenance.LITERAL));
    }
    return unknown;
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    out.append('"');
  }
}
