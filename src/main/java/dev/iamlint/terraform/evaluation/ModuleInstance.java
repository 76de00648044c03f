package dev.iamlint.terraform.evaluation;

import static dev.iamlint.terraform.evaluation.EvaluatedValues.atUse;
import static dev.iamlint.terraform.evaluation.EvaluatedValues.nullTakes;
import static dev.iamlint.terraform.evaluation.EvaluatedValues.reason;
import static dev.iamlint.terraform.evaluation.EvaluatedValues.unknown;

import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.Expression;
import dev.iamlint.model.UnreadPart;
import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FileAccess;
import dev.iamlint.terraform.functions.InstanceMarks;
import dev.iamlint.terraform.loader.ModuleConfig;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One instance of a module (the root, or {@code module.a["k"]}), evaluated lazily: a local, a
 * resource's instances, a child module's output are computed when first referenced and kept.
 * A reference that comes back to itself is a cycle and evaluates to an unknown that says so.
 */
public final class ModuleInstance implements Evaluation {
  /** One instance of a resource, data source or module call. */
  record Instance(String address, Optional<Value> key, Value.MapV values, boolean symbolic) {}

  private final Project project;
  private final ModuleConfig config;
  private final String address;
  private final Map<String, Value> inputs;
  private final List<Path> callChain;
  private final List<Location> callSites;
  private final FileAccess files;
  /** {@link #scope()}, made once: it is asked for at every reference the instance evaluates. */
  private final String scope;

  private final Budget budget;
  private final Map<String, Value> localCache = new HashMap<>();
  /** Each variable's value, converted to its type once; a use moves scalars to where they are used. */
  private final Map<String, Optional<Value>> variableCache = new HashMap<>();
  /** The instances of each counted or for_each resource by key, for references such as {@code aws_x.y["k"]}. */
  private final Map<String, Map<String, Instance>> instancesByKey = new HashMap<>();
  private final Map<String, List<Instance>> instanceCache = new HashMap<>();
  private final Map<String, List<ChildModule>> childCache = new HashMap<>();
  /** Module calls whose module could not be read, by call name. */
  private final Map<String, UnreadPart> unread = new TreeMap<>();
  private final Map<String, Value> outputCache = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  /** {@link #oneAwsProvider()}, computed once. */
  private Boolean oneAwsProvider;
  /** Policy-document data sources referenced from elsewhere: judged there, not alone. */
  final Set<String> usedDocuments = new HashSet<>();
  private String evaluating = "";

  /** A child module instance with its call's key. */
  record ChildModule(String address, Optional<Value> key, ModuleInstance instance) {}

  private ModuleInstance(Project project, ModuleConfig config, String address, Map<String, Value> inputs, List<Path> callChain) {
    this(project, config, address, inputs, callChain, List.of());
  }

  private ModuleInstance(Project project, ModuleConfig config, String address, Map<String, Value> inputs,
      List<Path> callChain, List<Location> callSites) {
    this.callSites = List.copyOf(callSites);
    this.project = project;
    this.config = config;
    this.address = address;
    this.inputs = inputs;
    this.callChain = callChain;
    this.files = project.files(config.directory());
    this.budget = project.budget();
    this.scope = config.displayDirectory() + "#" + address;
  }

  public static ModuleInstance root(Project project, ModuleConfig config) {
    return new ModuleInstance(project, config, "", project.rootVariables(config), List.of(config.directory()));
  }

  /** An instance with no address and no inputs, for constant expressions (variable files, values given on the command line). */
  public static ModuleInstance constants(Project project, ModuleConfig config) {
    return new ModuleInstance(project, config, "", Map.of(), List.of());
  }

  ModuleConfig config() {
    return config;
  }

  String address() {
    return address;
  }

  /** The namespace references inside this instance live in. */
  String scope() {
    return scope;
  }

  /**
   * Marks the policy documents {@code e} names as used, without evaluating it (the branch of a
   * known condition that is not taken): a document only such a branch names is used by another
   * instance of the module, judged where that instance uses it, never alone as "used by no role".
   */
  @Override
  public void noteDocumentsIn(Expression e) {
    if (e instanceof Expression.GetAttr name && name.source() instanceof Expression.GetAttr type
        && type.source() instanceof Expression.Variable root && root.name().equals("data")) {
      useDocument(type.name(), name.name());
    }
    for (Expression child : Expression.children(e)) noteDocumentsIn(child);
  }

  /** {@code data.TYPE.NAME} is named here: a policy document, unless it names itself, is used. */
  private void useDocument(String type, String name) {
    if (type.equals("aws_iam_policy_document") && !names(evaluating, type, name)) {
      usedDocuments.add(prefix() + "data." + type + "." + name);
    }
  }

  /**
   * Whether {@code key} is {@code data.TYPE.NAME}, compared in place: this runs on every
   * expression of every instance, and the joined text was a sizeable share of what a scan made.
   */
  private static boolean names(String key, String type, String name) {
    return key.length() == 5 + type.length() + 1 + name.length() && key.startsWith("data.") && key.startsWith(type, 5)
        && key.charAt(5 + type.length()) == '.' && key.endsWith(name);
  }

  private String prefix() {
    return address.isEmpty() ? "" : address + ".";
  }

  // ---- everything, for the adapter ----

  /** Every resource and data source instance of this module and its children, in declaration order. */
  public List<TfResource> resources() {
    List<TfResource> out = new ArrayList<>();
    for (ModuleConfig.Decl d : config.resources().values()) out.addAll(toResources(d, "managed"));
    for (ModuleConfig.Decl d : config.dataSources().values()) out.addAll(toResources(d, "data"));
    List<ModuleConfig.Decl> outside = new ArrayList<>();
    for (String call : config.moduleCalls().keySet()) {
      List<ChildModule> children = children(call);
      for (ChildModule c : children) out.addAll(c.instance().resources());
      if (children.isEmpty()) outside.add(config.moduleCalls().get(call));
    }
    // A policy document that only an output or a module outside the scan receives is consumed
    // outside the scan: it stays "not in use", so rules judge it on its own. (Evaluated last, so
    // that every use inside the scan has been seen.)
    Set<String> used = new HashSet<>(usedDocuments);
    for (ModuleConfig.Decl call : outside) out.add(moduleCall(call));
    // Root outputs are what `terraform output` shows: a value that must not hold a secret.
    // (A child module's outputs reach no one unless the root passes them on.)
    if (address.isEmpty()) {
      for (ModuleConfig.Decl o : config.outputs().values()) out.add(outputOf(o));
    }
    usedDocuments.retainAll(used);
    for (ModuleConfig.Decl p : config.providers()) {
      String name = p.block().labels().isEmpty() ? "?" : p.block().labels().get(0).value();
      Location at = p.block().range().location(p.file());
      out.add(new TfResource(scope(), prefix() + "provider." + name, "provider", "provider", name,
          evalBody(p.block().body(), Scope.EMPTY, p, Set.of()), at, p.block().typeRange().location(p.file()), false, callSites));
    }
    return out;
  }

  /** A root output as a pseudo resource {@code output.NAME} with its {@code value} and {@code sensitive}. */
  private TfResource outputOf(ModuleConfig.Decl o) {
    Location at = o.block().range().location(o.file());
    Location header = o.block().typeRange().location(o.file()).span(o.block().labels().get(0).range().location(o.file()));
    List<Value.MapV.Entry> entries = new ArrayList<>();
    entries.add(new Value.MapV.Entry("value", header, output(o.name(), header)));
    ModuleConfig.attribute(o.block(), "sensitive").ifPresent(e ->
        entries.add(new Value.MapV.Entry("sensitive", header, eval(e, Scope.EMPTY, o.file()))));
    return new TfResource(scope(), "output." + o.name(), "output", "output", o.name(),
        new Value.MapV(entries, at, Provenance.LITERAL), at, header, false, callSites);
  }

  /** A module call whose source is not in the scan: only its arguments can be judged. */
  private TfResource moduleCall(ModuleConfig.Decl call) {
    Location at = call.block().range().location(call.file());
    Location header = call.block().typeRange().location(call.file()).span(call.block().labels().get(0).range().location(call.file()));
    Value.MapV args = evalBody(call.block().body(), Scope.EMPTY, call, Set.of("source", "version", "count", "for_each",
        "providers", "depends_on"));
    return new TfResource(scope(), prefix() + "module." + call.name(), "module", "module", call.name(), args, at, header,
        false, callSites);
  }

  /** Policy documents referenced by managed resources anywhere under this instance. */
  public Set<String> documentsInUse() {
    Set<String> all = new HashSet<>(usedDocuments);
    for (List<ChildModule> cs : childCache.values()) {
      for (ChildModule c : cs) all.addAll(c.instance().documentsInUse());
    }
    return all;
  }

  private List<TfResource> toResources(ModuleConfig.Decl d, String mode) {
    String key = (mode.equals("data") ? "data." : "") + d.type() + "." + d.name();
    List<TfResource> out = new ArrayList<>();
    for (Instance i : instances(d, mode.equals("data"))) {
      Location header = d.block().typeRange().location(d.file()).span(
          d.block().labels().get(d.block().labels().size() - 1).range().location(d.file()));
      out.add(new TfResource(scope(), i.address(), mode, d.type(), d.name(), i.values(),
          d.block().range().location(d.file()), header, i.symbolic(), callSites, unknownCount(i)));
    }
    if (out.isEmpty() && key.isEmpty()) return List.of();
    return out;
  }

  // ---- variables, locals, outputs ----

  /**
   * A variable's value: the one given (call argument, tfvars, environment, command line), else
   * its default, converted to its type. A value given for an undeclared variable still counts:
   * in a partial checkout the committed value is what will be used.
   */
  Value variable(String name, Location use) {
    Optional<Value> cached = variableCache.get(name);
    if (cached == null) {
      cached = Optional.ofNullable(variableValue(name));
      variableCache.put(name, cached);
    }
    ModuleConfig.Decl decl = config.variables().get(name);
    if (cached.isEmpty()) {
      if (decl == null) return unknown(Value.Cause.UNDECLARED, "variable \"" + name + "\" is not declared", use);
      return new Value.Unknown(Value.Cause.INPUT, "variable \"" + name + "\" has no value", Optional.empty(), Optional.empty(),
          use, Provenance.of("variable " + name, decl.block().range().location(decl.file())));
    }
    Value v = cached.get();
    // Scalars are reported where they are used; the provenance says where the value was written.
    return v instanceof Value.MapV || v instanceof Value.ListV ? v : v.withOrigin(use, Provenance.LITERAL);
  }

  /** A variable's value converted to its type, or null when it has none. */
  private Value variableValue(String name) {
    ModuleConfig.Decl decl = config.variables().get(name);
    Optional<Expression> type = decl == null ? Optional.empty() : ModuleConfig.attribute(decl.block(), "type");
    Value v = inputs.get(name);
    Optional<Value> defaultValue = Optional.empty();
    if (decl != null) {
      Optional<Expression> def = ModuleConfig.attribute(decl.block(), "default");
      if (def.isPresent() && (v == null || (notNullable(decl) && mayBeNull(v)))) {
        Value d = eval(def.get(), Scope.EMPTY, decl.file());
        defaultValue = Optional.of(d.withOrigin(d.location(), Provenance.of("default of variable " + name,
            def.get().range().location(decl.file()))));
      }
    }
    if (v == null) {
      v = defaultValue.orElse(null);
    } else if (defaultValue.isPresent()) {
      // nullable = false: Terraform gives the default to a caller that passes null.
      v = nullTakes(v, defaultValue.get());
    }
    if (v == null) return null;
    if (type.isPresent()) v = Types.convert(type.get(), v, this, decl.file());
    return v;
  }

  private static boolean notNullable(ModuleConfig.Decl decl) {
    return ModuleConfig.attribute(decl.block(), "nullable")
        .filter(e -> e instanceof Expression.Literal l && l.kind() == Expression.Literal.Kind.BOOL && l.text().equals("false"))
        .isPresent();
  }

  private static boolean mayBeNull(Value v) {
    return v.alternatives().stream().anyMatch(Value.Null.class::isInstance);
  }

  private Value local(String name, Location use) {
    ModuleConfig.Local local = config.locals().get(name);
    if (local == null) return unknown(Value.Cause.UNDECLARED, "local \"" + name + "\" is not declared", use);
    Value cached = localCache.get(name);
    if (cached != null) return cached;
    String key = "local." + name;
    if (!inProgress.add(key)) return unknown(Value.Cause.UNSUPPORTED, "local." + name + " refers to itself (a cycle)", use);
    try {
      Value v = eval(local.attribute().expression(), Scope.EMPTY, local.file());
      v = v.withOrigin(v.location(), Provenance.of("local." + name, local.attribute().range().location(local.file())));
      localCache.put(name, v);
      return v;
    } finally {
      inProgress.remove(key);
    }
  }

  Value output(String name, Location use) {
    ModuleConfig.Decl decl = config.outputs().get(name);
    if (decl == null) return unknown(Value.Cause.UNDECLARED, "output \"" + name + "\" is not declared in " + address, use);
    Value cached = outputCache.get(name);
    if (cached != null) return cached;
    String key = "output." + name;
    if (!inProgress.add(key)) return unknown(Value.Cause.UNSUPPORTED, "output " + name + " refers to itself", use);
    try {
      Optional<Expression> e = ModuleConfig.attribute(decl.block(), "value");
      Value v = e.map(x -> eval(x, Scope.EMPTY, decl.file())).orElseGet(() -> unknown(Value.Cause.UNDECLARED, "output has no value", use));
      outputCache.put(name, v);
      return v;
    } finally {
      inProgress.remove(key);
    }
  }

  // ---- instances of resources, data sources, modules ----

  List<Instance> instances(ModuleConfig.Decl d, boolean data) {
    String key = (data ? "data." : "") + d.type() + "." + d.name();
    List<Instance> cached = instanceCache.get(key);
    if (cached != null) return cached;
    if (!inProgress.add(key)) return List.of();
    String previous = evaluating;
    evaluating = key;
    try {
      List<Instance> out = new ArrayList<>();
      String base = prefix() + key;
      for (Binding b : bindings(d.block(), d.file())) {
        String instanceAddress = base + b.suffix();
        Value.MapV values = evalBody(d.block().body(), b.scope(), d, Set.of("count", "for_each", "provider",
            "depends_on", "lifecycle"));
        if (data) values = DataSources.complete(d.type(), values, this, instanceAddress, d.block().range().location(d.file()));
        if (data && d.type().equals("aws_caller_identity") && !oneAwsProvider()) {
          values = DataSources.callerOfAnotherProvider(values, scope(), instanceAddress, providerOf(d.block()),
              d.block().range().location(d.file()));
        }
        Value.MapV marked = new Value.MapV(values.entries(), values.location(),
            Provenance.of(EvaluatedValues.INSTANCE_MARK + instanceAddress));
        out.add(new Instance(instanceAddress, b.key(), marked, b.symbolic()));
      }
      instanceCache.put(key, out);
      return out;
    } finally {
      evaluating = previous;
      inProgress.remove(key);
    }
  }

  /**
   * Whether every resource and data source of this module is deployed into one account: the
   * module's {@code aws} provider blocks (the default and its aliases) all have the same account
   * settings ({@link #ACCOUNT_SETTINGS}: a region alias for an ACM certificate reaches the same
   * account), and no block names an {@code aws} provider this module does not configure (one a
   * caller passes in, whose account is not known here). Only then is
   * {@code data.aws_caller_identity}'s account that of the module's roles; otherwise (a landing
   * zone that assumes a role into each member account) it may be another account, and which is
   * not known.
   */
  private boolean oneAwsProvider() {
    if (oneAwsProvider == null) {
      Set<String> settings = new HashSet<>();
      Set<String> configured = new HashSet<>(Set.of("aws"));
      for (ModuleConfig.Decl p : config.providers()) {
        if (p.block().labels().isEmpty() || !p.block().labels().get(0).value().equals("aws")) continue;
        Value.MapV values = evalBody(p.block().body(), Scope.EMPTY, p, Set.of());
        values.get("alias").flatMap(Value::asText).ifPresent(a -> configured.add("aws." + a));
        StringBuilder key = new StringBuilder();
        for (String name : ACCOUNT_SETTINGS) values.get(name).ifPresent(v -> key.append(name).append('=').append(whole(v)).append('\n'));
        settings.add(key.toString());
      }
      boolean one = settings.size() <= 1;
      for (Map<String, ModuleConfig.Decl> blocks : List.of(config.resources(), config.dataSources())) {
        for (ModuleConfig.Decl d : blocks.values()) {
          String provider = providerOf(d.block());
          // Another provider's alias (kubernetes.eks, google.x) leaves the AWS resources where they were.
          if (provider.equals("?") || provider.startsWith("aws.") && !configured.contains(provider)) one = false;
        }
      }
      oneAwsProvider = one;
    }
    return oneAwsProvider;
  }

  /** {@code v} written out whole (display() abridges lists and maps), to compare providers' settings. */
  private static String whole(Value v) {
    if (v instanceof Value.ListV l) {
      StringBuilder sb = new StringBuilder("[");
      for (Value item : l.items()) sb.append(whole(item)).append(',');
      return sb.append(']').toString();
    }
    if (v instanceof Value.MapV m) {
      TreeMap<String, String> entries = new TreeMap<>();
      for (Value.MapV.Entry e : m.entries()) entries.put(e.key(), whole(e.value()));
      return entries.toString();
    }
    if (v instanceof Value.OneOf o) {
      StringBuilder sb = new StringBuilder("one of [");
      for (Value a : o.alternatives()) sb.append(whole(a)).append(',');
      return sb.append(']').toString();
    }
    return v.display();
  }

  /** The settings of an {@code aws} provider that decide which account it deploys into. */
  private static final List<String> ACCOUNT_SETTINGS = List.of("assume_role", "assume_role_with_web_identity", "profile",
      "access_key", "secret_key", "token", "shared_credentials_file", "shared_credentials_files", "shared_config_files",
      "allowed_account_ids");

  /** The provider a block names ({@code aws.member}), {@code aws} when it names none, {@code ?} when not readable. */
  private static String providerOf(Body.Block block) {
    Optional<Expression> provider = ModuleConfig.attribute(block, "provider");
    if (provider.isEmpty()) return "aws";
    Expression e = provider.get();
    if (e instanceof Expression.Variable v) return v.name();
    if (e instanceof Expression.GetAttr g && g.source() instanceof Expression.Variable v) return v.name() + "." + g.name();
    // .tf.json: "provider": "aws.peer"
    if (e instanceof Expression.Template t && t.literal().isPresent()) return t.literal().get();
    return "?";
  }

  /**
   * Why a symbolic instance's count or for_each is not known, with where the value came from
   * ("variable \"create\" has no value (from variable create (main.tf:3))"), for messages.
   */
  private static Optional<String> unknownCount(Instance i) {
    if (!i.symbolic() || !(i.key().orElse(null) instanceof Value.Unknown u)) return Optional.empty();
    String reason = u.reason();
    int open = reason.indexOf(" (");
    if (open >= 0 && reason.endsWith(")") && reason.startsWith(COUNT_MARK_PREFIXES.get(0)) || reason.startsWith(COUNT_MARK_PREFIXES.get(1))) {
      reason = reason.substring(open + 2, reason.length() - 1);
    }
    return Optional.of(reason + u.provenance().suffix());
  }

  private static final List<String> COUNT_MARK_PREFIXES = List.of("count.index of an unknown count", "each.key of an unknown for_each");

  /** How count/for_each expand a block: each instance's address suffix, key and names in scope. */
  record Binding(String suffix, Optional<Value> key, Scope scope, boolean symbolic) {}

  private List<Binding> bindings(Body.Block block, String file) {
    Optional<Expression> count = ModuleConfig.attribute(block, "count");
    Optional<Expression> forEach = ModuleConfig.attribute(block, "for_each");
    Location at = block.range().location(file);
    if (count.isPresent()) {
      Value n = eval(count.get(), Scope.EMPTY, file);
      // A count chosen by a condition that cannot be decided is still known when every branch agrees.
      Optional<BigDecimal> number = agreed(n.alternatives().stream().map(Value::asNumber).toList());
      Optional<Budget.Exceeded> over = number.flatMap(c -> expansion(c.max(BigDecimal.ZERO)));
      if (over.isPresent()) n = cut(over.get(), count.get().range().location(file));
      if (number.isEmpty() || over.isPresent()) {
        Value index = unknown(causeOf(n), "count.index of an unknown count (" + reason(n) + ")", at);
        return List.of(new Binding("[*]", Optional.of(index), Scope.EMPTY.with("count.index", index), true));
      }
      List<Binding> out = new ArrayList<>();
      for (int i = 0; i < number.get().intValue(); i++) {
        Value index = new Value.Num(BigDecimal.valueOf(i), at, Provenance.of("count.index"));
        out.add(new Binding("[" + i + "]", Optional.of(index), Scope.EMPTY.with("count.index", index), false));
      }
      return out;
    }
    if (forEach.isPresent()) {
      Value collection = eval(forEach.get(), Scope.EMPTY, file);
      // Each branch of an undecidable condition gives its instances; they are known when every
      // branch gives the same keys (two empty maps create nothing), each.value one of theirs.
      List<Optional<List<Binding>>> branches = collection.alternatives().stream().map(this::forEachBindings).toList();
      Optional<List<Binding>> agreed = mergeBranches(branches, at);
      if (agreed.isPresent()) {
        Optional<Budget.Exceeded> over = expansion(BigDecimal.valueOf(agreed.get().size()));
        if (over.isEmpty()) return agreed.get();
        collection = cut(over.get(), forEach.get().range().location(file));
      }
      Value unknownKey = unknown(causeOf(collection), "each.key of an unknown for_each (" + reason(collection) + ")", at);
      Value unknownValue = unknown(causeOf(collection), "each.value of an unknown for_each (" + reason(collection) + ")", at);
      return List.of(new Binding("[*]", Optional.of(unknownKey),
          Scope.EMPTY.with("each.key", unknownKey).with("each.value", unknownValue), true));
    }
    return List.of(new Binding("", Optional.empty(), Scope.EMPTY, false));
  }

  /**
   * Whether a block may have {@code n} instances: at most {@link Budget#MAX_ELEMENTS}, each a step
   * of the budget. Past a limit, the block has one symbolic instance, as for an unknown count.
   */
  private Optional<Budget.Exceeded> expansion(BigDecimal n) {
    try {
      if (n.compareTo(BigDecimal.valueOf(Budget.MAX_ELEMENTS)) > 0) Budget.instances();
      budget.charge(n.longValue());
      return Optional.empty();
    } catch (Budget.Exceeded x) {
      return Optional.of(x);
    }
  }

  /** Unknown for the reason {@code v} is: past a limit, or (most of the time) an input. */
  private static Value.Cause causeOf(Value v) {
    return v.alternatives().stream().anyMatch(Budget::isCut) ? Value.Cause.LIMIT : Value.Cause.INPUT;
  }

  private static <T> Optional<T> agreed(List<Optional<T>> values) {
    if (values.isEmpty() || values.stream().anyMatch(Optional::isEmpty)) return Optional.empty();
    T first = values.get(0).get();
    return values.stream().allMatch(v -> v.get().equals(first)) ? Optional.of(first) : Optional.empty();
  }

  /** The instances of one known for_each collection (a map, or a set of strings); empty when it is not known. */
  private Optional<List<Binding>> forEachBindings(Value collection) {
    List<Binding> out = new ArrayList<>();
    if (collection instanceof Value.MapV m) {
      for (Value.MapV.Entry e : m.entries()) {
        if (InstanceMarks.standsForUnknownInstances(e)) {
          // for_each over a resource whose own for_each is not known: as many instances, keys not known.
          Value key = InstanceMarks.key(e, m.location());
          out.add(new Binding("[*]", Optional.of(key), Scope.EMPTY.with("each.key", key).with("each.value", e.value()), true));
          continue;
        }
        Value key = new Value.Str(e.key(), e.keyLocation(), Provenance.of("each.key"));
        out.add(new Binding("[\"" + e.key() + "\"]", Optional.of(key),
            Scope.EMPTY.with("each.key", key).with("each.value", e.value()), false));
      }
      return Optional.of(out);
    }
    if (collection instanceof Value.ListV l && l.items().stream().allMatch(v -> v.asText().isPresent())) {
      for (Value item : l.items()) {
        String k = item.asText().orElseThrow();
        out.add(new Binding("[\"" + k + "\"]", Optional.of(item), Scope.EMPTY.with("each.key", item).with("each.value", item), false));
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }

  /**
   * One branch's bindings, or the bindings all branches agree on: the same keys (in any order:
   * map keys are unordered), each.value one of the branches' values for that key.
   */
  private static Optional<List<Binding>> mergeBranches(List<Optional<List<Binding>>> branches, Location at) {
    if (branches.isEmpty() || branches.stream().anyMatch(Optional::isEmpty)) return Optional.empty();
    List<Binding> first = branches.get(0).get();
    if (branches.size() == 1) return Optional.of(first);
    Set<String> keys = new HashSet<>(first.stream().map(Binding::suffix).toList());
    for (Optional<List<Binding>> b : branches) {
      if (!new HashSet<>(b.get().stream().map(Binding::suffix).toList()).equals(keys)) return Optional.empty();
    }
    List<Map<String, Binding>> bySuffix = new ArrayList<>();
    for (Optional<List<Binding>> b : branches) {
      Map<String, Binding> m = new HashMap<>();
      for (Binding x : b.get()) m.putIfAbsent(x.suffix(), x);
      bySuffix.add(m);
    }
    List<Binding> out = new ArrayList<>();
    for (Binding base : first) {
      List<Value> values = new ArrayList<>();
      for (Map<String, Binding> m : bySuffix) {
        Optional.ofNullable(m.get(base.suffix())).flatMap(x -> x.scope().get("each.value")).ifPresent(values::add);
      }
      Value value = values.size() == 1 ? values.get(0) : new Value.OneOf(values, at, Provenance.LITERAL);
      Value key = base.key().orElseThrow();
      out.add(new Binding(base.suffix(), base.key(), Scope.EMPTY.with("each.key", key).with("each.value", value), base.symbolic()));
    }
    return Optional.of(out);
  }

  List<ChildModule> children(String name) {
    List<ChildModule> cached = childCache.get(name);
    if (cached != null) return cached;
    ModuleConfig.Decl call = config.moduleCalls().get(name);
    if (call == null || !inProgress.add("module." + name)) return List.of();
    try {
      List<ChildModule> out = new ArrayList<>();
      Optional<String> source = ModuleConfig.attribute(call.block(), "source")
          .flatMap(e -> eval(e, Scope.EMPTY, call.file()).asText());
      Optional<Path> dir = source.flatMap(s -> project.moduleSource(config, moduleKey(name), s));
      Optional<ModuleConfig> child = dir.flatMap(project::module);
      if (child.isEmpty()) {
        Location at = call.block().typeRange().location(call.file()).span(call.block().labels().get(0).range().location(call.file()));
        String why = source.map(s -> "source \"" + s + "\" is " + (dir.isPresent() ? "not readable"
            : s.startsWith("./") || s.startsWith("../") ? "not inside the scan root" : "not installed (run terraform init)"))
            .orElse("its source is not known");
        unread.put(name, new UnreadPart(prefix() + "module." + name + ": " + why, at, true));
      }
      if (child.isEmpty() || callChain.contains(child.get().directory())) {
        childCache.put(name, out);
        return out;
      }
      List<Path> chain = new ArrayList<>(callChain);
      chain.add(child.get().directory());
      for (Binding b : bindings(call.block(), call.file())) {
        Map<String, Value> childInputs = new LinkedHashMap<>();
        Value.MapV args = evalBody(call.block().body(), b.scope(), call,
            Set.of("source", "version", "count", "for_each", "providers", "depends_on"));
        for (Value.MapV.Entry e : args.entries()) {
          childInputs.put(e.key(), e.value().withOrigin(e.value().location(),
              Provenance.of("argument " + e.key() + " of module." + name, e.keyLocation())));
        }
        String childAddress = prefix() + "module." + name + b.suffix();
        List<Location> sites = new ArrayList<>(callSites);
        sites.add(call.block().typeRange().location(call.file()).span(call.block().labels().get(0).range().location(call.file())));
        ModuleInstance instance = new ModuleInstance(project, child.get(), childAddress, childInputs, chain, sites);
        out.add(new ChildModule(childAddress, b.key(), instance));
      }
      childCache.put(name, out);
      return out;
    } finally {
      inProgress.remove("module." + name);
    }
  }

  /** The key terraform init uses for a module call in modules.json ("a.b" for nested calls). */
  private String moduleKey(String name) {
    String path = address.replaceAll("\\[[^]]*]", "").replace("module.", "");
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The module calls of this instance and of every module it calls whose module could not be read. */
  public List<UnreadPart> unreadParts() {
    List<UnreadPart> out = new ArrayList<>();
    for (String call : config.moduleCalls().keySet()) children(call);
    out.addAll(unread.values());
    for (ModuleInstance child : childInstances()) out.addAll(child.unreadParts());
    return out;
  }

  /** The modules called by this instance, evaluated. */
  List<ModuleInstance> childInstances() {
    List<ModuleInstance> out = new ArrayList<>();
    for (String call : config.moduleCalls().keySet()) children(call).forEach(c -> out.add(c.instance()));
    return out;
  }

  // ---- bodies ----

  /** Arguments and nested blocks (lists of maps by block type, dynamic blocks expanded). */
  Value.MapV evalBody(Body body, Scope scope, ModuleConfig.Decl decl, Set<String> skipped) {
    List<Value.MapV.Entry> entries = new ArrayList<>();
    for (Body.Attribute a : body.attributes()) {
      if (skipped.contains(a.name())) continue;
      String file = config.fileOf(a, decl);
      Location at = a.expression().range().location(file);
      entries.add(new Value.MapV.Entry(a.name(), a.nameRange().location(file), atUse(charged(eval(a.expression(), scope, file),
          at), at)));
    }
    Map<String, List<Value>> blocks = new LinkedHashMap<>();
    Map<String, Location> blockKeys = new LinkedHashMap<>();
    for (Body.Block b : body.blocks()) {
      if (skipped.contains(b.type())) continue;
      String file = config.fileOf(b, decl);
      if (b.type().equals("dynamic") && !b.labels().isEmpty()) {
        String type = b.labels().get(0).value();
        blockKeys.putIfAbsent(type, b.typeRange().location(file));
        blocks.computeIfAbsent(type, k -> new ArrayList<>()).addAll(dynamic(b, scope, decl, file));
        continue;
      }
      blockKeys.putIfAbsent(b.type(), b.typeRange().location(file));
      blocks.computeIfAbsent(b.type(), k -> new ArrayList<>()).add(evalBody(b.body(), scope, decl, Set.of()));
    }
    for (Map.Entry<String, List<Value>> e : blocks.entrySet()) {
      Location at = blockKeys.get(e.getKey());
      // In JSON syntax the static blocks of a type are an argument of that name: the dynamic ones join them.
      List<Value> all = new ArrayList<>();
      for (int i = entries.size() - 1; i >= 0; i--) {
        if (entries.get(i).key().equals(e.getKey())) {
          all.addAll(entries.remove(i).value().items());
          break;
        }
      }
      all.addAll(e.getValue());
      entries.add(new Value.MapV.Entry(e.getKey(), at, new Value.ListV(all, at, Provenance.LITERAL)));
    }
    return new Value.MapV(entries, body.range().location(decl.file()), Provenance.LITERAL);
  }



  private List<Value> dynamic(Body.Block b, Scope scope, ModuleConfig.Decl decl, String file) {
    String iterator = ModuleConfig.attribute(b, "iterator")
        .filter(Expression.Variable.class::isInstance).map(e -> ((Expression.Variable) e).name())
        .orElse(b.labels().get(0).value());
    Optional<Body.Block> content = b.body().blocks("content").stream().findFirst();
    Optional<Expression> forEach = ModuleConfig.attribute(b, "for_each");
    if (content.isEmpty() || forEach.isEmpty()) return List.of();
    Value collection = eval(forEach.get(), scope, file);
    List<Value> out = new ArrayList<>();
    Location at = b.range().location(file);
    List<Map.Entry<Value, Value>> items = new ArrayList<>();
    if (collection instanceof Value.MapV m) {
      for (Value.MapV.Entry e : m.entries()) items.add(Map.entry(InstanceMarks.key(e, at), e.value()));
    } else if (collection instanceof Value.ListV l) {
      for (int i = 0; i < l.items().size(); i++) {
        items.add(Map.entry(new Value.Num(BigDecimal.valueOf(i), at, Provenance.LITERAL), l.items().get(i)));
      }
    }
    Optional<Budget.Exceeded> over = expansion(BigDecimal.valueOf(items.size()));
    if (over.isPresent()) {
      collection = cut(over.get(), forEach.get().range().location(file));
      items.clear();
    }
    if (!(collection instanceof Value.MapV) && !(collection instanceof Value.ListV)) {
      // Unknown collection: one symbolic block whose iterator is unknown.
      Value u = unknown(causeOf(collection), "dynamic block over an unknown collection (" + reason(collection) + ")", at);
      items.add(Map.entry(u, u));
    }
    for (Map.Entry<Value, Value> item : items) {
      Value iter = new Value.MapV(List.of(new Value.MapV.Entry("key", at, item.getKey()),
          new Value.MapV.Entry("value", at, item.getValue())), at, Provenance.LITERAL);
      out.add(evalBody(content.get().body(), scope.with(iterator, iter), decl, Set.of()));
    }
    return out;
  }

  // ---- expressions ----

  /**
   * The value of {@code e}. Every evaluation is a step of the budget, and its value is checked
   * against the budget's limits: past one, the value is unknown with the reason and the place is
   * noted (the innermost expression where the limit was reached).
   */
  @Override
  public Value eval(Expression e, Scope scope, String file) {
    try {
      budget.enter();
      try {
        budget.charge(1);
        return Budget.checked(new Expressions(this, scope, file).eval(e));
      } finally {
        budget.exit();
      }
    } catch (Budget.Exceeded x) {
      return budget.cut(x, e.range().location(file));
    }
  }

  /** The value of {@code e} written in {@code file}, with no names bound (a constant). */
  public Value eval(Expression e, String file) {
    return eval(e, Scope.EMPTY, file);
  }

  /** Counts steps done outside {@link #eval} for this evaluation (a function's work, instances). */
  @Override
  public void charge(long steps) {
    budget.charge(steps);
  }

  /** {@code v}, counted as what the rules will read at {@code at}; unknown past the budget. */
  private Value charged(Value v, Location at) {
    try {
      budget.charge(v.weight());
      return v;
    } catch (Budget.Exceeded x) {
      return budget.cut(x, at);
    }
  }

  /** The unknown value a limit reached at {@code at} gives; the place is noted. */
  @Override
  public Value.Unknown cut(Budget.Exceeded x, Location at) {
    return budget.cut(x, at);
  }

  /** Resolves a traversal root that is not a scope variable: var, local, module, data, resource... */
  @Override
  public Value root(String name, List<Expression> steps, Scope scope, String file, Location at, List<Integer> consumed) {
    switch (name) {
      case "var": {
        Optional<String> n = attrName(steps, 0);
        if (n.isEmpty()) return unknown(Value.Cause.UNSUPPORTED, "var must be followed by a name", at);
        consumed.add(1);
        return variable(n.get(), at);
      }
      case "local": {
        Optional<String> n = attrName(steps, 0);
        if (n.isEmpty()) return unknown(Value.Cause.UNSUPPORTED, "local must be followed by a name", at);
        consumed.add(1);
        return local(n.get(), at);
      }
      case "path": {
        // Terraform runs in the root module: path.root is ".", path.module is relative to it, and
        // file() paths resolve against it. path.cwd is the absolute directory Terraform was started
        // in (before -chdir): not known here.
        Optional<String> n = attrName(steps, 0);
        consumed.add(1);
        if (n.orElse("").equals("cwd")) {
          return unknown(Value.Cause.DEPLOY_TIME, "path.cwd is the directory Terraform is run from", at);
        }
        Path runsIn = files.moduleDirectory();
        // Outside a module (a value in a .tfvars file), there is no module path to give.
        if (n.orElse("").equals("module") && runsIn.isAbsolute() != config.directory().isAbsolute()) {
          return unknown(Value.Cause.UNSUPPORTED, "path.module has no value outside a module", at);
        }
        String value = n.orElse("").equals("module") ? runsIn.relativize(config.directory()).toString() : ".";
        return new Value.Str(value.isEmpty() ? "." : value, at, Provenance.of("path." + n.orElse("")));
      }
      case "terraform": {
        consumed.add(1);
        // The workspace is selected when Terraform runs: a configuration that reads it expects named ones.
        return project.workspace().<Value>map(w -> new Value.Str(w, at, Provenance.of("terraform.workspace (TF_WORKSPACE)")))
            .orElseGet(() -> unknown(Value.Cause.INPUT, "terraform.workspace is the workspace selected when Terraform runs"
                + " (set TF_WORKSPACE to judge one)", at));
      }
      case "self":
        return unknown(Value.Cause.DEPLOY_TIME, "self is known only during apply", at);
      case "module":
        return moduleReference(steps, scope, file, at, consumed);
      case "data": {
        Optional<String> type = attrName(steps, 0);
        Optional<String> n = attrName(steps, 1);
        if (type.isEmpty() || n.isEmpty()) return unknown(Value.Cause.UNSUPPORTED, "incomplete data reference", at);
        consumed.add(2);
        ModuleConfig.Decl d = config.dataSources().get(type.get() + "." + n.get());
        if (d == null) {
          return new Value.Unknown(Value.Cause.UNDECLARED, "data." + type.get() + "." + n.get() + " is not declared",
              Optional.of(new Reference(scope(), prefix() + "data." + type.get() + "." + n.get(), "")), Optional.empty(), at,
              Provenance.LITERAL);
        }
        // Referenced anywhere (a resource, or another document it is merged into): judged there.
        useDocument(type.get(), n.get());
        return resourceReference(d, true, steps, 2, scope, file, at, consumed);
      }
      case "resource": {
        // resource.TYPE.NAME (Terraform 1.x): a managed resource, named so where its type would read as another root.
        Optional<String> type = attrName(steps, 0);
        Optional<String> n = attrName(steps, 1);
        if (type.isEmpty() || n.isEmpty()) return unknown(Value.Cause.UNSUPPORTED, "incomplete resource reference", at);
        consumed.add(2);
        ModuleConfig.Decl d = config.resources().get(type.get() + "." + n.get());
        if (d == null) {
          return new Value.Unknown(Value.Cause.UNDECLARED, type.get() + "." + n.get() + " is not declared",
              Optional.of(new Reference(scope(), prefix() + type.get() + "." + n.get(), "")), Optional.empty(), at, Provenance.LITERAL);
        }
        return resourceReference(d, false, steps, 2, scope, file, at, consumed);
      }
      default: {
        Optional<String> n = attrName(steps, 0);
        if (n.isEmpty()) return unknown(Value.Cause.UNDECLARED, "\"" + name + "\" is not a known name", at);
        ModuleConfig.Decl d = config.resources().get(name + "." + n.get());
        consumed.add(1);
        if (d == null) {
          return new Value.Unknown(Value.Cause.UNDECLARED, name + "." + n.get() + " is not declared",
              Optional.of(new Reference(scope(), prefix() + name + "." + n.get(), "")), Optional.empty(), at, Provenance.LITERAL);
        }
        return resourceReference(d, false, steps, 1, scope, file, at, consumed);
      }
    }
  }

  /**
   * {@code TYPE.NAME[key].attr}: picks the instance and the attribute lazily, so that
   * referring to one attribute never evaluates the others. An attribute not written in the
   * configuration is computed at apply: an unknown that remembers which instance it belongs to.
   */
  private Value resourceReference(ModuleConfig.Decl d, boolean data, List<Expression> steps, int used, Scope scope,
      String file, Location at, List<Integer> consumed) {
    List<Instance> instances = instances(d, data);
    boolean counted = ModuleConfig.attribute(d.block(), "count").isPresent();
    boolean forEach = ModuleConfig.attribute(d.block(), "for_each").isPresent();
    String base = prefix() + (data ? "data." : "") + d.type() + "." + d.name();
    if (instances.isEmpty() && !counted && !forEach) {
      return unknown(Value.Cause.UNSUPPORTED, base + " refers to itself (a cycle)", at);
    }
    int next = used;
    Instance chosen = null;
    if (!counted && !forEach) {
      chosen = instances.get(0);
    } else if (next < steps.size() && steps.get(next) instanceof Expression.Index ix) {
      Value key = eval(ix.key(), scope, file);
      next++;
      chosen = instanceAt(base, instances, key);
      if (chosen == null) {
        consumed.add(next - used + 1);
        return new Value.Unknown(Value.Cause.INPUT, base + "[" + key.asText().orElse("?") + "] is not a known instance",
            Optional.of(new Reference(scope(), base, "")), Optional.empty(), at, Provenance.LITERAL);
      }
    }
    if (chosen == null) {
      consumed.add(next - used);
      return collection(instances, forEach, at);
    }
    Optional<String> attr = attrName(steps, next);
    if (attr.isEmpty()) {
      consumed.add(next - used);
      return chosen.values();
    }
    consumed.add(next - used + 1);
    Optional<Value> v = chosen.values().get(attr.get());
    if (v.isEmpty()) return computed(chosen.address(), attr.get(), at);
    if (attr.get().equals("name") && GeneratedNames.generates(chosen.address(), chosen.values())) {
      // No name given: the provider generates one. The element exists; its name is known after apply.
      v = Optional.of(EvaluatedValues.nullTakes(v.get(), computed(chosen.address(), attr.get(), at)));
    }
    return ofInstance(chosen.address(), attr.get(), v.get());
  }

  @Override
  public Value ofInstance(String instanceAddress, String attribute, Value v) {
    // An unknown argument still belongs to this instance: keep the link for the model. A name
    // built around another value ("worker-${random_string.suffix.result}") is this instance's
    // name too, not that value: only a name that is the other value as a whole passes it on.
    if (v instanceof Value.Unknown u && (u.reference().isEmpty() || attribute.equals("name") && composed(u))) {
      return new Value.Unknown(u.cause(), u.reason(), Optional.of(new Reference(scope(), instanceAddress, attribute)),
          u.partial(), u.location(), u.provenance());
    }
    return v;
  }

  /** A partly known text: other characters around the unknown part. */
  private static boolean composed(Value.Unknown u) {
    return u.partial().map(p -> !p.isEmpty() && !p.equals(String.valueOf(Value.Unknown.HOLE))).orElse(false);
  }

  /**
   * The instance {@code key} designates: the symbolic one when the instances are not known, else
   * the first whose key reads the same (looked up, not searched: a for_each of thousands of
   * instances is referred to by key from thousands of others).
   */
  private Instance instanceAt(String base, List<Instance> instances, Value key) {
    if (!instances.isEmpty() && instances.get(0).symbolic()) return instances.get(0);
    Optional<String> text = key.asText();
    if (text.isEmpty() || instances.isEmpty()) return null;
    Map<String, Instance> byKey = instancesByKey.computeIfAbsent(base, b -> {
      Map<String, Instance> m = new HashMap<>();
      for (Instance i : instances) {
        if (i.symbolic()) continue;
        i.key().flatMap(Value::asText).ifPresent(k -> m.putIfAbsent(k, i));
      }
      return m;
    });
    return byKey.get(text.get());
  }

  private Value collection(List<Instance> instances, boolean forEach, Location at) {
    budget.charge(instances.size());
    if (forEach) {
      List<Value.MapV.Entry> entries = new ArrayList<>();
      for (Instance i : instances) entries.add(new Value.MapV.Entry(i.key().flatMap(Value::asText).orElse("*"), at, i.values()));
      return new Value.MapV(entries, at, Provenance.LITERAL);
    }
    return new Value.ListV(instances.stream().map(i -> (Value) i.values()).toList(), at, Provenance.LITERAL);
  }

  /** An attribute set by the provider at apply (arn, id, unique_id, ...). */
  @Override
  public Value computed(String instanceAddress, String attribute, Location at) {
    return new Value.Unknown(Value.Cause.DEPLOY_TIME, instanceAddress + "." + attribute + " is known only after apply",
        Optional.of(new Reference(scope(), instanceAddress, attribute)), Optional.empty(), at, Provenance.LITERAL);
  }

  private Value moduleReference(List<Expression> steps, Scope scope, String file, Location at, List<Integer> consumed) {
    Optional<String> name = attrName(steps, 0);
    if (name.isEmpty()) return unknown(Value.Cause.UNSUPPORTED, "module must be followed by a name", at);
    if (!config.moduleCalls().containsKey(name.get())) {
      consumed.add(1);
      return unknown(Value.Cause.UNDECLARED, "module." + name.get() + " is not declared", at);
    }
    List<ChildModule> children = children(name.get());
    boolean multi = ModuleConfig.attribute(config.moduleCalls().get(name.get()).block(), "count").isPresent()
        || ModuleConfig.attribute(config.moduleCalls().get(name.get()).block(), "for_each").isPresent();
    int next = 1;
    ChildModule chosen = null;
    if (!multi && !children.isEmpty()) {
      chosen = children.get(0);
    } else if (multi && next < steps.size() && steps.get(next) instanceof Expression.Index ix) {
      Value key = eval(ix.key(), scope, file);
      next++;
      for (ChildModule c : children) {
        if (c.key().isEmpty() || c.key().get() instanceof Value.Unknown
            || c.key().get().asText().equals(key.asText())) {
          chosen = c;
          break;
        }
      }
    }
    Optional<String> output = attrName(steps, next);
    if (chosen == null || output.isEmpty()) {
      consumed.add(next + (output.isPresent() ? 1 : 0));
      // A module whose source is not in the scan (a registry or git source) still has its
      // outputs: a value from outside, as an input is, not an error for try() or can().
      return unknown(Value.Cause.INPUT,
          "module." + name.get() + " could not be evaluated here (its source is not in the scan)", at);
    }
    consumed.add(next + 1);
    return chosen.instance().output(output.get(), at);
  }

  private static Optional<String> attrName(List<Expression> steps, int i) {
    if (i < steps.size() && steps.get(i) instanceof Expression.GetAttr g) return Optional.of(g.name());
    return Optional.empty();
  }

  @Override
  public String partition() {
    return project.partition();
  }

  @Override
  public FileAccess files() {
    return files;
  }



}
