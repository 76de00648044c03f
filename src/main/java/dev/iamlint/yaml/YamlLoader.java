package dev.iamlint.yaml;

import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads YAML into a located {@link Node} tree through SnakeYAML's composer only: no object is
 * ever constructed from a tag, so a {@code !!javax.script.ScriptEngineManager} tag is just an
 * unsupported tag. CloudFormation's short-form tags become their long forms ({@code !Ref x}
 * becomes {@code {Ref: x}}, {@code !GetAtt a.b} becomes {@code {Fn::GetAtt: [a, b]}}).
 *
 * <p>Limits: aliases to collections, nesting depth, code points and the number of nodes after
 * alias expansion are bounded, so an alias bomb or a pathological nesting is refused quickly.
 */
public final class YamlLoader {

  /**
   * SnakeYAML's default is 50, which a valid file passes: a Serverless service that merges its
   * defaults into each of sixty functions ({@code <<: *defaults}) holds sixty. Expansion itself
   * is bounded by {@link #MAX_NODES}, which stops an alias bomb whatever its number of aliases.
   */
  public static final int MAX_ALIASES_FOR_COLLECTIONS = 1_000;
  public static final int MAX_NESTING_DEPTH = 128;
  public static final int MAX_CODE_POINTS = 16 * 1024 * 1024;
  /** After alias expansion: a template never needs more, an alias bomb needs far more. */
  public static final int MAX_NODES = 2_000_000;

  private static final String YAML_TAG_PREFIX = Tag.PREFIX;
  private static final Set<String> STANDARD_TAGS = Set.of("str", "int", "float", "bool", "null",
      "map", "seq", "binary", "timestamp", "omap", "pairs", "set", "merge");

  /** Short forms whose long form is not simply {@code Fn::Name}. */
  private static final Map<String, String> SPECIAL_SHORT_FORMS = Map.of("!Ref", "Ref", "!Condition", "Condition");
  /**
   * The intrinsic functions, the language extensions, and the functions of the {@code Rules}
   * section ({@code !ValueOf}, {@code !EachMemberIn}, ...), which CloudFormation accepts there only.
   */
  private static final Set<String> FN_SHORT_FORMS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt",
      "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "If", "Equals", "Not",
      "And", "Or", "Length", "ToJsonString", "ForEach",
      "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll");
  /**
   * AWS's packaging tool rain ({@code rain pkg}) replaces its directives ({@code !Rain::Embed
   * file}, {@code !Rain::Module}, {@code !Rain::S3}, ...) before deploy. They are kept as
   * {@code {Rain::Name: argument}}: the evaluator makes them unknown values, the rest of the
   * template is judged as written.
   */
  private static final String RAIN_PREFIX = "!Rain::";
  /**
   * org-formation's templates take tags of their own ({@code !Include}, {@code !ReadFile},
   * {@code !CopyValue}, {@code !JsonString}, ...), which org-formation replaces before deploy: in
   * such a template any other tag is kept as {@code {OC::Name: argument}}, an unknown value, as
   * rain's directives are. Such a template says so by its version
   * ({@code AWSTemplateFormatVersion: '2010-09-09-OC'}) or, with the plain version, which
   * org-formation also takes, by a top-level key only org-formation knows
   * ({@code OrganizationBindings}, {@code Organization}, ...).
   */
  private static final Pattern ORG_FORMATION = Pattern.compile(
      "(?m)^(AWSTemplateFormatVersion:\\s*['\"]?2010-09-09-OC['\"]?\\s*(#.*)?$"
          + "|(Organization|OrganizationBindings|DefaultOrganizationBinding|DefaultOrganizationBindingRegion"
          + "|OrganizationBindingRegion)\\s*:)");
  public static final String ORG_FORMATION_DIRECTIVE = "OC::";
  /**
   * The tags only org-formation defines: a template with one of them is written for it, whatever
   * its version line (org-formation deploys plain-version templates its task files name).
   */
  private static final Set<String> ORG_FORMATION_TAGS =
      Set.of("CopyValue", "ReadFile", "Cmd", "MD5", "MD5Dir", "MD5File", "JsonString", "Include");

  private static final String ONLY_INTRINSICS =
      "CloudFormation accepts only its intrinsic function tags (!Ref, !Sub, !GetAtt, ...)";

  private YamlLoader() {}

  public static ParseResult parse(String file, String text) {
    ParseResult first = compose(file, text);
    // A tab after the last token of a line is white space to YAML 1.2 (js-yaml, the Serverless
    // Framework's parser, takes it) but no token to SnakeYAML's YAML 1.1 scanner: a file refused
    // at such a tab is read again without the white space that ends its lines.
    if (first instanceof ParseResult.Failed f && f.message().contains("\\t(TAB)") && trailingTabAt(text, f.location())) {
      ParseResult again = compose(file, withoutTrailingTabs(text));
      if (again instanceof ParseResult.Parsed) return again;
    }
    return first;
  }

  /**
   * The text without the spaces and tabs that end a line when a tab is among them; in one pass
   * (a pattern for it backtracks over every long run of spaces: a hostile file would hang it).
   */
  static String withoutTrailingTabs(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      int content = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      int cut = content;
      boolean tab = false;
      while (cut > start && (text.charAt(cut - 1) == ' ' || text.charAt(cut - 1) == '\t')) {
        tab |= text.charAt(cut - 1) == '\t';
        cut--;
      }
      out.append(text, start, tab ? cut : content).append(text, content, newline < 0 ? end : end + 1);
      start = newline < 0 ? end : end + 1;
    }
    return out.toString();
  }

  /** Whether {@code at} is a tab that only spaces and tabs follow on its line. */
  private static boolean trailingTabAt(String text, Location at) {
    List<String> lines = text.lines().limit(at.startLine()).toList();
    if (lines.size() < at.startLine()) return false;
    String line = lines.get(at.startLine() - 1);
    int column = at.startColumn() - 1;
    return column < line.length() && line.charAt(column) == '\t' && line.substring(column).isBlank();
  }

  private static ParseResult compose(String file, String text) {
    LoaderOptions options = loaderOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
        new DumperOptions(), options);
    org.yaml.snakeyaml.nodes.Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      Optional<String> tag = globalTag(e);
      return tag.isPresent()
          ? new ParseResult.Failed(unsupportedTagMessage(tag.get()), point(file, mark), ParseResult.Problem.UNSUPPORTED_TAG)
          : new ParseResult.Failed(message(e), point(file, mark), false);
    } catch (YAMLException e) {
      return limitFailure(file, text, e);
    } catch (RuntimeException | StackOverflowError e) {
      return new ParseResult.Failed("cannot parse YAML: " + e.getClass().getSimpleName(), Location.point(file, 1, 1), false);
    }
    if (root == null) {
      return new ParseResult.Parsed(new MapNode(List.of(), Location.point(file, 1, 1)));
    }
    try {
      return new ParseResult.Parsed(new Converter(file, text, ORG_FORMATION.matcher(text).find()).convert(root));
    } catch (ConversionException e) {
      return new ParseResult.Failed(e.getMessage(), e.location, e.problem);
    }
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(true);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    options.setTagInspector(tag -> false);
    return options;
  }

  /**
   * SnakeYAML's limit errors carry no position, so the events are replayed (without composing)
   * to find where the limit was crossed.
   */
  private static ParseResult limitFailure(String file, String text, YAMLException e) {
    String raw = e.getMessage() == null ? "limit exceeded" : e.getMessage();
    String lower = raw.toLowerCase();
    Optional<Mark> where = Optional.empty();
    String message;
    if (lower.contains("alias")) {
      message = "limit exceeded: more than " + MAX_ALIASES_FOR_COLLECTIONS + " aliases to collections (alias bomb?)";
      where = locateAliasLimit(text);
    } else if (lower.contains("nesting") || lower.contains("depth")) {
      message = "limit exceeded: nesting deeper than " + MAX_NESTING_DEPTH + " levels";
      where = locateDepthLimit(text);
    } else if (lower.contains("code point")) {
      message = "limit exceeded: the document is larger than " + MAX_CODE_POINTS + " characters";
    } else {
      message = raw.lines().findFirst().orElse(raw);
    }
    Location at = where.map(m -> point(file, m)).orElse(Location.point(file, 1, 1));
    return new ParseResult.Failed(message, at, true);
  }

  private static Optional<Mark> locateAliasLimit(String text) {
    Set<String> collectionAnchors = new HashSet<>();
    int count = 0;
    try {
      for (Event event : eventParser().parse(new StringReader(text))) {
        if (event instanceof CollectionStartEvent c && c.getAnchor() != null) {
          collectionAnchors.add(c.getAnchor());
        } else if (event instanceof AliasEvent a && collectionAnchors.contains(((NodeEvent) a).getAnchor())) {
          if (++count > MAX_ALIASES_FOR_COLLECTIONS) return Optional.of(a.getStartMark());
        }
      }
    } catch (RuntimeException ignored) {
      // The position is a courtesy; the failure is reported either way.
    }
    return Optional.empty();
  }

  private static Optional<Mark> locateDepthLimit(String text) {
    int depth = 0;
    try {
      for (Event event : eventParser().parse(new StringReader(text))) {
        if (event instanceof CollectionStartEvent) {
          if (++depth > MAX_NESTING_DEPTH) return Optional.of(event.getStartMark());
        } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
          depth--;
        }
      }
    } catch (RuntimeException ignored) {
      // As above.
    }
    return Optional.empty();
  }

  private static Yaml eventParser() {
    LoaderOptions options = loaderOptions();
    options.setNestingDepthLimit(Integer.MAX_VALUE);
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options);
  }

  /** The tag of a "Global tag is not allowed" refusal (a {@code !!java...} tag), shown as written. */
  private static Optional<String> globalTag(MarkedYAMLException e) {
    String problem = (e.getContext() == null ? "" : e.getContext()) + " " + (e.getProblem() == null ? "" : e.getProblem());
    int at = problem.indexOf("Global tag is not allowed: ");
    if (at < 0) return Optional.empty();
    String tag = problem.substring(at + "Global tag is not allowed: ".length()).trim().split("\\s+")[0];
    return Optional.of(tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag);
  }

  private static String unsupportedTagMessage(String tag) {
    return "unsupported YAML tag " + tag + ": " + ONLY_INTRINSICS;
  }

  private static String message(MarkedYAMLException e) {
    StringBuilder sb = new StringBuilder();
    if (e.getContext() != null) sb.append(e.getContext());
    if (e.getProblem() != null) {
      if (sb.length() > 0) sb.append(": ");
      sb.append(e.getProblem());
    }
    String m = sb.length() == 0 ? "invalid YAML" : sb.toString();
    return m.replaceAll("\\s+", " ").trim();
  }

  static Location point(String file, Mark mark) {
    if (mark == null) return Location.point(file, 1, 1);
    return Location.point(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static final class ConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Location location;
    final ParseResult.Problem problem;

    ConversionException(String message, Location location, ParseResult.Problem problem) {
      super(message, null, false, false);
      this.location = location;
      this.problem = problem;
    }
  }

  /** Turns composed SnakeYAML nodes into located tree nodes. */
  private static final class Converter {
    private final String file;
    private final List<Integer> lineLengths = new ArrayList<>();
    private final Set<org.yaml.snakeyaml.nodes.Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;

    private final boolean orgFormation;

    Converter(String file, String text, boolean orgFormation) {
      this.file = file;
      this.orgFormation = orgFormation;
      text.lines().forEach(l -> lineLengths.add(l.length()));
    }

    Node convert(org.yaml.snakeyaml.nodes.Node node) {
      if (++nodes > MAX_NODES) {
        throw new ConversionException("limit exceeded: more than " + MAX_NODES + " nodes after alias expansion",
            location(node), ParseResult.Problem.LIMIT);
      }
      if (!onPath.add(node)) {
        throw new ConversionException("recursive alias: a node contains itself", location(node), ParseResult.Problem.SYNTAX);
      }
      try {
        String tag = node.getTag().getValue();
        if (tag.startsWith("!") && !tag.startsWith("!!")) {
          return shortForm(tag, node);
        }
        if (tag.startsWith(YAML_TAG_PREFIX)) {
          String name = tag.substring(YAML_TAG_PREFIX.length());
          if (!STANDARD_TAGS.contains(name)) throw unsupportedTag(tag, node);
        } else {
          throw unsupportedTag(tag, node);
        }
        return plain(node);
      } finally {
        onPath.remove(node);
      }
    }

    private ConversionException unsupportedTag(String tag, org.yaml.snakeyaml.nodes.Node node) {
      String shown = tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag;
      return new ConversionException(unsupportedTagMessage(shown), location(node).start(),
          ParseResult.Problem.UNSUPPORTED_TAG);
    }

    private Node plain(org.yaml.snakeyaml.nodes.Node node) {
      if (node instanceof MappingNode m) {
        List<MapNode.Entry> entries = new ArrayList<>();
        List<MapNode.Entry> merged = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
          if (Tag.MERGE.equals(t.getKeyNode().getTag())) {
            merged.addAll(mergedEntries(t.getValueNode()));
            continue;
          }
          Node key = convert(t.getKeyNode());
          // A key that is a function (!Sub '${Issuer}:sub': ...), a list or a map has no JSON
          // form: CloudFormation refuses the template (as cfn-lint does). Read as a placeholder,
          // the condition it keys was lost and the statement judged without it.
          if (!(key instanceof ScalarNode k)) {
            throw new ConversionException("a mapping key must be a plain string, not "
                + (key instanceof MapNode ? "a function or map" : "a list") + ": CloudFormation accepts no other key",
                location(t.getKeyNode()), ParseResult.Problem.SYNTAX);
          }
          entries.add(new MapNode.Entry(k, convert(t.getValueNode())));
        }
        Location location = collectionLocation(node, m.getFlowStyle(),
            entries.isEmpty() ? null : entries.get(entries.size() - 1).value().location());
        return new MapNode(merged.isEmpty() ? entries : withMerged(merged, entries), location);
      }
      if (node instanceof SequenceNode s) {
        List<Node> items = new ArrayList<>();
        for (org.yaml.snakeyaml.nodes.Node item : s.getValue()) items.add(convert(item));
        return new ListNode(items, collectionLocation(node, s.getFlowStyle(),
            items.isEmpty() ? null : items.get(items.size() - 1).location()));
      }
      org.yaml.snakeyaml.nodes.ScalarNode scalar = (org.yaml.snakeyaml.nodes.ScalarNode) node;
      return new ScalarNode(scalar.getValue(), kind(scalar), location(node));
    }

    /**
     * The entries a merge key ({@code <<: *defaults}, YAML 1.1) brings in: those of a mapping, or
     * of each mapping of a list, the first one's first. CloudFormation itself refuses aliases, but
     * {@code aws cloudformation package}, {@code sam} and the Serverless Framework (js-yaml) resolve
     * merge keys before deploying, so the merged mapping is what is deployed.
     */
    private List<MapNode.Entry> mergedEntries(org.yaml.snakeyaml.nodes.Node value) {
      Node converted = convert(value);
      List<MapNode.Entry> out = new ArrayList<>();
      if (converted instanceof MapNode map) {
        out.addAll(map.entries());
      } else if (converted instanceof ListNode list && list.items().stream().allMatch(i -> i instanceof MapNode)) {
        for (Node item : list.items()) out.addAll(((MapNode) item).entries());
      } else {
        throw new ConversionException("a merge key (<<) takes a mapping or a list of mappings", location(value),
            ParseResult.Problem.SYNTAX);
      }
      return out;
    }

    /** A mapping's own keys win over merged ones, and a merged key over a later merged one (YAML's merge key). */
    private static List<MapNode.Entry> withMerged(List<MapNode.Entry> merged, List<MapNode.Entry> own) {
      Set<String> taken = new HashSet<>();
      for (MapNode.Entry e : own) taken.add(e.key().text());
      List<MapNode.Entry> out = new ArrayList<>();
      for (MapNode.Entry e : merged) {
        if (taken.add(e.key().text())) out.add(e);
      }
      out.addAll(own);
      return out;
    }

    private static ScalarNode.Kind kind(org.yaml.snakeyaml.nodes.ScalarNode scalar) {
      Tag tag = scalar.getTag();
      if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) return ScalarNode.Kind.NUMBER;
      if (Tag.BOOL.equals(tag)) return ScalarNode.Kind.BOOLEAN;
      if (Tag.NULL.equals(tag)) return ScalarNode.Kind.NULL;
      return ScalarNode.Kind.STRING;
    }

    private Node shortForm(String tag, org.yaml.snakeyaml.nodes.Node node) {
      String name = SPECIAL_SHORT_FORMS.get(tag);
      if (name == null && tag.startsWith(RAIN_PREFIX) && tag.length() > RAIN_PREFIX.length()) {
        name = tag.substring(1);
      } else if (name == null) {
        String bare = tag.substring(1);
        if (FN_SHORT_FORMS.contains(bare)) name = "Fn::" + bare;
        else if (orgFormation || ORG_FORMATION_TAGS.contains(bare)) name = ORG_FORMATION_DIRECTIVE + bare;
        else throw unsupportedTag(tag, node);
      }
      Location at = location(node);
      Node argument = plain(node);
      if (name.equals("Fn::GetAtt") && argument instanceof ScalarNode s) {
        // !GetAtt Resource.Attribute: the attribute itself may contain dots (Outputs.Name).
        int dot = s.text().indexOf('.');
        List<Node> parts = dot < 0 ? List.of(s)
            : List.of(new ScalarNode(s.text().substring(0, dot), ScalarNode.Kind.STRING, s.location()),
                new ScalarNode(s.text().substring(dot + 1), ScalarNode.Kind.STRING, s.location()));
        argument = new ListNode(parts, s.location());
      }
      if (argument instanceof ScalarNode s && s.kind() != ScalarNode.Kind.STRING) {
        argument = new ScalarNode(s.text(), ScalarNode.Kind.STRING, s.location());
      }
      ScalarNode key = new ScalarNode(name, ScalarNode.Kind.STRING, at.start());
      return new MapNode(List.of(new MapNode.Entry(key, argument)), at);
    }

    private Location location(org.yaml.snakeyaml.nodes.Node node) {
      Mark start = node.getStartMark();
      Mark end = node.getEndMark();
      int startLine = start.getLine() + 1;
      int startColumn = start.getColumn() + 1;
      int endLine = end.getLine() + 1;
      int endColumn = end.getColumn() + 1;
      // Block scalars end at the start of the next line; end them on their last line instead.
      if (endColumn == 1 && endLine > startLine) {
        endLine--;
        endColumn = endLine - 1 < lineLengths.size() ? lineLengths.get(endLine - 1) + 1 : 1;
      }
      return new Location(file, startLine, startColumn, endLine, endColumn);
    }

    /** Block collections end where their last child ends (SnakeYAML's end mark is the next token). */
    private Location collectionLocation(org.yaml.snakeyaml.nodes.Node node, DumperOptions.FlowStyle style,
        Location lastChild) {
      Location own = location(node);
      if (style == DumperOptions.FlowStyle.FLOW || lastChild == null) return own;
      return new Location(file, own.startLine(), own.startColumn(), lastChild.endLine(), lastChild.endColumn());
    }
  }
}
