package dev.iamlint.cloudformation;

import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Budget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Serverless Framework service ({@code serverless.yml}, v1 to v4) as the CloudFormation template
 * the framework compiles it into, for the IAM it deploys:
 *
 * <ul>
 *   <li>the shared execution role {@code IamRoleLambdaExecution} (trusted by Lambda) with the
 *       statements of {@code provider.iam.role.statements} (v3+) or {@code
 *       provider.iamRoleStatements} (v1/v2), the managed policies of {@code
 *       provider.iam.role.managedPolicies} or {@code provider.iamManagedPolicies}, and the
 *       permissions boundary; created when a function has no role of its own and the provider
 *       names no existing role;</li>
 *   <li>one role per function with {@code iamRoleStatements} when the service uses the plugin
 *       {@code serverless-iam-roles-per-function} ({@code <Function>IamRoleLambdaExecution});</li>
 *   <li>one {@code AWS::Lambda::Function} per function ({@code <Function>LambdaFunction}) with its
 *       environment (the provider's and its own);</li>
 *   <li>{@code resources}: {@code Resources}, {@code Outputs}, {@code Conditions},
 *       {@code Parameters} and {@code Mappings}, a CloudFormation fragment taken as written.</li>
 * </ul>
 *
 * <p>Variables are resolved as the framework resolves them when they can be from the file itself:
 * {@code ${self:path}}, {@code ${sls:stage}} (the provider's stage, else dev), and the fallbacks of
 * {@code ${opt:stage, 'dev'}}. The others ({@code ${env:X}}, {@code ${ssm:...}}, {@code ${cf:...}},
 * {@code ${s3:...}}, {@code ${file(...)}}, an option without fallback) are unknown, with the
 * reason: a string that holds one is partly known. Every node keeps where it is written, so
 * findings point into {@code serverless.yml}.
 */
public final class Serverless {
  private Serverless() {}

  /** The per-function roles plugin. */
  private static final String PER_FUNCTION_ROLES = "serverless-iam-roles-per-function";
  /** Where {@code ${source:...}} or {@code ${file(...)}} starts; not {@code ${AWS::Region}} nor {@code ${Name}} (Fn::Sub's). */
  private static final Pattern VARIABLE_START = Pattern.compile("\\$\\{\\s*[A-Za-z0-9]+(?::(?!:)|\\()");
  private static final int MAX_DEPTH = 16;

  /** The template the service in {@code root} compiles to; empty when {@code root} is not a service. */
  public static Optional<Template> template(String file, Node root, String source) {
    if (!(root instanceof MapNode service) || service.get("provider").isEmpty()) return Optional.empty();
    Resolver resolver = new Resolver(service);
    MapNode resolved = (MapNode) resolver.resolve(service, 0);
    return Optional.of(Template.compiled(file, compile(resolved), source));
  }

  private static MapNode compile(MapNode service) {
    Location at = service.location();
    MapNode provider = service.map("provider").orElse(new MapNode(List.of(), at));
    Optional<MapNode> iam = provider.map("iam");
    Optional<Node> roleSetting = iam.flatMap(i -> i.get("role")).or(() -> provider.get("role"));
    Optional<MapNode> role = roleSetting.filter(MapNode.class::isInstance).map(MapNode.class::cast)
        .filter(m -> !Evaluator.isFunction(m));
    // A string (or an intrinsic) names an existing role: the framework creates none.
    boolean providerNamesRole = roleSetting.isPresent() && role.isEmpty();
    Optional<Node> statements = role.flatMap(r -> r.get("statements")).or(() -> provider.get("iamRoleStatements"));
    Optional<Node> managed = role.flatMap(r -> r.get("managedPolicies")).or(() -> provider.get("iamManagedPolicies"));
    Optional<Node> boundary = role.flatMap(r -> r.get("permissionsBoundary")).or(() -> role.flatMap(r -> r.get("permissionBoundary")))
        .or(() -> provider.get("rolePermissionsBoundary"));
    boolean perFunctionRoles = usesPlugin(service, PER_FUNCTION_ROLES);
    // The plugin's own setting puts a boundary on the shared role too.
    Optional<Node> pluginBoundary = perFunctionRoles
        ? service.map("custom").flatMap(c -> c.map(PER_FUNCTION_ROLES)).flatMap(c -> c.get("iamGlobalPermissionsBoundary"))
        : Optional.empty();
    Optional<Node> sharedBoundary = pluginBoundary.or(() -> boundary);
    // The framework names the role's policy <service>-<stage>-lambda with an Fn::Join (the
    // per-function roles plugin copies the shared role, and its policy name with it); the stage is
    // the provider's, else dev. A part that is not known leaves the name partly known.
    Node policyName = map(List.of(entry("Fn::Join", new ListNode(List.of(scalar("-", at), new ListNode(List.of(
        service.get("service").orElse(scalar("service", at)), provider.get("stage").orElse(scalar("dev", at)), scalar("lambda", at)),
        at)), at), at)), at);

    List<MapNode.Entry> resources = new ArrayList<>();
    boolean sharedRoleUsed = false;
    Location sharedAt = roleSetting.map(Node::location).or(() -> statements.map(Node::location)).orElse(provider.location());
    for (MapNode.Entry f : service.map("functions").map(MapNode::entries).orElse(List.of())) {
      if (!(f.value() instanceof MapNode function)) continue;
      String name = normalized(f.name());
      Node roleOfFunction;
      if (function.get("role").isPresent()) {
        roleOfFunction = roleReference(function.get("role").get());
      } else if (perFunctionRoles && function.get("iamRoleStatements").isPresent()) {
        List<Node> own = new ArrayList<>(items(function.get("iamRoleStatements").get()));
        boolean inherit = function.get("iamRoleStatementsInherit").filter(ScalarNode.class::isInstance)
            .map(n -> ((ScalarNode) n).text().equalsIgnoreCase("true")).orElse(false);
        if (inherit) statements.ifPresent(s -> own.addAll(items(s)));
        String id = name + "IamRoleLambdaExecution";
        Location roleAt = function.entry("iamRoleStatements").get().key().location();
        // The plugin copies the shared role, its permissions boundary with it, unless the function
        // or the plugin's settings name another.
        Optional<Node> ownBoundary = function.get("iamPermissionsBoundary").or(() -> sharedBoundary);
        resources.add(entry(id, role(roleAt, policyName, new ListNode(own, function.get("iamRoleStatements").get().location()),
            Optional.empty(), ownBoundary), roleAt));
        roleOfFunction = getAtt(id, roleAt);
      } else if (providerNamesRole) {
        roleOfFunction = roleReference(roleSetting.get());
      } else {
        sharedRoleUsed = true;
        roleOfFunction = getAtt("IamRoleLambdaExecution", sharedAt);
      }
      List<MapNode.Entry> properties = new ArrayList<>();
      properties.add(entry("Role", roleOfFunction, f.key().location()));
      Optional<Node> environment = environment(provider.get("environment"), function.get("environment"), f.key().location());
      environment.ifPresent(e -> properties.add(entry("Environment", map(List.of(entry("Variables", e, e.location())), e.location()),
          e.location())));
      resources.add(entry(name + "LambdaFunction", map(List.of(
          entry("Type", scalar("AWS::Lambda::Function", f.key().location()), f.key().location()),
          entry("Properties", map(properties, f.key().location()), f.key().location())), f.value().location()), f.key().location()));
    }
    if (sharedRoleUsed) {
      resources.add(0, entry("IamRoleLambdaExecution", role(sharedAt, policyName,
          statements.orElse(new ListNode(List.of(), sharedAt)), managed, sharedBoundary), sharedAt));
    }
    Optional<MapNode> fragment = service.map("resources");
    fragment.flatMap(r -> r.map("Resources")).ifPresent(r -> resources.addAll(r.entries()));

    List<MapNode.Entry> template = new ArrayList<>();
    template.add(entry("AWSTemplateFormatVersion", scalar("2010-09-09", at), at));
    for (String section : List.of("Parameters", "Mappings", "Conditions")) {
      fragment.flatMap(r -> r.get(section)).ifPresent(s -> template.add(entry(section, s, s.location())));
    }
    template.add(entry("Resources", map(resources, at), at));
    fragment.flatMap(r -> r.get("Outputs")).ifPresent(s -> template.add(entry("Outputs", s, s.location())));
    return map(template, at);
  }

  /** The role a function's {@code role} names: a logical id of {@code resources} (its ARN), else as written. */
  private static Node roleReference(Node role) {
    if (role instanceof ScalarNode s && s.isString() && !s.text().startsWith("arn:") && s.text().matches("[A-Za-z0-9]+")) {
      return getAtt(s.text(), s.location());
    }
    return role;
  }

  /** The execution role the framework writes: trusted by Lambda, with one inline policy and the managed policies. */
  private static MapNode role(Location at, Node policyName, Node statements, Optional<Node> managed, Optional<Node> boundary) {
    MapNode trust = map(List.of(entry("Statement", new ListNode(List.of(map(List.of(
        entry("Effect", scalar("Allow", at), at),
        entry("Principal", map(List.of(entry("Service", new ListNode(List.of(scalar("lambda.amazonaws.com", at)), at), at)), at), at),
        entry("Action", new ListNode(List.of(scalar("sts:AssumeRole", at)), at), at)), at)), at), at)), at);
    List<MapNode.Entry> properties = new ArrayList<>();
    properties.add(entry("AssumeRolePolicyDocument", trust, at));
    if (!items(statements).isEmpty()) {
      MapNode document = map(List.of(entry("Version", scalar("2012-10-17", at), at), entry("Statement", statements, statements.location())),
          statements.location());
      properties.add(entry("Policies", new ListNode(List.of(map(List.of(
          entry("PolicyName", policyName, at),
          entry("PolicyDocument", document, statements.location())), statements.location())), statements.location()), at));
    }
    managed.ifPresent(m -> properties.add(entry("ManagedPolicyArns", m, m.location())));
    boundary.ifPresent(b -> properties.add(entry("PermissionsBoundary", b, b.location())));
    return map(List.of(entry("Type", scalar("AWS::IAM::Role", at), at), entry("Properties", map(properties, at), at)), at);
  }

  /** The provider's environment with the function's over it. */
  private static Optional<Node> environment(Optional<Node> provider, Optional<Node> function, Location at) {
    List<MapNode.Entry> merged = new ArrayList<>();
    provider.filter(MapNode.class::isInstance).ifPresent(p -> merged.addAll(((MapNode) p).entries()));
    function.filter(MapNode.class::isInstance).ifPresent(f -> merged.addAll(((MapNode) f).entries()));
    if (merged.isEmpty()) return Optional.empty();
    return Optional.of(new MapNode(merged, function.or(() -> provider).map(Node::location).orElse(at)));
  }

  private static boolean usesPlugin(MapNode service, String plugin) {
    Optional<Node> plugins = service.get("plugins");
    if (plugins.isEmpty()) return false;
    Node list = plugins.get() instanceof MapNode m ? m.get("modules").orElse(m) : plugins.get();
    return items(list).stream().anyMatch(n -> n instanceof ScalarNode s && s.text().equals(plugin));
  }

  /** How the framework names a function in logical ids: {@code my-func_x} is {@code MyDashfuncUnderscorex}. */
  static String normalized(String function) {
    String name = function.replace("-", "Dash").replace("_", "Underscore");
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static List<Node> items(Node n) {
    return n instanceof ListNode l ? l.items() : List.of();
  }

  private static MapNode.Entry entry(String key, Node value, Location at) {
    return new MapNode.Entry(scalar(key, at), value);
  }

  private static ScalarNode scalar(String text, Location at) {
    return new ScalarNode(text, ScalarNode.Kind.STRING, at);
  }

  private static MapNode map(List<MapNode.Entry> entries, Location at) {
    return new MapNode(entries, at);
  }

  private static MapNode getAtt(String logicalId, Location at) {
    return map(List.of(entry("Fn::GetAtt", new ListNode(List.of(scalar(logicalId, at), scalar("Arn", at)), at), at)), at);
  }

  // ---- variables ----

  /**
   * Resolves the variables of one service, from the service itself. Each {@code ${self:path}} is
   * resolved once (memoised), and the values substituted are bounded in all ({@link
   * Budget#MAX_WEIGHT}, as an evaluation is): references that repeat a value would otherwise
   * grow the service exponentially. Past the bound a variable is not expanded: its value is
   * unknown, noted as an evaluation limit where it is written.
   */
  private static final class Resolver {
    private final MapNode service;
    private final Set<String> inProgress = new HashSet<>();
    private final Map<String, Optional<Node>> resolvedPaths = new HashMap<>();
    private final Map<Node, Long> weights = new IdentityHashMap<>();
    private long substituted;
    /** Far past the bound, and far from overflowing. */
    private static final long CAPPED = 1L << 40;

    Resolver(MapNode service) {
      this.service = service;
    }

    Node resolve(Node node, int depth) {
      if (node instanceof ScalarNode s) return s.isString() && s.text().contains("${") ? string(s, depth) : s;
      if (node instanceof ListNode l) {
        List<Node> items = new ArrayList<>();
        for (Node item : l.items()) items.add(resolve(item, depth));
        return new ListNode(items, l.location());
      }
      MapNode m = (MapNode) node;
      List<MapNode.Entry> entries = new ArrayList<>();
      for (MapNode.Entry e : m.entries()) entries.add(new MapNode.Entry(e.key(), resolve(e.value(), depth)));
      return new MapNode(entries, m.location());
    }

    /**
     * A string with variables: the value a lone variable stands for, else the text with each one
     * replaced. A variable may hold others ({@code ${opt:region, ${self:custom.region}}}): the
     * inner ones are resolved first, then the outer one with their values.
     */
    private Node string(ScalarNode s, int depth) {
      String text = s.text();
      List<Node> parts = new ArrayList<>();
      StringBuilder literal = new StringBuilder();
      int last = 0;
      boolean unknown = false;
      boolean any = false;
      Matcher start = VARIABLE_START.matcher(text);
      int from = 0;
      while (from < text.length() && start.find(from)) {
        int close = closing(text, start.start() + 2);
        if (close < 0) break;
        any = true;
        literal.append(text, last, start.start());
        Node value = variable(text.substring(start.start() + 2, close), s.location(), depth);
        if (value instanceof ScalarNode v && (long) literal.length() + v.text().length() > Budget.MAX_STRING) {
          return limit("a string of more than " + String.format("%,d", Budget.MAX_STRING) + " characters", s.location());
        }
        if (start.start() == 0 && close == text.length() - 1) return value;
        if (value instanceof ScalarNode v) {
          literal.append(v.text());
        } else {
          parts.add(scalar(literal.toString(), s.location()));
          literal.setLength(0);
          parts.add(value);
          unknown = true;
        }
        last = close + 1;
        from = last;
      }
      if (!any) return s;
      literal.append(text.substring(last));
      if (!unknown) return new ScalarNode(literal.toString(), s.kind(), s.location());
      parts.add(scalar(literal.toString(), s.location()));
      return map(List.of(entry("Fn::Join", new ListNode(List.of(scalar("", s.location()), new ListNode(parts, s.location())),
          s.location()), s.location())), s.location());
    }

    /** The index of the brace that closes the variable whose text starts at {@code from}, variables within counted; -1 if none. */
    private static int closing(String text, int from) {
      int open = 1;
      for (int i = from; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
          open++;
          i++;
        } else if (c == '}' && --open == 0) {
          return i;
        }
      }
      return -1;
    }

    /** The reason of the first variable in {@code node} that is not known, or the limit it was cut by. */
    private static Optional<Node> firstUnknown(Node node) {
      if (node instanceof MapNode m) {
        if (m.entries().size() == 1 && (m.entries().get(0).name().equals(Evaluator.SERVERLESS_VARIABLE)
            || m.entries().get(0).name().equals(Evaluator.SERVERLESS_LIMIT))) {
          return Optional.of(m);
        }
        for (MapNode.Entry e : m.entries()) {
          Optional<Node> found = firstUnknown(e.value());
          if (found.isPresent()) return found;
        }
      } else if (node instanceof ListNode l) {
        for (Node item : l.items()) {
          Optional<Node> found = firstUnknown(item);
          if (found.isPresent()) return found;
        }
      }
      return Optional.empty();
    }

    /** {@code source:argument[, fallback...]}: the first source that resolves, else unknown with the first reason. */
    private Node variable(String expression, Location at, int depth) {
      if (depth >= MAX_DEPTH) {
        return map(List.of(entry(Evaluator.SERVERLESS_VARIABLE, scalar("a variable nested more than " + MAX_DEPTH + " deep is not resolved",
            at), at)), at);
      }
      Optional<String> firstReason = Optional.empty();
      Optional<String> optionReason = Optional.empty();
      for (String source : sources(expression)) {
        String t = source.strip();
        if (VARIABLE_START.matcher(t).find()) {
          // The source is itself written with variables: it is what they resolve to, or not known.
          Node inner = string(scalar(t, at), depth + 1);
          // A source that is one variable is its value; one written with variables is the source they spell.
          boolean lone = t.startsWith("${") && closing(t, 2) == t.length() - 1;
          if (lone && firstUnknown(inner).isEmpty()) return inner;
          if (!(inner instanceof ScalarNode known) || lone) {
            Optional<Node> cause = firstUnknown(inner);
            if (cause.isPresent() && ((MapNode) cause.get()).entries().get(0).name().equals(Evaluator.SERVERLESS_LIMIT)) {
              return cause.get();
            }
            if (firstReason.isEmpty()) {
              firstReason = cause.map(c -> ((MapNode) c).entries().get(0).value()).filter(ScalarNode.class::isInstance)
                  .map(r -> ((ScalarNode) r).text());
            }
            continue;
          }
          t = known.text().strip();
        }
        if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
          return scalar(t.substring(1, t.length() - 1), at);
        }
        if (t.matches("-?\\d+(\\.\\d+)?|true|false")) return scalar(t, at);
        Optional<Node> found = Optional.empty();
        String reason;
        if (t.startsWith("self:")) {
          found = self(t.substring(5).strip(), at, depth);
          reason = "${" + t + "} is not set in the file";
        } else if (t.equals("sls:stage")) {
          found = self("provider.stage", at, depth).or(() -> Optional.of(scalar("dev", at)));
          reason = "";
        } else if (t.startsWith("opt:")) {
          reason = "${" + t + "} is the command-line option --" + t.substring(4).strip() + " of the deploy";
        } else if (t.startsWith("env:")) {
          reason = "${" + t + "} is the environment variable " + t.substring(4).strip() + " of the deploy";
        } else {
          String kind = t.contains(":") ? t.substring(0, t.indexOf(':')) : t.substring(0, Math.max(0, t.indexOf('(')));
          reason = "${" + t + "} is read from " + describe(kind) + " at deploy";
        }
        if (found.isPresent()) return found.get();
        // No options are given to a scan: an option with a fallback is the fallback, and the reason is the fallback's.
        if (t.startsWith("opt:")) {
          if (optionReason.isEmpty()) optionReason = Optional.of(reason);
        } else if (firstReason.isEmpty()) {
          firstReason = Optional.of(reason);
        }
      }
      String why = firstReason.isPresent() ? firstReason.get() : optionReason.orElse("${" + expression + "} is not known");
      return map(List.of(entry(Evaluator.SERVERLESS_VARIABLE, scalar(why, at), at)), at);
    }

    private static String describe(String kind) {
      return switch (kind) {
        case "ssm" -> "SSM Parameter Store";
        case "cf" -> "the outputs of another CloudFormation stack";
        case "s3" -> "an S3 object";
        case "file" -> "another file";
        case "aws" -> "the deploying AWS account";
        case "param" -> "the parameters of the Serverless dashboard";
        default -> "the variable source " + kind;
      };
    }

    /** The node at {@code path} ({@code custom.policies.admin}) of the service, its own variables resolved. */
    private Optional<Node> self(String path, Location at, int depth) {
      Optional<Node> resolved = resolvedPaths.get(path);
      if (resolved == null) {
        if (depth >= MAX_DEPTH || !inProgress.add(path)) return Optional.empty();
        try {
          resolved = lookUp(path).map(node -> resolve(node, depth + 1));
        } finally {
          inProgress.remove(path);
        }
        resolvedPaths.put(path, resolved);
      }
      if (resolved.isEmpty()) return resolved;
      substituted = Math.min(substituted + weight(resolved.get()), CAPPED);
      if (substituted > Budget.MAX_WEIGHT) {
        return Optional.of(limit("variables of more than " + String.format("%,d", Budget.MAX_WEIGHT) + " elements in all", at));
      }
      // A string stands where the variable is written; a structure where it is written itself.
      return resolved.map(r -> r instanceof ScalarNode s ? new ScalarNode(s.text(), s.kind(), at) : r);
    }

    private Optional<Node> lookUp(String path) {
      Node node = service;
      for (String key : path.isEmpty() ? new String[0] : path.split("\\.")) {
        if (!(node instanceof MapNode m) || m.get(key).isEmpty()) return Optional.empty();
        node = m.get(key).get();
      }
      return Optional.of(node);
    }

    /** How much {@code node} weighs once every shared part is copied out: elements, and strings by their length. */
    private long weight(Node node) {
      Long known = weights.get(node);
      if (known != null) return known;
      long w = 1;
      if (node instanceof ScalarNode s) {
        w += s.text().length() / Budget.CHARACTERS_PER_UNIT;
      } else if (node instanceof ListNode l) {
        for (Node item : l.items()) w = Math.min(w + weight(item), CAPPED);
      } else if (node instanceof MapNode m) {
        for (MapNode.Entry e : m.entries()) w = Math.min(w + weight(e.value()), CAPPED);
      }
      weights.put(node, w);
      return w;
    }

    private static Node limit(String what, Location at) {
      return map(List.of(entry(Evaluator.SERVERLESS_LIMIT, scalar(what, at), at)), at);
    }

    /** The comma-separated sources of a variable, commas inside quotes kept. */
    private static List<String> sources(String expression) {
      List<String> out = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      char quote = 0;
      int nested = 0;
      for (char c : expression.toCharArray()) {
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '{') {
          nested++;
        } else if (c == '}') {
          nested--;
        } else if (c == ',' && nested <= 0) {
          out.add(current.toString());
          current.setLength(0);
          continue;
        }
        current.append(c);
      }
      out.add(current.toString());
      return out;
    }
  }
}
