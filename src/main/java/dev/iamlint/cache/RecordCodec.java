package dev.iamlint.cache;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The binary form of immutable values built of records: the payload follows the shape of a Java
 * type, so it never names a class. A record is its components in order; a sealed interface is the
 * index of the permitted record, an enum its ordinal; lists, optionals, strings (a shared table),
 * integers, booleans and decimals are written as such. A class of public final lists (a builder)
 * is its lists, by field name. Equal values of the types in {@code shared} are written once and
 * referred to after that (locations and provenances repeat throughout a model).
 *
 * <p>Decoding only ever builds the types the shape names, through their canonical constructors,
 * within {@link Codec}'s bounds on depth, records and strings: a corrupt payload decodes to
 * nothing. A type with a part of any other kind is refused when the codec is made.
 */
public final class RecordCodec<T> {
  private static final Map<Type, RecordCodec<?>> MADE = new ConcurrentHashMap<>();

  private final Type type;
  private final Shape shape;
  private final String description;
  /** The SHA-256 of {@link #description}, made once: keys are built for every module and template of a scan. */
  private final byte[] descriptionDigest;

  private RecordCodec(Type type, List<Class<?>> shared) {
    this.type = type;
    Map<Type, Shape> shapes = new HashMap<>();
    this.shape = shape(type, shapes, shared);
    StringBuilder text = new StringBuilder();
    shape.describe(text, new HashSet<>());
    this.description = text.toString();
    MessageDigest digest = Keys.sha256();
    Keys.update(digest, description);
    this.descriptionDigest = digest.digest();
  }

  /**
   * The codec of {@code type} (made once per type); values of the classes in {@code shared} are
   * written once per payload. {@link IllegalArgumentException} when a part cannot be encoded.
   */
  @SuppressWarnings("unchecked")
  public static <T> RecordCodec<T> of(Class<T> type, Class<?>... shared) {
    return (RecordCodec<T>) MADE.computeIfAbsent(type, t -> new RecordCodec<>(t, List.of(shared)));
  }

  /**
   * The shape as text (type and component names, in order): part of a cache key, so that
   * payloads of another shape are never read as this one.
   */
  public String description() {
    return description;
  }

  /** Feeds the shape ({@link #description}, by its digest) to a key under construction. */
  public void describeTo(MessageDigest digest) {
    digest.update(descriptionDigest);
  }

  /** The payload of {@code value}; empty when it is too large or too deep to keep. */
  public Optional<byte[]> encode(T value) {
    Codec.Out out = new Codec.Out();
    Writer writer = new Writer(out);
    try {
      shape.write(writer, value);
      return Optional.of(out.finish());
    } catch (Codec.Corrupt | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** The value {@code payload} holds; empty when it is not a well-formed payload of this shape. */
  @SuppressWarnings("unchecked")
  public Optional<T> decode(byte[] payload) {
    try {
      Codec.In in = new Codec.In(payload);
      Object value = shape.read(new Reader(in));
      in.end();
      return Optional.of((T) value);
    } catch (Codec.Corrupt | ArithmeticException | IllegalArgumentException | NullPointerException | ClassCastException
        | StackOverflowError e) {
      return Optional.empty();
    }
  }

  // ---- shapes ----

  private static final class Writer {
    final Codec.Out out;
    final Map<Object, Integer> shared = new HashMap<>();

    Writer(Codec.Out out) {
      this.out = out;
    }
  }

  private static final class Reader {
    final Codec.In in;
    final List<Object> shared = new ArrayList<>();

    Reader(Codec.In in) {
      this.in = in;
    }
  }

  /** A composite shape as text: its type, then (the first time only: shapes may recur) each part by name. */
  private static void describeParts(Shape shape, Class<?> type, char open, String[] names, Shape[] parts, char close,
      StringBuilder text, Set<Shape> described) {
    text.append(type.getName());
    if (!described.add(shape)) return;
    text.append(open);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) text.append(',');
      text.append(names[i]).append(':');
      parts[i].describe(text, described);
    }
    text.append(close);
  }

  private abstract static class Shape {
    abstract void write(Writer w, Object value) throws Codec.Corrupt;

    abstract Object read(Reader r) throws Codec.Corrupt;

    abstract void describe(StringBuilder text, Set<Shape> described);
  }

  private static Shape shape(Type type, Map<Type, Shape> shapes, List<Class<?>> shared) {
    Shape known = shapes.get(type);
    if (known != null) return known;
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type argument = p.getActualTypeArguments()[0];
      if (raw == List.class) {
        ListShape s = new ListShape();
        shapes.put(type, s);
        s.element = shape(argument, shapes, shared);
        return s;
      }
      if (raw == Optional.class) {
        OptionalShape s = new OptionalShape();
        shapes.put(type, s);
        s.element = shape(argument, shapes, shared);
        return s;
      }
      throw new IllegalArgumentException("cannot encode " + type.getTypeName());
    }
    if (!(type instanceof Class<?> c)) throw new IllegalArgumentException("cannot encode " + type.getTypeName());
    if (c == String.class) return Scalar.STRING;
    if (c == int.class || c == Integer.class) return Scalar.INT;
    if (c == boolean.class || c == Boolean.class) return Scalar.BOOLEAN;
    if (c == BigDecimal.class) return Scalar.DECIMAL;
    if (c.isEnum()) return new EnumShape(c);
    if (c.isRecord()) {
      RecordShape s = new RecordShape(c);
      Shape result = shared.contains(c) ? new SharedShape(s) : s;
      shapes.put(type, result);
      RecordComponent[] components = c.getRecordComponents();
      s.components = new Shape[components.length];
      s.accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        s.components[i] = shape(components[i].getGenericType(), shapes, shared);
        s.accessors[i] = components[i].getAccessor();
        s.accessors[i].setAccessible(true);
        types[i] = components[i].getType();
      }
      try {
        s.constructor = c.getDeclaredConstructor(types);
        s.constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("no canonical constructor in " + c.getName(), e);
      }
      return result;
    }
    if (c.isSealed()) {
      SealedShape s = new SealedShape(c);
      shapes.put(type, s);
      Class<?>[] permitted = c.getPermittedSubclasses();
      s.alternatives = permitted;
      s.shapes = new Shape[permitted.length];
      for (int i = 0; i < permitted.length; i++) s.shapes[i] = shape(permitted[i], shapes, shared);
      return s;
    }
    if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
      FieldsShape s = new FieldsShape(c);
      shapes.put(type, s);
      List<Field> fields = new ArrayList<>();
      for (Field f : c.getFields()) {
        if (Modifier.isStatic(f.getModifiers())) continue;
        if (!Modifier.isFinal(f.getModifiers()) || f.getType() != List.class) {
          throw new IllegalArgumentException("cannot encode field " + f.getName() + " of " + c.getName());
        }
        fields.add(f);
      }
      fields.sort(Comparator.comparing(Field::getName));
      s.fields = fields.toArray(Field[]::new);
      s.lists = new Shape[s.fields.length];
      for (int i = 0; i < s.fields.length; i++) s.lists[i] = shape(s.fields[i].getGenericType(), shapes, shared);
      try {
        s.constructor = c.getDeclaredConstructor();
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("no constructor without arguments in " + c.getName(), e);
      }
      return s;
    }
    throw new IllegalArgumentException("cannot encode " + c.getName());
  }

  private enum Kind { STRING, INT, BOOLEAN, DECIMAL }

  private static final class Scalar extends Shape {
    static final Scalar STRING = new Scalar(Kind.STRING);
    static final Scalar INT = new Scalar(Kind.INT);
    static final Scalar BOOLEAN = new Scalar(Kind.BOOLEAN);
    static final Scalar DECIMAL = new Scalar(Kind.DECIMAL);
    /** Longer decimals are not kept: no configuration writes one, and BigDecimal parsing is not linear. */
    private static final int MAX_DECIMAL_LENGTH = 400;

    private final Kind kind;

    private Scalar(Kind kind) {
      this.kind = kind;
    }

    @Override
    void write(Writer w, Object value) throws Codec.Corrupt {
      switch (kind) {
        case STRING -> w.out.string((String) value);
        case INT -> w.out.signed((Integer) value);
        case BOOLEAN -> w.out.bool((Boolean) value);
        case DECIMAL -> {
          String text = ((BigDecimal) value).toString();
          if (text.length() > MAX_DECIMAL_LENGTH) throw new Codec.Corrupt("number too long");
          w.out.string(text);
        }
      }
    }

    @Override
    Object read(Reader r) throws Codec.Corrupt {
      return switch (kind) {
        case STRING -> r.in.string();
        case INT -> r.in.signed();
        case BOOLEAN -> r.in.bool();
        case DECIMAL -> {
          String text = r.in.string();
          if (text.length() > MAX_DECIMAL_LENGTH) throw new Codec.Corrupt("number too long");
          try {
            yield new BigDecimal(text);
          } catch (NumberFormatException e) {
            throw new Codec.Corrupt("not a number");
          }
        }
      };
    }

    @Override
    void describe(StringBuilder text, Set<Shape> described) {
      text.append(kind.name().toLowerCase(Locale.ROOT));
    }
  }

  private static final class EnumShape extends Shape {
    private final Class<?> type;
    private final Object[] constants;

    EnumShape(Class<?> type) {
      this.type = type;
      this.constants = type.getEnumConstants();
    }

    @Override
    void write(Writer w, Object value) {
      w.out.tag(((Enum<?>) value).ordinal());
    }

    @Override
    Object read(Reader r) throws Codec.Corrupt {
      int i = r.in.tag();
      if (i >= constants.length) throw new Codec.Corrupt("unknown constant of " + type.getSimpleName());
      return constants[i];
    }

    @Override
    void describe(StringBuilder text, Set<Shape> described) {
      text.append(type.getName());
      if (!described.add(this)) return;
      text.append(Arrays.toString(constants));
    }
  }

  private static final class ListShape extends Shape {
    Shape element;

    @Override
    void write(Writer w, Object value) throws Codec.Corrupt {
      List<?> list = (List<?>) value;
      w.out.count(list.size());
      for (Object item : list) element.write(w, item);
    }

    @Override
    Object read(Reader r) throws Codec.Corrupt {
      int n = r.in.count();
      Object[] items = new Object[n];
      for (int i = 0; i < n; i++) items[i] = element.read(r);
      return List.of(items);
    }

    @Override
    void describe(StringBuilder text, Set<Shape> described) {
      text.append("list<");
      element.describe(text, described);
      text.append('>');
    }
  }

  private static final class OptionalShape extends Shape {
    Shape element;

    @Override
    void write(Writer w, Object value) throws Codec.Corrupt {
      Optional<?> o = (Optional<?>) value;
      w.out.bool(o.isPresent());
      if (o.isPresent()) element.write(w, o.get());
    }

    @Override
    Object read(Reader r) throws Codec.Corrupt {
      return r.in.bool() ? Optional.of(element.read(r)) : Optional.empty();
    }

    @Override
    void describe(StringBuilder text, Set<Shape> described) {
      text.append("optional<");
      element.describe(text, described);
      text.append('>');
    }
  }

  private static final class RecordShape extends Shape {
    private final Class<?> type;
    Shape[] components;
    Method[] accessors;
    Constructor<?> constructor;

    RecordShape(Class<?> type) {
      this.type = type;
    }

    @Override
    void write(Writer w, Object value) throws Codec.Corrupt {
      w.out.enter();
      for (int i = 0; i < components.length; i++) {
        Object part;
        try {
          part = accessors[i].invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new Codec.Corrupt("cannot read " + type.getSimpleName());
        }
        if (part == null) throw new Codec.Corrupt("null in " + type.getSimpleName());
        components[i].write(w, part);
      }
      w.out.leave();
    }

    @Override
    Object read(Reader r) throws Codec.Corrupt {
      r.in.enter();
      Object[] parts = new Object[components.length];
      for (int i = 0; i < components.length; i++) parts[i] = components[i].read(r);
      r.in.leave();
      try {
        return constructor.newInstance(parts);
      } catch (ReflectiveOperationException e) {
        // A constructor that refuses the parts (a record's own check): not a value it can hold.
        throw new Codec.Corrupt("not a valid " + type.getSimpleName());
      }
    }

    @Override
    void describe(StringBuilder text, Set<Shape> described) {
      String[] names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
      describeParts(this, type, '(', names, components, ')', text, described);
    }
  }

  /** A record whose equal values are written once: 0 then the value, or the 1-based index of its first writing. */
  private static final class SharedShape extends Shape {
    private final RecordShape record;

    SharedShape(RecordShape record) {
      this.record = record;
    }

    @Override
    void write(Writer w, Object value) throws Codec.Corrupt {
      Integer index = w.shared.get(value);
      if (index != null) {
        w.out.tag(index);
        return;
      }
      w.out.tag(0);
      record.write(w, value);
      w.shared.put(value, w.shared.size() + 1);
    }

    @Override
    Object read(Reader r) throws Codec.Corrupt {
      int index = r.in.tag();
      if (index == 0) {
        Object value = record.read(r);
        r.shared.add(value);
        return value;
      }
      if (index > r.shared.size()) throw new Codec.Corrupt("reference to a value not yet read");
      Object value = r.shared.get(index - 1);
      if (!record.type.isInstance(value)) throw new Codec.Corrupt("reference to a value of another type");
      return value;
    }

    @Override
    void describe(StringBuilder text, Set<Shape> described) {
      text.append("shared ");
      record.describe(text, described);
    }
  }

  private static final class SealedShape extends Shape {
    private final Class<?> type;
    Class<?>[] alternatives;
    Shape[] shapes;

    SealedShape(Class<?> type) {
      this.type = type;
    }

    @Override
    void write(Writer w, Object value) throws Codec.Corrupt {
      for (int i = 0; i < alternatives.length; i++) {
        if (alternatives[i] == value.getClass()) {
          w.out.tag(i);
          shapes[i].write(w, value);
          return;
        }
      }
      throw new Codec.Corrupt("not a permitted " + type.getSimpleName() + ": " + value.getClass().getName());
    }

    @Override
    Object read(Reader r) throws Codec.Corrupt {
      int i = r.in.tag();
      if (i >= shapes.length) throw new Codec.Corrupt("unknown kind of " + type.getSimpleName());
      return shapes[i].read(r);
    }

    @Override
    void describe(StringBuilder text, Set<Shape> described) {
      text.append(type.getName());
      if (!described.add(this)) return;
      text.append('{');
      for (int i = 0; i < shapes.length; i++) {
        if (i > 0) text.append('|');
        shapes[i].describe(text, described);
      }
      text.append('}');
    }
  }

  /** A class of public final lists (a builder): each list by field name, filled into a new instance. */
  private static final class FieldsShape extends Shape {
    private final Class<?> type;
    Field[] fields;
    Shape[] lists;
    Constructor<?> constructor;

    FieldsShape(Class<?> type) {
      this.type = type;
    }

    @Override
    void write(Writer w, Object value) throws Codec.Corrupt {
      w.out.enter();
      for (int i = 0; i < fields.length; i++) {
        try {
          lists[i].write(w, fields[i].get(value));
        } catch (IllegalAccessException e) {
          throw new Codec.Corrupt("cannot read " + type.getSimpleName());
        }
      }
      w.out.leave();
    }

    @Override
    @SuppressWarnings("unchecked")
    Object read(Reader r) throws Codec.Corrupt {
      r.in.enter();
      try {
        Object value = constructor.newInstance();
        for (int i = 0; i < fields.length; i++) {
          ((List<Object>) fields[i].get(value)).addAll((List<Object>) lists[i].read(r));
        }
        r.in.leave();
        return value;
      } catch (ReflectiveOperationException e) {
        throw new Codec.Corrupt("cannot make " + type.getSimpleName());
      }
    }

    @Override
    void describe(StringBuilder text, Set<Shape> described) {
      String[] names = Arrays.stream(fields).map(Field::getName).toArray(String[]::new);
      describeParts(this, type, '[', names, lists, ']', text, described);
    }
  }
}
