package dev.iamlint.cache;

import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.Expression;
import dev.iamlint.hcl.HclFile;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.SourceRange;
import dev.iamlint.hcl.TemplatePart;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compact binary form of parse results: a string table, then the tree in prefix order,
 * every integer a varint. Neither the file's name nor its text is stored (they depend on the
 * working directory, and the caller has the text in hand): {@code decode} takes them back.
 *
 * <p>Decoding is written for hostile input: every record is rebuilt through its canonical
 * constructor from tags this class knows, and nesting depth, element counts and string sizes
 * are bounded, so a corrupt or forged payload can only fail with {@link Corrupt}. Encoding
 * applies the same bounds, so what it writes can always be read back.
 */
final class Codec {
  /** Deeper than any parser here accepts (YAML 128, JSON 256 levels); HCL is bounded by this. */
  static final int MAX_DEPTH = 1000;
  /** Records of one file; YAML allows two million nodes after alias expansion, each with its key. */
  static final int MAX_RECORDS = 8_000_000;
  static final int MAX_STRINGS = 4_000_000;
  /** In UTF-8 bytes or UTF-16 units; the loaders refuse files above 16 MiB. */
  static final int MAX_STRING_LENGTH = 32 * 1024 * 1024;

  private Codec() {}

  /** A payload that cannot be decoded (or a result too large to encode): the entry is not used. */
  static final class Corrupt extends Exception {
    private static final long serialVersionUID = 1L;

    Corrupt(String message) {
      super(message, null, false, false);
    }
  }

  // Tags. They are part of the format: change one, bump DiskCache.FORMAT_VERSION.
  private static final int PARSED = 1;
  private static final int FAILED = 2;

  private static final int E_LITERAL = 1;
  private static final int E_TEMPLATE = 2;
  private static final int E_VARIABLE = 3;
  private static final int E_GET_ATTR = 4;
  private static final int E_INDEX = 5;
  private static final int E_SPLAT = 6;
  private static final int E_SPLAT_ITEM = 7;
  private static final int E_CALL = 8;
  private static final int E_TUPLE = 9;
  private static final int E_OBJECT = 10;
  private static final int E_OBJECT_KEY = 11;
  private static final int E_FOR = 12;
  private static final int E_CONDITIONAL = 13;
  private static final int E_BINARY = 14;
  private static final int E_UNARY = 15;
  private static final int E_PARENS = 16;

  private static final int T_TEXT = 1;
  private static final int T_INTERPOLATION = 2;
  private static final int T_IF = 3;
  private static final int T_FOR = 4;

  private static final int N_MAP = 1;
  private static final int N_LIST = 2;
  private static final int N_SCALAR = 3;

  // ---- HCL ----

  static byte[] encode(HclParseResult result) throws Corrupt {
    Out out = new Out();
    if (result instanceof HclParseResult.Parsed p) {
      out.tag(PARSED);
      body(out, p.file().body());
    } else {
      HclParseResult.Failed f = (HclParseResult.Failed) result;
      out.tag(FAILED);
      out.string(f.message());
      location(out, f.location());
    }
    return out.finish();
  }

  /** {@code name} and {@code text} are those the parser was given (the text without a byte-order mark). */
  static HclParseResult decodeHcl(byte[] payload, String name, String text) throws Corrupt {
    try {
      In in = new In(payload);
      HclParseResult result = switch (in.tag()) {
        case PARSED -> new HclParseResult.Parsed(new HclFile(name, text, body(in)));
        case FAILED -> new HclParseResult.Failed(in.string(), location(in, name));
        default -> throw new Corrupt("unknown result tag");
      };
      in.end();
      return result;
    } catch (ArithmeticException e) {
      throw new Corrupt("position out of range");
    }
  }

  private static void body(Out out, Body body) throws Corrupt {
    out.enter();
    out.count(body.attributes().size());
    for (Body.Attribute a : body.attributes()) {
      out.string(a.name());
      expression(out, a.expression());
      range(out, a.nameRange());
      range(out, a.range());
    }
    out.count(body.blocks().size());
    for (Body.Block b : body.blocks()) {
      out.string(b.type());
      out.count(b.labels().size());
      for (Body.Label l : b.labels()) {
        out.string(l.value());
        range(out, l.range());
      }
      body(out, b.body());
      range(out, b.typeRange());
      range(out, b.range());
    }
    range(out, body.range());
    out.leave();
  }

  private static Body body(In in) throws Corrupt {
    in.enter();
    int attributeCount = in.count();
    List<Body.Attribute> attributes = new ArrayList<>(attributeCount);
    for (int i = 0; i < attributeCount; i++) {
      attributes.add(new Body.Attribute(in.string(), expression(in), range(in), range(in)));
    }
    int blockCount = in.count();
    List<Body.Block> blocks = new ArrayList<>(blockCount);
    for (int i = 0; i < blockCount; i++) {
      String type = in.string();
      int labelCount = in.count();
      List<Body.Label> labels = new ArrayList<>(labelCount);
      for (int j = 0; j < labelCount; j++) labels.add(new Body.Label(in.string(), range(in)));
      blocks.add(new Body.Block(type, labels, body(in), range(in), range(in)));
    }
    Body body = new Body(attributes, blocks, range(in));
    in.leave();
    return body;
  }

  private static void expression(Out out, Expression e) throws Corrupt {
    out.enter();
    if (e instanceof Expression.Literal l) {
      out.tag(E_LITERAL);
      out.tag(l.kind().ordinal());
      out.string(l.text());
    } else if (e instanceof Expression.Template t) {
      out.tag(E_TEMPLATE);
      parts(out, t.parts());
      out.bool(t.heredoc());
    } else if (e instanceof Expression.Variable v) {
      out.tag(E_VARIABLE);
      out.string(v.name());
    } else if (e instanceof Expression.GetAttr g) {
      out.tag(E_GET_ATTR);
      expression(out, g.source());
      out.string(g.name());
      range(out, g.nameRange());
    } else if (e instanceof Expression.Index i) {
      out.tag(E_INDEX);
      expression(out, i.source());
      expression(out, i.key());
      out.bool(i.legacy());
    } else if (e instanceof Expression.Splat s) {
      out.tag(E_SPLAT);
      expression(out, s.source());
      expression(out, s.each());
      out.bool(s.full());
    } else if (e instanceof Expression.SplatItem) {
      out.tag(E_SPLAT_ITEM);
    } else if (e instanceof Expression.FunctionCall f) {
      out.tag(E_CALL);
      out.string(f.name());
      expressions(out, f.arguments());
      out.bool(f.expandFinal());
      range(out, f.nameRange());
    } else if (e instanceof Expression.Tuple t) {
      out.tag(E_TUPLE);
      expressions(out, t.items());
    } else if (e instanceof Expression.ObjectCons o) {
      out.tag(E_OBJECT);
      out.count(o.items().size());
      for (Expression.ObjectCons.Item item : o.items()) {
        expression(out, item.key());
        expression(out, item.value());
      }
    } else if (e instanceof Expression.ObjectKey k) {
      out.tag(E_OBJECT_KEY);
      expression(out, k.wrapped());
    } else if (e instanceof Expression.For f) {
      out.tag(E_FOR);
      optionalString(out, f.keyVar());
      out.string(f.valueVar());
      expression(out, f.collection());
      optionalExpression(out, f.key());
      expression(out, f.value());
      optionalExpression(out, f.condition());
      out.bool(f.grouping());
    } else if (e instanceof Expression.Conditional c) {
      out.tag(E_CONDITIONAL);
      expression(out, c.condition());
      expression(out, c.whenTrue());
      expression(out, c.whenFalse());
    } else if (e instanceof Expression.Binary b) {
      out.tag(E_BINARY);
      out.tag(b.operator().ordinal());
      expression(out, b.left());
      expression(out, b.right());
    } else if (e instanceof Expression.Unary u) {
      out.tag(E_UNARY);
      out.tag(u.operator().ordinal());
      expression(out, u.operand());
    } else {
      out.tag(E_PARENS);
      expression(out, ((Expression.Parens) e).inner());
    }
    range(out, e.range());
    out.leave();
  }

  private static Expression expression(In in) throws Corrupt {
    in.enter();
    Expression e = switch (in.tag()) {
      case E_LITERAL -> new Expression.Literal(in.choice(Expression.Literal.Kind.values()), in.string(), range(in));
      case E_TEMPLATE -> new Expression.Template(parts(in), in.bool(), range(in));
      case E_VARIABLE -> new Expression.Variable(in.string(), range(in));
      case E_GET_ATTR -> new Expression.GetAttr(expression(in), in.string(), range(in), range(in));
      case E_INDEX -> new Expression.Index(expression(in), expression(in), in.bool(), range(in));
      case E_SPLAT -> new Expression.Splat(expression(in), expression(in), in.bool(), range(in));
      case E_SPLAT_ITEM -> new Expression.SplatItem(range(in));
      case E_CALL -> new Expression.FunctionCall(in.string(), expressions(in), in.bool(), range(in), range(in));
      case E_TUPLE -> new Expression.Tuple(expressions(in), range(in));
      case E_OBJECT -> {
        int n = in.count();
        List<Expression.ObjectCons.Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(new Expression.ObjectCons.Item(expression(in), expression(in)));
        yield new Expression.ObjectCons(items, range(in));
      }
      case E_OBJECT_KEY -> new Expression.ObjectKey(expression(in), range(in));
      case E_FOR -> new Expression.For(optionalString(in), in.string(), expression(in), optionalExpression(in),
          expression(in), optionalExpression(in), in.bool(), range(in));
      case E_CONDITIONAL -> new Expression.Conditional(expression(in), expression(in), expression(in), range(in));
      case E_BINARY -> new Expression.Binary(in.choice(Expression.Operator.values()), expression(in), expression(in), range(in));
      case E_UNARY -> new Expression.Unary(in.choice(Expression.Operator.values()), expression(in), range(in));
      case E_PARENS -> new Expression.Parens(expression(in), range(in));
      default -> throw new Corrupt("unknown expression tag");
    };
    in.leave();
    return e;
  }

  private static void expressions(Out out, List<Expression> list) throws Corrupt {
    out.count(list.size());
    for (Expression e : list) expression(out, e);
  }

  private static List<Expression> expressions(In in) throws Corrupt {
    int n = in.count();
    List<Expression> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) list.add(expression(in));
    return list;
  }

  private static void optionalExpression(Out out, Optional<Expression> e) throws Corrupt {
    out.bool(e.isPresent());
    if (e.isPresent()) expression(out, e.get());
  }

  private static Optional<Expression> optionalExpression(In in) throws Corrupt {
    return in.bool() ? Optional.of(expression(in)) : Optional.empty();
  }

  private static void optionalString(Out out, Optional<String> s) throws Corrupt {
    out.bool(s.isPresent());
    if (s.isPresent()) out.string(s.get());
  }

  private static Optional<String> optionalString(In in) throws Corrupt {
    return in.bool() ? Optional.of(in.string()) : Optional.empty();
  }

  private static void parts(Out out, List<TemplatePart> parts) throws Corrupt {
    out.count(parts.size());
    for (TemplatePart p : parts) part(out, p);
  }

  private static List<TemplatePart> parts(In in) throws Corrupt {
    int n = in.count();
    List<TemplatePart> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) parts.add(part(in));
    return parts;
  }

  private static void part(Out out, TemplatePart p) throws Corrupt {
    out.enter();
    if (p instanceof TemplatePart.Text t) {
      out.tag(T_TEXT);
      out.string(t.text());
    } else if (p instanceof TemplatePart.Interpolation i) {
      out.tag(T_INTERPOLATION);
      expression(out, i.expression());
    } else if (p instanceof TemplatePart.If f) {
      out.tag(T_IF);
      expression(out, f.condition());
      parts(out, f.whenTrue());
      parts(out, f.whenFalse());
    } else {
      TemplatePart.For f = (TemplatePart.For) p;
      out.tag(T_FOR);
      optionalString(out, f.keyVar());
      out.string(f.valueVar());
      expression(out, f.collection());
      parts(out, f.body());
    }
    range(out, p.range());
    out.leave();
  }

  private static TemplatePart part(In in) throws Corrupt {
    in.enter();
    TemplatePart p = switch (in.tag()) {
      case T_TEXT -> new TemplatePart.Text(in.string(), range(in));
      case T_INTERPOLATION -> new TemplatePart.Interpolation(expression(in), range(in));
      case T_IF -> new TemplatePart.If(expression(in), parts(in), parts(in), range(in));
      case T_FOR -> new TemplatePart.For(optionalString(in), in.string(), expression(in), parts(in), range(in));
      default -> throw new Corrupt("unknown template part tag");
    };
    in.leave();
    return p;
  }

  /**
   * Offsets and positions, each start as the difference from the start written before it and
   * each end from its start: small numbers, one byte mostly.
   */
  private static void range(Out out, SourceRange r) {
    out.signed(r.start() - out.lastOffset);
    out.signed(r.end() - r.start());
    out.signed(r.startLine() - out.lastLine);
    out.signed(r.startColumn());
    out.signed(r.endLine() - r.startLine());
    out.signed(r.endColumn());
    out.lastOffset = r.start();
    out.lastLine = r.startLine();
  }

  private static SourceRange range(In in) throws Corrupt {
    in.record();
    int start = Math.addExact(in.lastOffset, in.signed());
    int end = Math.addExact(start, in.signed());
    int startLine = Math.addExact(in.lastLine, in.signed());
    int startColumn = in.signed();
    int endLine = Math.addExact(startLine, in.signed());
    in.lastOffset = start;
    in.lastLine = startLine;
    return new SourceRange(start, end, startLine, startColumn, endLine, in.signed());
  }

  // ---- YAML and JSON trees ----

  static byte[] encode(ParseResult result) throws Corrupt {
    Out out = new Out();
    if (result instanceof ParseResult.Parsed p) {
      out.tag(PARSED);
      node(out, p.root());
    } else {
      ParseResult.Failed f = (ParseResult.Failed) result;
      out.tag(FAILED);
      out.string(f.message());
      location(out, f.location());
      out.tag(f.problem().ordinal());
    }
    return out.finish();
  }

  static ParseResult decodeTree(byte[] payload, String file) throws Corrupt {
    try {
      In in = new In(payload);
      ParseResult result = switch (in.tag()) {
        case PARSED -> new ParseResult.Parsed(node(in, file));
        case FAILED -> new ParseResult.Failed(in.string(), location(in, file), in.choice(ParseResult.Problem.values()));
        default -> throw new Corrupt("unknown result tag");
      };
      in.end();
      return result;
    } catch (ArithmeticException e) {
      throw new Corrupt("position out of range");
    }
  }

  private static void node(Out out, Node node) throws Corrupt {
    out.enter();
    if (node instanceof MapNode m) {
      out.tag(N_MAP);
      out.count(m.entries().size());
      for (MapNode.Entry e : m.entries()) {
        scalar(out, e.key());
        node(out, e.value());
      }
    } else if (node instanceof ListNode l) {
      out.tag(N_LIST);
      out.count(l.items().size());
      for (Node item : l.items()) node(out, item);
    } else {
      out.tag(N_SCALAR);
      scalar(out, (ScalarNode) node);
    }
    if (!(node instanceof ScalarNode)) location(out, node.location());
    out.leave();
  }

  private static Node node(In in, String file) throws Corrupt {
    in.enter();
    Node node = switch (in.tag()) {
      case N_MAP -> {
        int n = in.count();
        List<MapNode.Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) entries.add(new MapNode.Entry(scalar(in, file), node(in, file)));
        yield new MapNode(entries, location(in, file));
      }
      case N_LIST -> {
        int n = in.count();
        List<Node> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(node(in, file));
        yield new ListNode(items, location(in, file));
      }
      case N_SCALAR -> scalar(in, file);
      default -> throw new Corrupt("unknown node tag");
    };
    in.leave();
    return node;
  }

  private static void scalar(Out out, ScalarNode s) throws Corrupt {
    out.string(s.text());
    out.tag(s.kind().ordinal());
    location(out, s.location());
  }

  private static ScalarNode scalar(In in, String file) throws Corrupt {
    in.record();
    return new ScalarNode(in.string(), in.choice(ScalarNode.Kind.values()), location(in, file));
  }

  private static void location(Out out, Location l) {
    out.signed(l.startLine() - out.lastLine);
    out.signed(l.startColumn());
    out.signed(l.endLine() - l.startLine());
    out.signed(l.endColumn());
    out.lastLine = l.startLine();
  }

  private static Location location(In in, String file) throws Corrupt {
    in.record();
    int startLine = Math.addExact(in.lastLine, in.signed());
    int startColumn = in.signed();
    int endLine = Math.addExact(startLine, in.signed());
    in.lastLine = startLine;
    return new Location(file, startLine, startColumn, endLine, in.signed());
  }

  /** Whether {@code s} has no lone surrogate, so that UTF-8 gives it back exactly. */
  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  // ---- the primitives ----

  /** Writes the tree to a buffer while collecting its strings; {@link #finish} puts the table first. */
  static final class Out {
    private final ByteArrayOutputStream tree = new ByteArrayOutputStream(4096);
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private int depth;
    /** The start of the range or location written last: the next one is written relative to it. */
    private int lastOffset;
    private int lastLine;

    void enter() throws Corrupt {
      if (++depth > MAX_DEPTH) throw new Corrupt("nested deeper than " + MAX_DEPTH);
    }

    void leave() {
      depth--;
    }

    void tag(int tag) {
      varint(tree, tag);
    }

    void bool(boolean b) {
      tree.write(b ? 1 : 0);
    }

    void count(int n) {
      varint(tree, n);
    }

    void signed(int v) {
      varint(tree, (v << 1) ^ (v >> 31));
    }

    void string(String s) throws Corrupt {
      Integer index = indexes.get(s);
      if (index == null) {
        if (strings.size() >= MAX_STRINGS) throw new Corrupt("too many strings");
        if (s.length() > MAX_STRING_LENGTH / 3) throw new Corrupt("string too long");
        index = strings.size();
        indexes.put(s, index);
        strings.add(s);
      }
      varint(tree, index);
    }

    byte[] finish() {
      ByteArrayOutputStream all = new ByteArrayOutputStream(tree.size() + 16 * strings.size() + 16);
      varint(all, strings.size());
      for (String s : strings) {
        // UTF-8 when it is exact; a string with a lone surrogate (an HCL "\ud800" escape) as UTF-16.
        if (wellFormed(s)) {
          byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
          varint(all, bytes.length << 1);
          all.writeBytes(bytes);
        } else {
          varint(all, (s.length() << 1) | 1);
          try {
            new DataOutputStream(all).writeChars(s);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      all.writeBytes(tree.toByteArray());
      return all.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, int v) {
      while ((v & ~0x7F) != 0) {
        out.write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write(v);
    }
  }

  /** Reads a payload, refusing anything out of bounds. */
  static final class In {
    private final byte[] bytes;
    private int position;
    private final String[] strings;
    private int depth;
    private int records;
    private int lastOffset;
    private int lastLine;

    In(byte[] bytes) throws Corrupt {
      this.bytes = bytes;
      int n = count();
      if (n > MAX_STRINGS) throw new Corrupt("too many strings");
      strings = new String[n];
      for (int i = 0; i < n; i++) {
        int header = unsigned();
        int length = header >>> 1;
        if (length > MAX_STRING_LENGTH) throw new Corrupt("string too long");
        if ((header & 1) == 0) {
          need(length);
          strings[i] = new String(bytes, position, length, StandardCharsets.UTF_8);
          position += length;
        } else {
          need(2L * length);
          char[] chars = new char[length];
          for (int c = 0; c < length; c++) {
            chars[c] = (char) (((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF));
            position += 2;
          }
          strings[i] = new String(chars);
        }
      }
    }

    void enter() throws Corrupt {
      if (++depth > MAX_DEPTH) throw new Corrupt("nested deeper than " + MAX_DEPTH);
      record();
    }

    void leave() {
      depth--;
    }

    void record() throws Corrupt {
      if (++records > MAX_RECORDS) throw new Corrupt("too many records");
    }

    int tag() throws Corrupt {
      return unsigned();
    }

    <E extends Enum<E>> E choice(E[] values) throws Corrupt {
      int i = unsigned();
      if (i >= values.length) throw new Corrupt("unknown constant");
      return values[i];
    }

    boolean bool() throws Corrupt {
      need(1);
      int b = bytes[position++];
      if (b != 0 && b != 1) throw new Corrupt("not a boolean");
      return b == 1;
    }

    /** A count of elements that follow: each takes at least one byte, so it cannot exceed what is left. */
    int count() throws Corrupt {
      int n = unsigned();
      if (n > bytes.length - position) throw new Corrupt("count beyond the end");
      return n;
    }

    int signed() throws Corrupt {
      int v = varint();
      return (v >>> 1) ^ -(v & 1);
    }

    String string() throws Corrupt {
      int i = unsigned();
      if (i >= strings.length) throw new Corrupt("string index out of range");
      return strings[i];
    }

    void end() throws Corrupt {
      if (position != bytes.length) throw new Corrupt("bytes after the end");
    }

    /** A count, tag or index: never negative. */
    private int unsigned() throws Corrupt {
      int v = varint();
      if (v < 0) throw new Corrupt("negative where a count is due");
      return v;
    }

    /** 32 bits in at most five bytes (a zigzag value may use the top bit). */
    private int varint() throws Corrupt {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        need(1);
        int b = bytes[position++] & 0xFF;
        v |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) return v;
      }
      throw new Corrupt("varint too long");
    }

    private void need(long n) throws Corrupt {
      if (n > bytes.length - position) throw new Corrupt("truncated");
    }
  }
}
