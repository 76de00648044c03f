package dev.iamlint.cloudformation;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Numbers;
import dev.iamlint.value.Value;
import dev.iamlint.yaml.YamlLoader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates template nodes into {@link Value}s: parameters (given values, then defaults),
 * pseudo parameters, conditions, and the intrinsic functions. What cannot be known before
 * deploy becomes an {@link Value.Unknown} that says why and, for resources, keeps a
 * {@link Reference} to the logical id. {@code Fn::If} on an undecidable condition keeps both
 * branches as a {@link Value.OneOf}. Evaluation is bounded by a {@link Budget}: a parameter's
 * default is evaluated again at each reference, so defaults that join each other double at
 * each step.
 */
public final class Evaluator {

  private static final Pattern DYNAMIC_REFERENCE = Pattern.compile("\\{\\{resolve:[^}]*}}");
  /** Keys of the directives of AWS's packaging tool rain (YAML {@code !Rain::Embed}, JSON {@code "Rain::Embed"}). */
  private static final String RAIN_DIRECTIVE = "Rain::";
  /** A Serverless Framework variable known only at deploy ({@link Serverless}); its argument says why. */
  static final String SERVERLESS_VARIABLE = "Serverless::Variable";
  /** A Serverless Framework variable not expanded for an evaluation limit ({@link Serverless}); its argument says which. */
  static final String SERVERLESS_LIMIT = "Serverless::Limit";
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
  /**
   * How deep evaluation nests: the loaders' nesting limit (256 levels of YAML or JSON) and 64
   * levels of intrinsics and parameter references above it, so that a document the loaders accept
   * is never cut for its depth; only chains of references that never end are.
   */
  private static final int MAX_DEPTH = JsonLoader.MAX_NESTING_DEPTH + 64;

  /**
   * Where a template is evaluated: as a stack of its own ({@link #ROOT}), or as a nested stack of
   * another template, with the values its parent passes ({@code passed}, by parameter name; all of
   * them unknown when {@code passedUnknown}). {@code addressPrefix} comes before each address
   * ({@code Resources.Roles/}), {@code scope} (empty: the template's file) names the instance.
   */
  record Nesting(String scope, String addressPrefix, Map<String, Passed> passed, boolean passedUnknown,
      NestedOutputs outputs) {
    static final Nesting ROOT = new Nesting("", "", Map.of(), false, NestedOutputs.NONE);

    boolean nested() {
      return !addressPrefix.isEmpty();
    }
  }

  /** A value a parent stack passes to a parameter of its nested stack, and where: the entry of its {@code Parameters}. */
  record Passed(Value value, Location at, String stack) {}

  /** The outputs of the nested stacks of the template evaluated ({@code !GetAtt Stack.Outputs.Name}). */
  interface NestedOutputs {
    NestedOutputs NONE = (stack, output, at) -> Optional.empty();

    Optional<Value> output(String stack, String output, Location at);
  }

  private final Template template;
  private final Nesting nesting;
  private final Map<String, String> givenParameters;
  private final String partition;
  private final Exports exports;
  private final Set<String> conditionsInProgress = new HashSet<>();
  private final StringOrigins origins;
  private final Budget budget = new Budget(MAX_DEPTH);

  public Evaluator(Template template, Map<String, String> givenParameters, String partition) {
    this(template, givenParameters, partition, Exports.NONE);
  }

  /** With the exports of the other templates of the scan, which {@code Fn::ImportValue} resolves to. */
  public Evaluator(Template template, Map<String, String> givenParameters, String partition, Exports exports) {
    this(template, givenParameters, partition, exports, Nesting.ROOT);
  }

  /** As a nested stack ({@code nesting}); {@code givenParameters} are then not used. */
  Evaluator(Template template, Map<String, String> givenParameters, String partition, Exports exports, Nesting nesting) {
    this.nesting = nesting;
    this.template = template;
    this.givenParameters = givenParameters;
    this.partition = partition;
    this.exports = exports;
    this.origins = new StringOrigins(template.file(), template.source());
  }

  /**
   * Where each character of {@code text} is written in the template, when it is a string this
   * evaluator produced at {@code at} from a scalar or a {@code Fn::Sub} and may hold JSON.
   */
  Optional<IntFunction<Location>> positions(Location at, String text) {
    return origins.positions(at, text);
  }

  public Template template() {
    return template;
  }

  /** The scope of every {@link Reference} this template's values make. */
  public String scope() {
    return nesting.scope().isEmpty() ? template.file() : nesting.scope();
  }

  /** What comes before the addresses of this template's elements: {@code Resources.Roles/} in a nested stack. */
  String addressPrefix() {
    return nesting.addressPrefix();
  }

  public Reference resourceReference(String logicalId, String attribute) {
    return new Reference(scope(), addressPrefix() + "Resources." + logicalId, attribute);
  }

  public Value eval(Node node) {
    try {
      budget.enter();
      try {
        budget.charge(1);
        return Budget.checked(evalNode(node));
      } finally {
        budget.exit();
      }
    } catch (Budget.Exceeded x) {
      return budget.cut(x, node.location());
    }
  }

  /** Where a budget cut this template's evaluation short, one note per place. */
  public List<Budget.Note> limitsReached() {
    return budget.notes();
  }

  private Value evalNode(Node node) {
    Optional<Value> loopItem = template.loopItem(node);
    if (loopItem.isPresent()) return loopItem.get();
    if (node instanceof ScalarNode s) return scalar(s);
    if (node instanceof ListNode l) {
      List<Value> items = new ArrayList<>();
      for (Node item : l.items()) {
        Value v = eval(item);
        if (!isNoValue(v)) items.add(v);
      }
      return new Value.ListV(items, l.location(), Provenance.LITERAL);
    }
    MapNode map = (MapNode) node;
    if (isFunction(map)) {
      MapNode.Entry only = map.entries().get(0);
      String fn = only.name();
      if (fn.equals(SERVERLESS_LIMIT)) {
        throw Budget.Exceeded.reached(only.value() instanceof ScalarNode limit ? limit.text() : "a Serverless variable too large");
      }
      if (fn.equals(SERVERLESS_VARIABLE)) {
        // An input of the service in effect: the deploy gives it, and it may be anything.
        return unknown(Value.Cause.INPUT, only.value() instanceof ScalarNode reason ? reason.text() : "a Serverless variable",
            map.location());
      }
      if (fn.startsWith(RAIN_DIRECTIVE)) return rainDirective(fn, only.value(), map.location());
      if (fn.startsWith(YamlLoader.ORG_FORMATION_DIRECTIVE)) return orgFormationDirective(fn, only.value(), map.location());
      return intrinsic(fn, only.value(), map.location());
    }
    List<Value.MapV.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : map.entries()) {
      Value v = eval(e.value());
      if (!isNoValue(v)) entries.add(new Value.MapV.Entry(e.name(), e.key().location(), v));
    }
    return new Value.MapV(entries, map.location(), Provenance.LITERAL);
  }

  private Value scalar(ScalarNode s) {
    switch (s.kind()) {
      case NUMBER -> {
        // CloudFormation reads scalars as text: a number out of range stays the text it is.
        return Numbers.parse(s.text().replace("_", "")).<Value>map(d -> new Value.Num(d, s.location(), Provenance.LITERAL))
            .orElseGet(() -> new Value.Str(s.text(), s.location(), Provenance.LITERAL));
      }
      case BOOLEAN -> {
        String t = s.text().toLowerCase();
        boolean b = t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
        return new Value.Bool(b, s.location(), Provenance.LITERAL);
      }
      case NULL -> {
        return new Value.Null(s.location(), Provenance.LITERAL);
      }
      default -> {
        if (StringOrigins.mayHoldJson(s.text())) {
          origins.record(s.location(), s.text(), List.of(new StringOrigins.Run(0, s.text().length(), s, 0, true)));
        }
        return text(s.text(), s.location(), Provenance.LITERAL);
      }
    }
  }

  /** A string, unless it holds a dynamic reference, which only the service resolves at deploy. */
  private static Value text(String text, Location at, Provenance provenance) {
    if (text.indexOf(Value.Unknown.HOLE) >= 0) {
      // A string read from a partly unknown JSON document (a Fn::Sub policy): the known parts stay.
      return new Value.Unknown(Value.Cause.INPUT, "a part of this string is known only at deploy", Optional.empty(),
          Optional.of(text), at, provenance);
    }
    Matcher m = DYNAMIC_REFERENCE.matcher(text);
    if (!m.find()) return new Value.Str(text, at, provenance);
    String partial = DYNAMIC_REFERENCE.matcher(text).replaceAll(String.valueOf(Value.Unknown.HOLE));
    return new Value.Unknown(Value.Cause.DYNAMIC_REFERENCE, "dynamic reference " + m.group() + " is resolved at deploy",
        Optional.empty(), Optional.of(partial), at, provenance);
  }

  // ---- intrinsics ----

  private Value intrinsic(String fn, Node arg, Location at) {
    return switch (fn) {
      case "Ref" -> ref(arg, at);
      case "Fn::GetAtt" -> getAtt(arg, at);
      case "Fn::Sub" -> sub(arg, at);
      case "Fn::Join" -> join(arg, at);
      case "Fn::Select" -> select(arg, at);
      case "Fn::Split" -> split(arg, at);
      case "Fn::FindInMap" -> findInMap(arg, at);
      case "Fn::If" -> ifFn(arg, at);
      case "Fn::Base64" -> eval(arg);
      case "Fn::ImportValue" -> exports.imported(eval(arg), at);
      case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> {
        Optional<Boolean> b = condition(new MapNode(List.of(new MapNode.Entry(
            new ScalarNode(fn, ScalarNode.Kind.STRING, at), arg)), at));
        yield b.<Value>map(v -> new Value.Bool(v, at, Provenance.LITERAL))
            .orElseGet(() -> unknown(Value.Cause.INPUT, fn + " depends on unknown values", at));
      }
      case "Fn::Length" -> length(arg, at);
      case "Fn::ToJsonString" -> ToJsonString.of(eval(arg), at);
      case "Fn::GetAZs" -> unknown(Value.Cause.DEPLOY_TIME, "availability zones of the deploy region", at);
      default -> unknown(Value.Cause.UNSUPPORTED, fn + " is not evaluated", at);
    };
  }

  /**
   * A directive of rain ({@code !Rain::Embed file}, {@code Rain::Module}, ...): {@code rain pkg}
   * replaces it with content iamlint does not read, so its value is unknown.
   */
  private static Value rainDirective(String directive, Node arg, Location at) {
    String argument = arg instanceof ScalarNode s ? " " + s.text() : "";
    // An input of the template in effect: the packaging step supplies it before deploy.
    return unknown(Value.Cause.INPUT, "!" + directive + argument + " is filled in by rain pkg (needs rain pkg)", at);
  }

  /** A tag of org-formation ({@code !ReadFile file}, {@code !CopyValue ...}): org-formation fills it in before deploy. */
  private static Value orgFormationDirective(String directive, Node arg, Location at) {
    String argument = arg instanceof ScalarNode s ? " " + s.text() : "";
    return unknown(Value.Cause.INPUT, "!" + directive.substring(YamlLoader.ORG_FORMATION_DIRECTIVE.length()) + argument
        + " is filled in by org-formation (needs org-formation)", at);
  }

  private Value ref(Node arg, Location at) {
    if (arg instanceof ScalarNode s) return refName(s.text(), at);
    // The language extensions accept a name computed by an intrinsic (Fn::Sub, Fn::FindInMap...).
    Optional<String> name = eval(arg).asText();
    if (name.isPresent()) return refName(name.get(), at);
    return unknown(Value.Cause.UNSUPPORTED, "Ref to a computed name", at);
  }

  /** {@code Fn::Length}: how many items a list has. */
  private Value length(Node arg, Location at) {
    Value list = eval(arg);
    if (list instanceof Value.ListV l) {
      return new Value.Num(BigDecimal.valueOf(l.items().size()), at, list.provenance());
    }
    return unknown(Value.Cause.INPUT, "Fn::Length of a list known only at deploy", at);
  }

  /** What {@code Ref name} evaluates to, at the place of use {@code at}. */
  Value refName(String name, Location at) {
    Template.Parameter parameter = template.parameters().get(name);
    if (parameter != null) return parameterValue(parameter, at);
    switch (name) {
      case "AWS::Partition":
        return new Value.Str(partition, at, Provenance.of("pseudo parameter AWS::Partition, taken as \"" + partition + "\""));
      case "AWS::URLSuffix":
        return new Value.Str(partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com", at,
            Provenance.of("pseudo parameter AWS::URLSuffix"));
      case "AWS::NoValue":
        return new Value.Null(at, Provenance.of("AWS::NoValue"));
      case "AWS::AccountId", "AWS::Region", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs":
        return unknown(Value.Cause.DEPLOY_TIME, "pseudo parameter " + name + " is known only at deploy", at);
      default:
        break;
    }
    if (template.resources().containsKey(name)) {
      return new Value.Unknown(Value.Cause.DEPLOY_TIME, "Ref to resource " + name + " is known only after deploy",
          Optional.of(resourceReference(name, "")), Optional.empty(), at, Provenance.LITERAL);
    }
    return new Value.Unknown(Value.Cause.UNDECLARED, "\"" + name + "\" is not a parameter, pseudo parameter or resource of the template",
        Optional.of(resourceReference(name, "")), Optional.empty(), at, Provenance.LITERAL);
  }

  private Value parameterValue(Template.Parameter p, Location at) {
    if (p.type().startsWith("AWS::SSM::Parameter::Value")) {
      // The value (or default) names an SSM parameter; its value is read at deploy.
      return new Value.Unknown(Value.Cause.DEPLOY_TIME, "parameter " + p.name() + " is the value of an SSM parameter, read at deploy",
          Optional.empty(), Optional.empty(), at, Provenance.of("parameter " + p.name(), p.declaration().key().location()));
    }
    if (nesting.nested()) {
      Passed passed = nesting.passed().get(p.name());
      if (passed != null) {
        return typed(p, passed.value().withOrigin(at, Provenance.of("value passed by nested stack "
            + passed.stack() + " through parameter " + p.name(), passed.at())));
      }
      if (nesting.passedUnknown()) {
        return new Value.Unknown(Value.Cause.INPUT, "parameter " + p.name() + " is given by the parent stack, whose Parameters are not known",
            Optional.empty(), Optional.empty(), at, Provenance.of("parameter " + p.name(), p.declaration().key().location()));
      }
    }
    String given = nesting.nested() ? null : givenParameters.get(p.name());
    if (given != null) {
      return typed(p, new Value.Str(given, at, Provenance.of("value of parameter " + p.name() + " given on the command line")));
    }
    if (p.defaultValue().isPresent()) {
      Node d = p.defaultValue().get();
      Value v = eval(d).withOrigin(at, Provenance.parameterDefault(p.name(), d.location()));
      return typed(p, v);
    }
    return new Value.Unknown(Value.Cause.INPUT, "parameter " + p.name() + " has no default and no value was given",
        Optional.empty(), Optional.empty(), at, Provenance.of("parameter " + p.name(), p.declaration().key().location()));
  }

  /** List-typed parameters are comma-delimited strings. */
  private static Value typed(Template.Parameter p, Value v) {
    boolean list = p.type().equals("CommaDelimitedList") || p.type().startsWith("List<");
    if (!list || !(v instanceof Value.Str s)) return v;
    List<Value> items = new ArrayList<>();
    for (String part : split(s.value(), ",")) items.add(new Value.Str(part.trim(), s.location(), s.provenance()));
    return new Value.ListV(items, s.location(), s.provenance());
  }

  /** The parts of {@code text} between occurrences of {@code delimiter} (not empty), at most as many as a list holds. */
  private static List<String> split(String text, String delimiter) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int k = text.indexOf(delimiter); k >= 0; k = text.indexOf(delimiter, from)) {
      Budget.elements(out.size() + 2L, "a list");
      out.add(text.substring(from, k));
      from = k + delimiter.length();
    }
    out.add(text.substring(from));
    return out;
  }

  private Value getAtt(Node arg, Location at) {
    String target;
    String attribute;
    Optional<String> computed = arg instanceof ListNode l && l.items().size() >= 2 && l.items().get(0) instanceof MapNode m
        ? eval(m).asText() : Optional.empty();
    if (arg instanceof ListNode l && l.items().size() >= 2 && (l.items().get(0) instanceof ScalarNode || computed.isPresent())) {
      target = computed.orElseGet(() -> ((ScalarNode) l.items().get(0)).text());
      Value attr = eval(l.items().get(1));
      attribute = attr.asText().orElse("?");
    } else if (arg instanceof ScalarNode s && s.text().contains(".")) {
      target = s.text().substring(0, s.text().indexOf('.'));
      attribute = s.text().substring(s.text().indexOf('.') + 1);
    } else {
      return unknown(Value.Cause.UNSUPPORTED, "Fn::GetAtt with a computed target", at);
    }
    boolean declared = template.resources().containsKey(target);
    if (declared && attribute.startsWith("Outputs.")) {
      Optional<Value> output = nesting.outputs().output(target, attribute.substring("Outputs.".length()), at);
      if (output.isPresent()) return output.get();
    }
    String reason = declared
        ? "attribute " + attribute + " of resource " + target + " is known only after deploy"
        : "\"" + target + "\" is not a resource of the template";
    return new Value.Unknown(declared ? Value.Cause.DEPLOY_TIME : Value.Cause.UNDECLARED, reason,
        Optional.of(resourceReference(target, attribute)), Optional.empty(), at, Provenance.LITERAL);
  }

  private Value sub(Node arg, Location at) {
    Node textNode;
    Map<String, Value> locals = new LinkedHashMap<>();
    if (arg instanceof ListNode l && !l.items().isEmpty()) {
      textNode = l.items().get(0);
      if (l.items().size() > 1 && l.items().get(1) instanceof MapNode vars) {
        for (MapNode.Entry e : vars.entries()) locals.put(e.name(), eval(e.value()));
      }
    } else {
      textNode = arg;
    }
    if (!(textNode instanceof ScalarNode s)) return unknown(Value.Cause.UNSUPPORTED, "Fn::Sub of a computed string", at);
    List<Value> parts = new ArrayList<>();
    List<Written> written = new ArrayList<>();
    String text = s.text();
    Matcher m = SUB_VARIABLE.matcher(text);
    int last = 0;
    while (m.find()) {
      parts.add(new Value.Str(text.substring(last, m.start()), at, Provenance.LITERAL));
      written.add(new Written(last, true));
      written.add(new Written(m.start(), false));
      String name = m.group(1).trim();
      if (name.startsWith("!")) {
        parts.add(new Value.Str("${" + name.substring(1) + "}", at, Provenance.LITERAL));
      } else if (locals.containsKey(name)) {
        parts.add(locals.get(name));
      } else if (name.contains(".") && !template.parameters().containsKey(name)) {
        String target = name.substring(0, name.indexOf('.'));
        ListNode ga = new ListNode(List.of(new ScalarNode(target, ScalarNode.Kind.STRING, at),
            new ScalarNode(name.substring(name.indexOf('.') + 1), ScalarNode.Kind.STRING, at)), at);
        parts.add(getAtt(ga, at));
      } else {
        parts.add(refName(name, at));
      }
      last = m.end();
    }
    parts.add(new Value.Str(text.substring(last), at, Provenance.LITERAL));
    written.add(new Written(last, true));
    if (StringOrigins.mayHoldJson(text)) recordSub(s, parts, written, at);
    return built(concat(parts, at, "Fn::Sub"));
  }

  /**
   * A value an intrinsic built, counted as steps by its weight: a parameter's default is evaluated
   * again at each reference, so the text a Fn::Join builds may be built again and again.
   */
  private Value built(Value v) {
    budget.charge(v.weight());
    return v;
  }

  /** Where a part of a Fn::Sub is written in its template string: literal text, or a ${variable}. */
  private record Written(int offset, boolean literal) {}

  /** The runs of a Fn::Sub result: literal text from the template string, each variable at its ${. */
  private void recordSub(ScalarNode template, List<Value> parts, List<Written> written, Location at) {
    List<StringOrigins.Run> runs = new ArrayList<>();
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String piece = piece(parts.get(i));
      Written w = written.get(i);
      runs.add(new StringOrigins.Run(result.length(), result.length() + piece.length(), template, w.offset(), w.literal()));
      Budget.characters((long) result.length() + piece.length());
      result.append(piece);
    }
    origins.record(at, result.toString(), runs);
  }

  /** What {@link #concat} appends for a part: its text, its partly known text, or a hole. */
  private static String piece(Value part) {
    Optional<String> t = part.asText();
    if (t.isPresent()) return t.get();
    if (part instanceof Value.Unknown u && u.partial().isPresent()) return u.partial().get();
    return String.valueOf(Value.Unknown.HOLE);
  }

  private Value join(Node arg, Location at) {
    if (!(arg instanceof ListNode l) || l.items().size() != 2) {
      return unknown(Value.Cause.UNSUPPORTED, "malformed Fn::Join", at);
    }
    Optional<String> delimiter = eval(l.items().get(0)).asText();
    Value list = eval(l.items().get(1));
    if (delimiter.isEmpty() || !(list instanceof Value.ListV items)) {
      return unknown(Value.Cause.INPUT, "Fn::Join of values known only at deploy", at);
    }
    List<Value> parts = new ArrayList<>();
    for (int i = 0; i < items.items().size(); i++) {
      if (i > 0) parts.add(new Value.Str(delimiter.get(), at, Provenance.LITERAL));
      parts.add(items.items().get(i));
    }
    return built(concat(parts, at, "Fn::Join"));
  }

  /**
   * Joins string parts. Known parts give a string; unknown parts leave a hole in the partial
   * text of an unknown, so an ARN with an unknown account can still be recognised.
   */
  private static Value concat(List<Value> parts, Location at, String fn) {
    StringBuilder text = new StringBuilder();
    Provenance provenance = Provenance.LITERAL;
    Optional<Value.Unknown> firstUnknown = Optional.empty();
    Optional<Reference> reference = Optional.empty();
    for (Value part : parts) {
      if (part instanceof Value.Unknown pu) reference = Reference.preferred(reference, pu.reference());
      Optional<String> t = part.asText();
      // Checked as it grows: a Fn::Join's delimiter comes back between every two items.
      Budget.characters((long) text.length() + piece(part).length());
      if (t.isPresent()) {
        text.append(t.get());
        provenance = provenance.then(part.provenance());
      } else if (part instanceof Value.Unknown u && u.partial().isPresent()) {
        text.append(u.partial().get());
        if (firstUnknown.isEmpty()) firstUnknown = Optional.of(u);
      } else {
        text.append(Value.Unknown.HOLE);
        if (firstUnknown.isEmpty()) {
          firstUnknown = Optional.of(part instanceof Value.Unknown u ? u
              : new Value.Unknown(Value.Cause.UNSUPPORTED, "a part of " + fn + " is not a string",
                  Optional.empty(), Optional.empty(), part.location(), Provenance.LITERAL));
        }
      }
    }
    if (firstUnknown.isEmpty()) return text(text.toString(), at, provenance);
    Value.Unknown u = firstUnknown.get();
    return new Value.Unknown(u.cause(), u.reason(), reference, Optional.of(text.toString()), at, provenance);
  }

  private Value select(Node arg, Location at) {
    if (!(arg instanceof ListNode l) || l.items().size() != 2) return unknown(Value.Cause.UNSUPPORTED, "malformed Fn::Select", at);
    Optional<BigDecimal> index = eval(l.items().get(0)).asNumber();
    Value list = eval(l.items().get(1));
    if (index.isPresent() && list instanceof Value.ListV items) {
      int i = index.get().intValue();
      if (i >= 0 && i < items.items().size()) return items.items().get(i);
    }
    return unknown(Value.Cause.INPUT, "Fn::Select of values known only at deploy", at);
  }

  private Value split(Node arg, Location at) {
    if (!(arg instanceof ListNode l) || l.items().size() != 2) return unknown(Value.Cause.UNSUPPORTED, "malformed Fn::Split", at);
    Optional<String> delimiter = eval(l.items().get(0)).asText();
    Value source = eval(l.items().get(1));
    Optional<String> text = source.asText();
    if (delimiter.isEmpty() || delimiter.get().isEmpty() || text.isEmpty()) {
      return unknown(Value.Cause.INPUT, "Fn::Split of a value known only at deploy", at);
    }
    List<Value> items = new ArrayList<>();
    for (String part : split(text.get(), delimiter.get())) items.add(new Value.Str(part, at, source.provenance()));
    return built(new Value.ListV(items, at, source.provenance()));
  }

  private Value findInMap(Node arg, Location at) {
    if (!(arg instanceof ListNode l) || l.items().size() < 3) {
      return unknown(Value.Cause.UNSUPPORTED, "Fn::FindInMap without a matching mapping", at);
    }
    // The language extensions' fourth argument: {DefaultValue: v}, the value when no entry matches.
    Optional<Node> fallback = l.items().size() > 3 && l.items().get(3) instanceof MapNode d ? d.get("DefaultValue") : Optional.empty();
    Optional<String> mapName = eval(l.items().get(0)).asText();
    Optional<MapNode> map = mapName.flatMap(n -> template.mappings().flatMap(m -> m.map(n)));
    if (map.isEmpty()) {
      if (mapName.isPresent() && fallback.isPresent()) return defaultValue(fallback.get(), mapName.get(), at);
      return template.mappings().isEmpty()
          ? unknown(Value.Cause.UNSUPPORTED, "Fn::FindInMap without a matching mapping", at)
          : unknown(Value.Cause.UNDECLARED, "mapping " + mapName.orElse("?") + " is not declared", at);
    }
    Value top = eval(l.items().get(1));
    Optional<String> second = eval(l.items().get(2)).asText();
    if (second.isEmpty()) return unknown(Value.Cause.INPUT, "Fn::FindInMap with an unknown key", at);
    List<MapNode.Entry> candidates = top.asText().map(k -> map.get().entry(k).stream().toList())
        .orElse(map.get().entries());
    List<Value> found = new ArrayList<>();
    // A key not known may be one the mapping does not have, as a known key may: then the default is one of the values.
    boolean someMiss = top.asText().isEmpty() || candidates.isEmpty();
    for (MapNode.Entry e : candidates) {
      Optional<Node> n = e.value() instanceof MapNode inner ? inner.get(second.get()) : Optional.empty();
      if (n.isEmpty()) {
        someMiss = true;
        continue;
      }
      found.add(eval(n.get()).withOrigin(at,
          Provenance.of("Mappings." + mapName.get() + "." + e.name() + "." + second.get(), n.get().location())));
    }
    if (someMiss && fallback.isPresent()) found.add(defaultValue(fallback.get(), mapName.get(), at));
    if (found.isEmpty()) return unknown(Value.Cause.UNDECLARED, "no entry in mapping " + mapName.get(), at);
    if (found.size() == 1) return found.get(0);
    return new Value.OneOf(found, at, Provenance.LITERAL);
  }

  private Value defaultValue(Node fallback, String mapName, Location at) {
    return eval(fallback).withOrigin(at, Provenance.of("DefaultValue of Fn::FindInMap " + mapName, fallback.location()));
  }

  private Value ifFn(Node arg, Location at) {
    if (!(arg instanceof ListNode l) || l.items().size() != 3 || !(l.items().get(0) instanceof ScalarNode c)) {
      return unknown(Value.Cause.UNSUPPORTED, "malformed Fn::If", at);
    }
    Optional<Boolean> decided = namedCondition(c.text());
    if (decided.isPresent()) return eval(l.items().get(decided.get() ? 1 : 2));
    Value whenTrue = eval(l.items().get(1)).withOrigin(l.items().get(1).location(),
        Provenance.of("Fn::If branch taken when condition " + c.text() + " is true", c.location()));
    Value whenFalse = eval(l.items().get(2)).withOrigin(l.items().get(2).location(),
        Provenance.of("Fn::If branch taken when condition " + c.text() + " is false", c.location()));
    return new Value.OneOf(List.of(whenTrue, whenFalse), at, Provenance.LITERAL);
  }

  // ---- conditions ----

  /** The value of a named condition, when it can be decided. */
  public Optional<Boolean> namedCondition(String name) {
    Node body = template.conditions().get(name);
    if (body == null || !conditionsInProgress.add(name)) return Optional.empty();
    try {
      return condition(body);
    } finally {
      conditionsInProgress.remove(name);
    }
  }

  private Optional<Boolean> condition(Node node) {
    if (!(node instanceof MapNode m) || m.entries().size() != 1) return Optional.empty();
    MapNode.Entry e = m.entries().get(0);
    Node arg = e.value();
    switch (e.name()) {
      case "Condition":
        return arg instanceof ScalarNode s ? namedCondition(s.text()) : Optional.empty();
      case "Fn::Equals": {
        if (!(arg instanceof ListNode l) || l.items().size() != 2) return Optional.empty();
        Optional<String> a = eval(l.items().get(0)).asText();
        Optional<String> b = eval(l.items().get(1)).asText();
        return a.isPresent() && b.isPresent() ? Optional.of(a.get().equals(b.get())) : Optional.empty();
      }
      case "Fn::Not": {
        Node inner = arg instanceof ListNode l && l.items().size() == 1 ? l.items().get(0) : arg;
        return condition(inner).map(b -> !b);
      }
      case "Fn::And":
      case "Fn::Or": {
        if (!(arg instanceof ListNode l)) return Optional.empty();
        boolean and = e.name().equals("Fn::And");
        boolean unknown = false;
        for (Node item : l.items()) {
          Optional<Boolean> b = condition(item);
          if (b.isEmpty()) unknown = true;
          else if (b.get() != and) return Optional.of(!and);
        }
        return unknown ? Optional.empty() : Optional.of(and);
      }
      default:
        return Optional.empty();
    }
  }

  // ---- helpers ----

  /** A map that is a function call (an intrinsic, a condition, a rain directive), not a map value. */
  static boolean isFunction(MapNode map) {
    if (map.entries().size() != 1) return false;
    String key = map.entries().get(0).name();
    return key.equals("Ref") || key.startsWith("Fn::") || key.startsWith(RAIN_DIRECTIVE)
        || key.startsWith(YamlLoader.ORG_FORMATION_DIRECTIVE) || key.equals(SERVERLESS_VARIABLE)
        || key.equals(SERVERLESS_LIMIT);
  }

  static boolean isNoValue(Value v) {
    return v instanceof Value.Null n && !n.provenance().steps().isEmpty()
        && n.provenance().steps().get(0).description().equals("AWS::NoValue");
  }

  private static Value unknown(Value.Cause cause, String reason, Location at) {
    return new Value.Unknown(cause, reason, Optional.empty(), Optional.empty(), at, Provenance.LITERAL);
  }
}
