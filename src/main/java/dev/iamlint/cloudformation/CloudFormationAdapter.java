package dev.iamlint.cloudformation;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.model.Deployment;
import dev.iamlint.model.ServiceLaunch;
import dev.iamlint.model.AccessAnalyzer;
import dev.iamlint.model.AccessKey;
import dev.iamlint.model.ConfigRule;
import dev.iamlint.model.MetricAlarm;
import dev.iamlint.model.MetricFilter;
import dev.iamlint.model.Credentials;
import dev.iamlint.model.ComputeInstance;
import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.Group;
import dev.iamlint.model.GroupMembership;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.InstanceProfile;
import dev.iamlint.model.LoginProfile;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.PolicyAttachment;
import dev.iamlint.model.PolicyDefect;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.PermissionsBoundary;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.model.SecretSink;
import dev.iamlint.model.SecretExposure;
import dev.iamlint.model.Trail;
import dev.iamlint.model.UnreadCall;
import dev.iamlint.model.UnreadPart;
import dev.iamlint.model.User;
import dev.iamlint.source.LineIndex;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the resources of one template into the common model. Only this class knows
 * CloudFormation's resource types and property names; rules see the model.
 */
public final class CloudFormationAdapter {

  /** Up to the closing braces, which may follow a Fn::Sub variable's own brace. */
  private static final Pattern PLAIN_SSM_REFERENCE = Pattern.compile("\\{\\{resolve:ssm:\\S*?}}(?!})");

  private final Evaluator eval;
  private final Template template;
  private final ModelBuilder out;
  private final String partition;
  private final Instance instance;
  private final Run run;
  /** The nested stacks of this instance read so far, by logical id (empty: not read, and why is noted). */
  private final Map<String, Optional<CloudFormationAdapter>> children = new HashMap<>();
  /** Outputs of nested stacks being evaluated: a value that needs itself is not known. */
  private final Set<String> outputsInProgress = new HashSet<>();
  /**
   * Outputs of nested stacks evaluated so far, by {@code Stack.Output}: each is evaluated once per
   * use, however many times it is read (outputs reading outputs of nested stacks would else cost
   * exponential work).
   */
  private final Map<String, Value> outputs = new HashMap<>();
  private boolean adapted;

  /**
   * One stack this template is mapped as: a root ({@code callSites} empty), or a nested stack
   * reached through the stack resources in {@code callSites} (outermost first). {@code chain}
   * lists the template files from the root down to this one.
   */
  private record Instance(String deployment, List<Location> callSites, List<String> chain, Optional<String> mayNotExist) {}

  /** What the mapping of one root stack shares with the nested stacks under it. */
  private static final class Run {
    final NestedStacks nested;
    final Exports exports;
    final List<Budget.Note> limits = new ArrayList<>();
    final List<UnreadPart> unread = new ArrayList<>();
    /** The loops of all nested uses together: each use expanding its own would multiply the limits by the uses. */
    final LanguageExtensions.Allowance loops = new LanguageExtensions.Allowance();
    int uses;

    Run(NestedStacks nested, Exports exports) {
      this.nested = nested;
      this.exports = exports;
    }
  }

  private CloudFormationAdapter(Evaluator eval, ModelBuilder out, String partition, Instance instance, Run run) {
    this.eval = eval;
    this.template = eval.template();
    this.out = out;
    this.partition = partition;
    this.instance = instance;
    this.run = run;
  }

  /**
   * Adds the template's elements to {@code out}; its {@code Fn::ImportValue}s resolve to {@code
   * exports}. Gives the places where an evaluation limit was reached (see {@link Budget}).
   */
  public static List<Budget.Note> adapt(Template template, Map<String, String> parameters, String partition, Exports exports,
      ModelBuilder out) {
    return adapt(template, parameters, partition, exports, NestedStacks.NONE, out);
  }

  /** The same, with the scanned templates its nested stacks may deploy. */
  public static List<Budget.Note> adapt(Template template, Map<String, String> parameters, String partition, Exports exports,
      NestedStacks nested, ModelBuilder out) {
    Run run = new Run(nested, exports);
    NestedOutputsHolder outputs = new NestedOutputsHolder();
    Evaluator evaluator = new Evaluator(template, parameters, partition, exports,
        new Evaluator.Nesting("", "", Map.of(), false, outputs));
    int at = out.deployments.size();
    CloudFormationAdapter root = new CloudFormationAdapter(evaluator, out, partition,
        new Instance(evaluator.scope(), List.of(), List.of(template.file()), Optional.empty()), run);
    outputs.adapter = root;
    root.adaptAll();
    List<UnreadPart> unread = new ArrayList<>(root.unread());
    unread.addAll(run.unread);
    out.deployments.add(at, new Deployment(evaluator.scope(), renderedLater(template.file()), List.of(), unread));
    List<Budget.Note> limits = new ArrayList<>(template.expansionLimits());
    limits.addAll(evaluator.limitsReached());
    limits.addAll(run.limits);
    return limits;
  }

  /** The outputs of the nested stacks of the adapter it is given once that adapter exists. */
  private static final class NestedOutputsHolder implements Evaluator.NestedOutputs {
    CloudFormationAdapter adapter;

    @Override
    public Optional<Value> output(String stack, String output, Location at) {
      return adapter == null ? Optional.empty() : adapter.nestedOutput(stack, output, at);
    }
  }

  /**
   * Whether {@code r} is created: empty when its condition is certainly false; else why it may
   * not be (an undecidable condition, of its own or of a nested stack above it), if it may not.
   */
  private Optional<Optional<String>> existence(Template.Resource r) {
    Optional<String> condition = condition(r);
    Optional<Boolean> created = condition.flatMap(eval::namedCondition);
    if (condition.isPresent() && created.map(b -> !b).orElse(false)) return Optional.empty();
    // A condition that cannot be decided (a parameter without default) may leave it out.
    Optional<String> own = condition.isPresent() && created.isEmpty()
        ? Optional.of(address(r) + " exists (its Condition " + condition.get() + " cannot be decided)") : Optional.empty();
    return Optional.of(own.or(instance::mayNotExist));
  }

  /** The name of the condition {@code r} is created under, if it has one. */
  private static Optional<String> condition(Template.Resource r) {
    return r.declaration().value() instanceof MapNode decl
        ? decl.get("Condition").filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text()) : Optional.empty();
  }

  private MetricFilter metricFilter(Template.Resource r, ResourceRef ref) {
    return new MetricFilter(ref,
        prop(r, "FilterName").orElseGet(() -> generatedName(r)),
        prop(r, "FilterPattern").orElseGet(() -> missing(ref, "FilterPattern")),
        prop(r, "MetricTransformations").map(Value::items).orElse(List.of()).stream()
            .filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast)
            .map(m -> new MetricFilter.Metric(m.get("MetricName").orElseGet(() -> missing(ref, "MetricName")),
                m.get("MetricNamespace").orElseGet(() -> missing(ref, "MetricNamespace"))))
            .toList());
  }

  /**
   * The CDK construct that wrote {@code r}: its {@code aws:cdk:path} metadata, without the
   * {@code /Resource} an L2 construct gives its L1 resource ({@code PipelineStack/DeployRole}).
   */
  private static Optional<String> construct(Template.Resource r) {
    return r.metadata().flatMap(m -> m.get("aws:cdk:path")).filter(ScalarNode.class::isInstance)
        .map(n -> ((ScalarNode) n).text()).filter(p -> !p.isBlank())
        .map(p -> p.endsWith("/Resource") ? p.substring(0, p.length() - "/Resource".length()) : p);
  }

  /** {@code Resources.X} in a root stack, {@code Resources.Parent/Resources.X} in the nested stack Parent. */
  private String address(Template.Resource r) {
    return eval.addressPrefix() + r.address();
  }

  /**
   * The nested stack {@code stack} of this instance, mapped with the values this instance passes
   * to its parameters; empty when its template is not a scanned one or may not be read (a cycle,
   * too deep, too many), with the reason noted as an unread part of the deployment.
   */
  private Optional<CloudFormationAdapter> child(Template.Resource stack) {
    if (children.containsKey(stack.logicalId())) return children.get(stack.logicalId());
    children.put(stack.logicalId(), Optional.empty());
    Optional<Template> found = run.nested.child(template, stack);
    Optional<Optional<String>> existence = existence(stack);
    if (found.isEmpty() || existence.isEmpty()) return Optional.empty();
    Template child = found.get().written();
    String why = instance.chain().contains(child.file())
        ? "its template " + child.file() + " includes the stack that includes it (" + String.join(" > ", instance.chain())
            + " > " + child.file() + ")"
        : instance.chain().size() > NestedStacks.MAX_DEPTH ? "nested stacks nested more than " + NestedStacks.MAX_DEPTH + " deep"
        : run.uses >= NestedStacks.MAX_USES ? "more than " + NestedStacks.MAX_USES + " nested stacks under one stack" : "";
    if (!why.isEmpty()) {
      run.unread.add(new UnreadPart(address(stack) + ": a nested stack (" + stack.type() + ") that is not read: " + why,
          stack.declaration().key().location()));
      return Optional.empty();
    }
    run.uses++;
    Map<String, Evaluator.Passed> passed = new LinkedHashMap<>();
    boolean passedUnknown = false;
    Optional<Node> parameters = stack.properties().get("Parameters");
    if (parameters.isPresent()) {
      Value given = eval.eval(parameters.get());
      if (given instanceof Value.MapV m) {
        for (Value.MapV.Entry e : m.entries()) passed.put(e.key(), new Evaluator.Passed(e.value(), e.keyLocation(), address(stack)));
      } else {
        passedUnknown = true;
      }
    }
    String prefix = address(stack) + "/";
    String scope = eval.scope() + "/" + address(stack);
    // Loops of the child are expanded with what this stack passes it.
    Evaluator onWritten = new Evaluator(child, Map.of(), partition, run.exports,
        new Evaluator.Nesting(scope, prefix, passed, passedUnknown, Evaluator.NestedOutputs.NONE));
    Template expanded = LanguageExtensions.expand(child, onWritten, run.loops);
    NestedOutputsHolder outputs = new NestedOutputsHolder();
    Evaluator childEval = new Evaluator(expanded, Map.of(), partition, run.exports,
        new Evaluator.Nesting(scope, prefix, passed, passedUnknown, outputs));
    List<Location> callSites = new ArrayList<>(instance.callSites());
    callSites.add(stack.declaration().key().location());
    List<String> chain = new ArrayList<>(instance.chain());
    chain.add(child.file());
    CloudFormationAdapter adapter = new CloudFormationAdapter(childEval, out, partition,
        new Instance(instance.deployment(), callSites, chain, existence.get()), run);
    outputs.adapter = adapter;
    run.limits.addAll(expanded.expansionLimits());
    run.unread.addAll(adapter.unread());
    Optional<CloudFormationAdapter> result = Optional.of(adapter);
    children.put(stack.logicalId(), result);
    return result;
  }

  /** {@code !GetAtt Stack.Outputs.Name}: the output's value, evaluated in the nested stack with what this one passes it. */
  private Optional<Value> nestedOutput(String logicalId, String output, Location at) {
    Template.Resource stack = template.resources().get(logicalId);
    String key = logicalId + "." + output;
    if (stack == null || outputsInProgress.contains(key)) return Optional.empty();
    Optional<CloudFormationAdapter> child = child(stack);
    if (child.isEmpty()) return Optional.empty();
    Optional<Node> value = child.get().template.root().map("Outputs").flatMap(o -> o.map(output)).flatMap(o -> o.get("Value"));
    if (value.isEmpty()) {
      return Optional.of(new Value.Unknown(Value.Cause.UNDECLARED, "the nested stack " + address(stack) + " ("
          + child.get().template.file() + ") has no output " + output, Optional.empty(), Optional.empty(), at, Provenance.LITERAL));
    }
    Value evaluated = outputs.get(key);
    if (evaluated == null) {
      outputsInProgress.add(key);
      try {
        evaluated = child.get().eval.eval(value.get());
      } finally {
        outputsInProgress.remove(key);
      }
      outputs.put(key, evaluated);
    }
    return Optional.of(evaluated.withOrigin(at,
        Provenance.of("output " + output + " of nested stack " + address(stack), value.get().location())));
  }

  /**
   * A template under a directory named by a cookiecutter placeholder ({@code {{ cookiecutter.x }}})
   * is the source of a project that {@code sam init} or cookiecutter renders: not an account's
   * deployment by itself (rules.md, "Deployments and libraries").
   */
  static boolean renderedLater(String file) {
    return COOKIECUTTER_DIRECTORY.matcher(file).find();
  }

  private static final Pattern COOKIECUTTER_DIRECTORY =
      Pattern.compile("\\{\\{-?\\s*cookiecutter\\.[^/\\\\]*}}[/\\\\]");

  /** Transforms iamlint applies or that add no resource a project-level rule looks for. */
  private static final Set<String> KNOWN_TRANSFORMS = Set.of("AWS::Serverless-2016-10-31", "AWS::LanguageExtensions",
      "AWS::SecretsManager-2020-07-23", "AWS::SecretsManager-2024-09-16", "AWS::CodeDeployBlueGreen");

  /**
   * The parts of this template whose resources are not read: nested stacks whose template is not
   * a scanned one, loops that are not expanded, macros.
   */
  private List<UnreadPart> unread() {
    List<UnreadPart> found = new ArrayList<>();
    template.root().get("Transform").ifPresent(t -> {
      List<Node> names = t instanceof ListNode l ? l.items() : List.of(t);
      for (Node n : names) {
        if (n instanceof ScalarNode name && !KNOWN_TRANSFORMS.contains(name.text())) {
          found.add(new UnreadPart("Transform " + name.text() + ": a macro that may add resources", name.location()));
        }
      }
    });
    found.addAll(template.unexpandedLoops());
    // Without the transform CloudFormation refuses the loop; with it, the loops left are listed above.
    if (!LanguageExtensions.declared(template)) template.root().map("Resources").ifPresent(section -> section.entries().forEach(e -> {
      if (e.name().startsWith("Fn::ForEach")) {
        found.add(new UnreadPart("Resources." + e.name() + ": a loop of the language extensions whose resources are not read",
            e.key().location()));
      }
    }));
    for (Template.Resource r : template.resources().values()) {
      if (NESTED_STACKS.contains(r.type()) && run.nested.child(template, r).isEmpty()) {
        found.add(new UnreadPart(address(r) + ": a nested stack (" + r.type() + ") whose template is not read",
            r.declaration().key().location(), true));
      }
    }
    return found;
  }

  /** Types whose resources come from a template iamlint does not read, unless it is a local one of the scan. */
  private static final Set<String> NESTED_STACKS =
      Set.of("AWS::CloudFormation::Stack", "AWS::CloudFormation::StackSet", "AWS::Serverless::Application");

  private void adaptAll() {
    if (adapted) return;
    adapted = true;
    outputs();
    for (Template.Resource r : template.resources().values()) {
      // A resource whose condition is certainly false is never created.
      Optional<Optional<String>> existence = existence(r);
      if (existence.isEmpty()) {
        // Kept aside, never in the account: a rule that misses a filter names the one a condition left out.
        if (r.type().equals("AWS::Logs::MetricFilter")) out.filtersNotCreated.add(metricFilter(r, new ResourceRef(eval.scope(),
            address(r), r.type(), r.declaration().span(), r.declaration().key().location(), instance.callSites(),
            instance.deployment(), Optional.of("its Condition " + condition(r).orElse("") + " is false"), construct(r))));
        continue;
      }
      Optional<String> mayNotExist = existence.get();
      ResourceRef ref = new ResourceRef(eval.scope(), address(r), r.type(), r.declaration().span(),
          r.declaration().key().location(), instance.callSites(), instance.deployment(), mayNotExist, construct(r));
      if (NestedStacks.TYPES.contains(r.type())) child(r).ifPresent(CloudFormationAdapter::adaptAll);
      // A nested stack whose template is not in the scan reaches this template's elements only
      // through the parameters it is handed, as a Terraform module call outside the scan does.
      if (NESTED_STACKS.contains(r.type()) && run.nested.child(template, r).isEmpty()) {
        prop(r, "Parameters").ifPresent(p -> out.unreadCalls.add(new UnreadCall(ref, p)));
      }
      credentials(r, ref);
      secretSinks(r, ref);
      out.resources.add(ref);
      switch (r.type()) {
        case "AWS::IAM::User" -> user(r, ref);
        case "AWS::IAM::Group" -> group(r, ref);
        case "AWS::IAM::Role" -> role(r, ref);
        case "AWS::IAM::Policy" -> policy(r, ref);
        case "AWS::IAM::RolePolicy" -> embeddedPolicy(r, ref, PrincipalKind.ROLE, "RoleName");
        case "AWS::IAM::UserPolicy" -> embeddedPolicy(r, ref, PrincipalKind.USER, "UserName");
        case "AWS::IAM::GroupPolicy" -> embeddedPolicy(r, ref, PrincipalKind.GROUP, "GroupName");
        case "AWS::IAM::ManagedPolicy" -> managedPolicy(r, ref);
        case "AWS::IAM::UserToGroupAddition" -> userToGroup(r, ref);
        case "AWS::IAM::AccessKey" -> out.accessKeys.add(new AccessKey(ref,
            prop(r, "UserName").orElseGet(() -> missing(ref, "UserName")), prop(r, "Status")));
        case "AWS::IAM::InstanceProfile" -> out.instanceProfiles.add(new InstanceProfile(ref,
            prop(r, "InstanceProfileName").orElseGet(() -> generatedName(r)),
            prop(r, "Roles").map(Value::items).orElse(List.of())));
        case "AWS::CloudTrail::Trail" -> trail(r, ref);
        case "AWS::EC2::Instance" -> out.computeInstances.add(new ComputeInstance(ref, ComputeInstance.Kind.INSTANCE,
            prop(r, "IamInstanceProfile"), prop(r, "UserData"), prop(r, "LaunchTemplate")
                .flatMap(lt -> lt instanceof Value.MapV m ? m.get("LaunchTemplateId").or(() -> m.get("LaunchTemplateName")) : Optional.empty())));
        case "AWS::AutoScaling::LaunchConfiguration" -> out.computeInstances.add(new ComputeInstance(ref,
            ComputeInstance.Kind.LAUNCH_CONFIGURATION, prop(r, "IamInstanceProfile"), prop(r, "UserData"), Optional.empty()));
        case "AWS::EC2::LaunchTemplate" -> launchTemplate(r, ref);
        case "AWS::EKS::Nodegroup" -> serviceLaunch(ref, "EKS managed node group", prop(r, "LaunchTemplate"), "Id", "Name");
        case "AWS::Batch::ComputeEnvironment" -> prop(r, "ComputeResources").filter(Value.MapV.class::isInstance)
            .map(Value.MapV.class::cast).ifPresent(c -> serviceLaunch(ref, "AWS Batch compute environment",
                c.get("LaunchTemplate"), "LaunchTemplateId", "LaunchTemplateName"));
        case "AWS::Serverless::Function" -> samFunction(r, ref);
        case "AWS::Serverless::StateMachine" -> samStateMachine(r, ref);
        case "AWS::SSO::PermissionSet" -> permissionSet(r, ref);
        case "AWS::Config::ConfigRule" -> out.configRules.add(new ConfigRule(ref,
            prop(r, "Source").flatMap(s -> s instanceof Value.MapV m ? m.get("SourceIdentifier") : Optional.empty())
                .orElseGet(() -> missing(ref, "SourceIdentifier")),
            prop(r, "InputParameters").map(p -> p instanceof Value.Str ? jsonStructure(p) : p)));
        case "AWS::AccessAnalyzer::Analyzer" -> out.accessAnalyzers.add(new AccessAnalyzer(ref));
        case "AWS::Logs::MetricFilter" -> out.metricFilters.add(metricFilter(r, ref));
        case "AWS::CloudWatch::Alarm" -> alarm(r, ref);
        default -> { }
      }
    }
  }

  /**
   * An alarm watches its MetricName in its Namespace, or, written with metric math ({@code
   * Metrics}), the metric of each query's {@code MetricStat}; a query that is not known may watch any.
   */
  private void alarm(Template.Resource r, ResourceRef ref) {
    Optional<Value> queries = prop(r, "Metrics");
    if (queries.isEmpty()) {
      out.metricAlarms.add(new MetricAlarm(ref, prop(r, "MetricName").orElseGet(() -> missing(ref, "MetricName")),
          prop(r, "Namespace").orElseGet(() -> missing(ref, "Namespace"))));
      return;
    }
    for (Value query : queries.get().items()) {
      Optional<Value> metric = query instanceof Value.MapV q ? q.get("MetricStat")
          .flatMap(stat -> stat instanceof Value.MapV m ? m.get("Metric") : Optional.of(stat)) : Optional.of(query);
      if (metric.isEmpty()) continue;  // an expression over the other queries' metrics
      out.metricAlarms.add(metric.get() instanceof Value.MapV m
          ? new MetricAlarm(ref, m.get("MetricName").orElseGet(() -> missing(ref, "MetricName")),
              m.get("Namespace").orElseGet(() -> missing(ref, "Namespace")))
          : new MetricAlarm(ref, metric.get(), metric.get()));
    }
  }

  // ---- where a secret must not go ----

  private void secretSinks(Template.Resource r, ResourceRef ref) {
    switch (r.type()) {
      case "AWS::SSM::Parameter" -> {
        // CloudFormation creates only String and StringList parameters: neither is encrypted.
        prop(r, "Value").ifPresent(v -> out.secretSinks.add(new SecretSink(ref, SecretSink.Kind.SSM_PARAMETER,
            "the plain (String) SSM parameter " + address(r), v)));
      }
      case "AWS::Lambda::Function" -> prop(r, "Environment").ifPresent(v -> out.secretSinks.add(
          new SecretSink(ref, SecretSink.Kind.LAMBDA_ENVIRONMENT, "the environment of " + address(r), v)));
      case "AWS::Serverless::Function" -> globalsOrOwn(r, "Environment").ifPresent(v -> out.secretSinks.add(
          new SecretSink(ref, SecretSink.Kind.LAMBDA_ENVIRONMENT, "the environment of " + address(r), v)));
      case "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration" -> prop(r, "UserData").ifPresent(v ->
          out.secretSinks.add(new SecretSink(ref, SecretSink.Kind.USER_DATA, "the user data of " + address(r), v)));
      case "AWS::EC2::LaunchTemplate" -> prop(r, "LaunchTemplateData")
          .flatMap(d -> d instanceof Value.MapV m ? m.get("UserData") : Optional.empty())
          .ifPresent(v -> out.secretSinks.add(new SecretSink(ref, SecretSink.Kind.USER_DATA, "the user data of " + address(r), v)));
      default -> { }
    }
  }

  /** Stack outputs: anyone who may describe the stack reads them. */
  private void outputs() {
    Optional<Node> outputs = template.root().get("Outputs");
    if (outputs.isEmpty() || !(outputs.get() instanceof MapNode map)) return;
    for (MapNode.Entry e : map.entries()) {
      if (!(e.value() instanceof MapNode output)) continue;
      Optional<Node> value = output.get("Value");
      if (value.isEmpty()) continue;
      // An output has a Condition as a resource does: certainly false, it is not in the stack;
      // undecided, what is found about it is too.
      Optional<String> condition = output.get("Condition").filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
      Optional<Boolean> shown = condition.flatMap(eval::namedCondition);
      if (condition.isPresent() && shown.map(b -> !b).orElse(false)) continue;
      Optional<String> mayNotExist = condition.isPresent() && shown.isEmpty()
          ? Optional.of("stack output " + e.name() + " exists (its Condition " + condition.get() + " cannot be decided)")
          : instance.mayNotExist();
      ResourceRef ref = new ResourceRef(eval.scope(), eval.addressPrefix() + "Outputs." + e.name(), "AWS::CloudFormation::Output",
          e.span(), e.key().location(), instance.callSites(), instance.deployment(), mayNotExist);
      out.secretSinks.add(new SecretSink(ref, SecretSink.Kind.OUTPUT, "stack output " + e.name(), eval.eval(value.get())));
    }
  }

  // ---- credentials ----

  /**
   * Credentials handed to instances (user data, cfn-init files, Authentication metadata) and
   * access key literals anywhere in a resource's properties.
   */
  private void credentials(Template.Resource r, ResourceRef ref) {
    if (r.type().equals("AWS::EC2::Instance") || r.type().equals("AWS::AutoScaling::LaunchConfiguration")
        || r.type().equals("AWS::EC2::LaunchTemplate")) {
      Value userData = eval.eval(r.properties());
      Credentials.instanceScripts(ref, "The user data of " + address(r),
          userData instanceof Value.MapV m ? m.get("UserData").or(() -> m.get("LaunchTemplateData")).orElse(new Value.Null(ref.header(),
              Provenance.LITERAL)) : userData, out.credentials);
      r.metadata().ifPresent(meta -> {
        Value metadata = eval.eval(meta);
        if (!(metadata instanceof Value.MapV m)) return;
        m.get("AWS::CloudFormation::Authentication").filter(Value.MapV.class::isInstance)
            .ifPresent(a -> Credentials.authentication(ref, (Value.MapV) a, out.credentials));
        m.get("AWS::CloudFormation::Init")
            .ifPresent(init -> Credentials.instanceScripts(ref, "The cfn-init configuration of " + address(r), init, out.credentials));
      });
    }
    Credentials.keyLiterals(ref, address(r), eval.eval(r.properties()), out.credentials);
  }

  // ---- identities ----

  private void user(Template.Resource r, ResourceRef ref) {
    Value self = self(r);
    out.users.add(new User(ref, prop(r, "UserName").orElseGet(() -> generatedName(r)), prop(r, "Tags")));
    prop(r, "PermissionsBoundary").ifPresent(b -> out.boundaries.add(new PermissionsBoundary(ref, b)));
    prop(r, "Groups").ifPresent(groups -> {
      for (Value g : groups.items()) out.memberships.add(new GroupMembership(ref, self, g, g.location()));
    });
    r.properties().get("LoginProfile").ifPresent(node -> {
      for (MapNode profile : branches(node)) {
        Optional<Node> password = profile.get("Password");
        out.loginProfiles.add(new LoginProfile(ref, self, propertyLocation(r, "LoginProfile"), password.map(eval::eval),
            passwordExposure(password), profile.get("PasswordResetRequired").map(eval::eval)
                .filter(v -> !Evaluator.isNoValue(v))));
      }
    });
    inlinePolicies(r, ref, PrincipalKind.USER);
    managedPolicyArns(r, ref, PrincipalKind.USER);
  }

  private void group(Template.Resource r, ResourceRef ref) {
    out.groups.add(new Group(ref, prop(r, "GroupName").orElseGet(() -> generatedName(r))));
    inlinePolicies(r, ref, PrincipalKind.GROUP);
    managedPolicyArns(r, ref, PrincipalKind.GROUP);
  }

  private void role(Template.Resource r, ResourceRef ref) {
    Optional<PolicyDocument> trust = prop(r, "AssumeRolePolicyDocument").map(d -> document(d, PolicyDocument.Use.TRUST));
    out.roles.add(new Role(ref, prop(r, "RoleName").orElseGet(() -> generatedName(r)), trust, false));
    prop(r, "PermissionsBoundary").ifPresent(b -> out.boundaries.add(new PermissionsBoundary(ref, b)));
    inlinePolicies(r, ref, PrincipalKind.ROLE);
    managedPolicyArns(r, ref, PrincipalKind.ROLE);
  }

  private void inlinePolicies(Template.Resource r, ResourceRef ref, PrincipalKind kind) {
    prop(r, "Policies").ifPresent(policies -> {
      for (Value item : policies.items()) {
        for (Value alternative : item.alternatives()) {
          if (!(alternative instanceof Value.MapV p)) continue;
          Value doc = p.get("PolicyDocument").orElseGet(() -> missing(ref, "PolicyDocument"));
          out.inlinePolicies.add(new InlinePolicy(ref, List.of(new PrincipalLink(kind, self(r))),
              p.get("PolicyName").orElseGet(() -> missing(ref, "PolicyName")), identity(doc), alternative.location(), false));
        }
      }
    });
  }

  private void managedPolicyArns(Template.Resource r, ResourceRef ref, PrincipalKind kind) {
    prop(r, "ManagedPolicyArns").ifPresent(arns -> {
      for (Value arn : arns.items()) {
        out.attachments.add(new PolicyAttachment(ref, new PrincipalLink(kind, self(r)), arn, arn.location()));
      }
    });
  }

  /** An IAM Identity Center permission set: its managed policies and its inline policy. */
  private void permissionSet(Template.Resource r, ResourceRef ref) {
    PrincipalLink self = new PrincipalLink(PrincipalKind.PERMISSION_SET, self(r));
    prop(r, "ManagedPolicies").ifPresent(arns -> {
      for (Value arn : arns.items()) out.attachments.add(new PolicyAttachment(ref, self, arn, arn.location()));
    });
    prop(r, "InlinePolicy").ifPresent(doc -> out.inlinePolicies.add(new InlinePolicy(ref, List.of(self),
        prop(r, "Name").orElseGet(() -> generatedName(r)), identity(doc), doc.location(), false)));
    // Its boundary: an AWS managed policy by ARN, or a customer managed one by its name in each account.
    prop(r, "PermissionsBoundary").filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast)
        .flatMap(b -> b.get("ManagedPolicyArn").or(() -> b.get("CustomerManagedPolicyReference")
            .filter(Value.MapV.class::isInstance).flatMap(c -> ((Value.MapV) c).get("Name"))))
        .ifPresent(policy -> out.boundaries.add(new PermissionsBoundary(ref, policy)));
  }

  /** {@code AWS::IAM::Policy}: an inline policy put on every principal it lists. */
  private void policy(Template.Resource r, ResourceRef ref) {
    List<PrincipalLink> principals = principals(r);
    Value doc = prop(r, "PolicyDocument").orElseGet(() -> missing(ref, "PolicyDocument"));
    out.inlinePolicies.add(new InlinePolicy(ref, principals,
        prop(r, "PolicyName").orElseGet(() -> missing(ref, "PolicyName")), identity(doc), ref.location(), true));
  }

  /**
   * {@code AWS::IAM::RolePolicy}, {@code UserPolicy}, {@code GroupPolicy}: the inline policy of
   * one principal, written as a resource of its own (as Terraform's {@code aws_iam_role_policy}).
   */
  private void embeddedPolicy(Template.Resource r, ResourceRef ref, PrincipalKind kind, String principalProperty) {
    Value principal = prop(r, principalProperty).orElseGet(() -> missing(ref, principalProperty));
    Value doc = prop(r, "PolicyDocument").orElseGet(() -> missing(ref, "PolicyDocument"));
    out.inlinePolicies.add(new InlinePolicy(ref, List.of(new PrincipalLink(kind, principal)),
        prop(r, "PolicyName").orElseGet(() -> missing(ref, "PolicyName")), identity(doc), ref.location(), false));
  }

  private void managedPolicy(Template.Resource r, ResourceRef ref) {
    Value doc = prop(r, "PolicyDocument").orElseGet(() -> missing(ref, "PolicyDocument"));
    out.customerPolicies.add(new CustomerPolicy(ref,
        prop(r, "ManagedPolicyName").orElseGet(() -> generatedName(r)), identity(doc),
        CustomerPolicy.arnResource(prop(r, "Path"), prop(r, "ManagedPolicyName"))));
    for (PrincipalLink principal : principals(r)) {
      out.attachments.add(new PolicyAttachment(ref, principal, self(r), principal.target().location()));
    }
  }

  private List<PrincipalLink> principals(Template.Resource r) {
    List<PrincipalLink> links = new ArrayList<>();
    prop(r, "Users").ifPresent(v -> v.items().forEach(u -> links.add(new PrincipalLink(PrincipalKind.USER, u))));
    prop(r, "Groups").ifPresent(v -> v.items().forEach(g -> links.add(new PrincipalLink(PrincipalKind.GROUP, g))));
    prop(r, "Roles").ifPresent(v -> v.items().forEach(ro -> links.add(new PrincipalLink(PrincipalKind.ROLE, ro))));
    return links;
  }

  private void userToGroup(Template.Resource r, ResourceRef ref) {
    Value group = prop(r, "GroupName").orElseGet(() -> missing(ref, "GroupName"));
    prop(r, "Users").ifPresent(users -> {
      for (Value u : users.items()) out.memberships.add(new GroupMembership(ref, u, group, u.location()));
    });
  }

  // ---- secrets ----

  /**
   * How the initial console password is given. A {@code Ref} to a parameter is judged by the
   * parameter's declaration: a default is in the template, and without {@code NoEcho} the
   * console and API show it. A dynamic reference is resolved by the service and never shown.
   */
  private SecretExposure passwordExposure(Optional<Node> password) {
    if (password.isEmpty()) {
      return new SecretExposure(SecretExposure.Kind.PROTECTED, "no password", Location.point(template.file(), 1, 1));
    }
    return exposure(password.get());
  }

  /** The maps a property can be: itself, or each branch of the Fn::If conditions it is written with. */
  private List<MapNode> branches(Node node) {
    if (node instanceof MapNode m && m.entries().size() == 1 && m.entries().get(0).name().equals("Fn::If")
        && m.entries().get(0).value() instanceof ListNode l && l.items().size() == 3) {
      Optional<Boolean> decided = l.items().get(0) instanceof ScalarNode c ? eval.namedCondition(c.text()) : Optional.empty();
      if (decided.isPresent()) return branches(l.items().get(decided.get() ? 1 : 2));
      List<MapNode> out = new ArrayList<>(branches(l.items().get(1)));
      out.addAll(branches(l.items().get(2)));
      return out;
    }
    if (node instanceof MapNode m && !Evaluator.isFunction(m)) return List.of(m);
    return List.of();
  }

  private static boolean emptyText(Node node) {
    return node instanceof ScalarNode s && s.isString() && s.text().isEmpty();
  }

  /** Judged on the node, so that a Ref inside an Fn::If branch is judged by its parameter too. */
  private SecretExposure exposure(Node node) {
    Location at = node.location();
    if (node instanceof MapNode m && m.entries().size() == 1) {
      MapNode.Entry only = m.entries().get(0);
      if (only.name().equals("Ref") && only.value() instanceof ScalarNode name) {
        Template.Parameter p = template.parameters().get(name.text());
        if (p == null) {
          return new SecretExposure(SecretExposure.Kind.UNKNOWN, "Ref to " + name.text() + ", which is not a parameter", at);
        }
        if (p.type().startsWith("AWS::SSM::Parameter::Value")) {
          return new SecretExposure(p.noEcho() ? SecretExposure.Kind.PROTECTED : SecretExposure.Kind.INPUT_VISIBLE,
              "the value of an SSM parameter" + (p.noEcho() ? "" : " passed through parameter \"" + p.name()
                  + "\", which is not NoEcho"), at);
        }
        // A default of "" is no password (IAM refuses it): the stack is deployed with a value given.
        if (p.defaultValue().isPresent() && !emptyText(p.defaultValue().get())) {
          return new SecretExposure(SecretExposure.Kind.INPUT_DEFAULT, "the default of parameter \"" + p.name()
              + "\" (line " + p.defaultValue().get().location().startLine() + ")", at);
        }
        if (!p.noEcho()) {
          return new SecretExposure(SecretExposure.Kind.INPUT_VISIBLE, "parameter \"" + p.name() + "\", which is not NoEcho", at);
        }
        return new SecretExposure(SecretExposure.Kind.PROTECTED, "NoEcho parameter " + p.name(), at);
      }
      if (only.name().equals("Fn::If") && only.value() instanceof ListNode l && l.items().size() == 3) {
        SecretExposure whenTrue = exposure(l.items().get(1));
        return whenTrue.exposed() ? whenTrue : exposure(l.items().get(2));
      }
    }
    Optional<String> plainSsm = plainSsmReference(node);
    if (plainSsm.isPresent()) {
      // ssm (unlike ssm-secure) resolves only String parameters: stored unencrypted, read in clear.
      return new SecretExposure(SecretExposure.Kind.STORED_IN_CLEAR, "the plain String SSM parameter \""
          + plainSsm.get() + "\", which anyone allowed ssm:GetParameter reads in clear", at);
    }
    Value value = eval.eval(node);
    for (Value alternative : value.alternatives()) {
      if (alternative instanceof Value.Str || alternative instanceof Value.Num || alternative instanceof Value.Bool) {
        boolean fromDefault = alternative.provenance().fromParameterDefault();
        return new SecretExposure(fromDefault ? SecretExposure.Kind.INPUT_DEFAULT : SecretExposure.Kind.LITERAL,
            (fromDefault ? "a parameter default" : "a literal password") + alternative.provenance().suffix(), alternative.location());
      }
    }
    if (value.alternatives().stream().allMatch(v -> v instanceof Value.Unknown u && u.cause() == Value.Cause.DYNAMIC_REFERENCE)) {
      return new SecretExposure(SecretExposure.Kind.PROTECTED, "a dynamic reference", at);
    }
    return new SecretExposure(SecretExposure.Kind.UNKNOWN, value.display(), at);
  }

  /** A {@code {{resolve:ssm:...}}} reference written anywhere in the value (also inside Fn::Sub or Fn::Join). */
  private static Optional<String> plainSsmReference(Node node) {
    if (node instanceof ScalarNode s) {
      Matcher m = PLAIN_SSM_REFERENCE.matcher(s.text());
      return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
    List<Node> children = node instanceof ListNode l ? l.items()
        : ((MapNode) node).entries().stream().map(MapNode.Entry::value).toList();
    for (Node child : children) {
      Optional<String> found = plainSsmReference(child);
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  // ---- CloudTrail and EC2 ----

  private void trail(Template.Resource r, ResourceRef ref) {
    List<Trail.EventSelector> selectors = new ArrayList<>();
    prop(r, "EventSelectors").ifPresent(list -> {
      for (Value s : list.items()) {
        if (s instanceof Value.MapV m) {
          selectors.add(new Trail.EventSelector(m.location(), m.get("IncludeManagementEvents"), m.get("ReadWriteType")));
        }
      }
    });
    List<Trail.AdvancedEventSelector> advanced = new ArrayList<>();
    prop(r, "AdvancedEventSelectors").ifPresent(list -> {
      for (Value s : list.items()) {
        if (!(s instanceof Value.MapV m)) continue;
        List<Trail.FieldSelector> fields = new ArrayList<>();
        m.get("FieldSelectors").ifPresent(fs -> {
          for (Value f : fs.items()) {
            if (f instanceof Value.MapV fm) {
              fields.add(new Trail.FieldSelector(fm.get("Field").orElseGet(() -> missing(ref, "Field")),
                  fm.get("Equals").map(Value::items).orElse(List.of()), fm.location()));
            }
          }
        });
        advanced.add(new Trail.AdvancedEventSelector(m.location(), m.get("Name"), fields));
      }
    });
    out.trails.add(new Trail(ref, prop(r, "IsLogging"), prop(r, "IsMultiRegionTrail"),
        prop(r, "IncludeGlobalServiceEvents"), prop(r, "EnableLogFileValidation"), prop(r, "KMSKeyId"),
        prop(r, "CloudWatchLogsLogGroupArn"), prop(r, "CloudWatchLogsRoleArn"), selectors, advanced));
  }

  /** A service's launch template specification: the template it starts instances from, by id or name. */
  private void serviceLaunch(ResourceRef ref, String service, Optional<Value> specification, String id, String name) {
    specification.filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast)
        .flatMap(m -> m.get(id).or(() -> m.get(name)))
        .ifPresent(t -> out.serviceLaunches.add(new ServiceLaunch(ref, service, t)));
  }

  /** The profile must be there in every branch of the template data to count as given. */
  private void launchTemplate(Template.Resource r, ResourceRef ref) {
    Optional<Value> data = prop(r, "LaunchTemplateData");
    Optional<Value> profile = Optional.empty();
    Optional<Value> userData = Optional.empty();
    Optional<Value> metadataEndpoint = Optional.empty();
    if (data.isPresent()) {
      List<Value> profiles = new ArrayList<>();
      for (Value alternative : data.get().alternatives()) {
        if (!(alternative instanceof Value.MapV d)) continue;
        d.get("IamInstanceProfile").flatMap(p -> p instanceof Value.MapV m ? m.get("Arn").or(() -> m.get("Name")) : Optional.of(p))
            .ifPresent(profiles::add);
        if (userData.isEmpty()) userData = d.get("UserData");
        if (metadataEndpoint.isEmpty()) {
          metadataEndpoint = d.get("MetadataOptions").filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast)
              .flatMap(m -> m.get("HttpEndpoint"));
        }
      }
      if (!profiles.isEmpty() && profiles.size() == data.get().alternatives().size()) profile = Optional.of(profiles.get(0));
    }
    out.computeInstances.add(new ComputeInstance(ref, ComputeInstance.Kind.LAUNCH_TEMPLATE, profile, userData, Optional.empty(),
        prop(r, "LaunchTemplateName"), metadataEndpoint));
  }

  // ---- SAM ----

  /**
   * A SAM function without {@code Role} gets an execution role that SAM creates from its
   * {@code Policies}: managed policy names or ARNs, inline statements, and SAM policy templates
   * (which grant scoped, non-administrative access and are not modelled as documents).
   */
  private void samFunction(Template.Resource r, ResourceRef ref) {
    if (prop(r, "Role").isPresent()) return;
    Value self = self(r);
    out.roles.add(new Role(ref, generatedName(r), globalsOrOwn(r, "AssumeRolePolicyDocument")
        .map(d -> document(d, PolicyDocument.Use.TRUST)), true));
    PrincipalLink role = new PrincipalLink(PrincipalKind.ROLE, self);
    // SAM puts the function's (or Globals') permissions boundary on the role it creates.
    globalsOrOwn(r, "PermissionsBoundary").ifPresent(b -> out.boundaries.add(new PermissionsBoundary(ref, b)));
    // Policies and Role are not supported in Globals: only the function's own count.
    samPolicies(r, ref, role);
  }

  /**
   * The role SAM creates for a state machine without {@code Role}: trusted by Step Functions,
   * with the machine's {@code Policies} and {@code PermissionsBoundary} (its own only).
   */
  private void samStateMachine(Template.Resource r, ResourceRef ref) {
    if (prop(r, "Role").isPresent()) return;
    Location at = r.declaration().key().location();
    Provenance p = Provenance.of("the trust policy SAM writes for a state machine's role");
    Value statement = new Value.MapV(List.of(
        new Value.MapV.Entry("Effect", at, new Value.Str("Allow", at, p)),
        new Value.MapV.Entry("Principal", at, new Value.MapV(List.of(
            new Value.MapV.Entry("Service", at, new Value.Str("states.amazonaws.com", at, p))), at, p)),
        new Value.MapV.Entry("Action", at, new Value.Str("sts:AssumeRole", at, p))), at, p);
    Value trust = new Value.MapV(List.of(new Value.MapV.Entry("Version", at, new Value.Str("2012-10-17", at, p)),
        new Value.MapV.Entry("Statement", at, new Value.ListV(List.of(statement), at, p))), at, p);
    out.roles.add(new Role(ref, generatedName(r), Optional.of(document(trust, PolicyDocument.Use.TRUST)), true));
    prop(r, "PermissionsBoundary").ifPresent(b -> out.boundaries.add(new PermissionsBoundary(ref, b)));
    samPolicies(r, ref, new PrincipalLink(PrincipalKind.ROLE, self(r)));
  }

  /** A SAM resource's {@code Policies}: managed policy names and ARNs, inline statements (policy templates are not read). */
  private void samPolicies(Template.Resource r, ResourceRef ref, PrincipalLink role) {
    Optional<Value> policies = prop(r, "Policies");
    if (policies.isEmpty()) return;
    // SAM gives the role each managed policy once, however often Policies lists it.
    Set<String> attached = new HashSet<>();
    for (Value item : policies.get().items()) {
      for (Value p : item.alternatives()) {
        if (p instanceof Value.Str s) {
          Value arn = s.value().startsWith("arn:") ? s
              : new Value.Str("arn:" + partition + ":iam::aws:policy/" + s.value(), s.location(),
                  s.provenance().then(Provenance.of("SAM managed policy name " + s.value())));
          if (item.alternatives().size() == 1 && !attached.add(arn.asText().orElseThrow())) continue;
          out.attachments.add(new PolicyAttachment(ref, role, arn, s.location()));
        } else if (p instanceof Value.MapV m && m.entryIgnoreCase("Statement").isPresent()) {
          out.inlinePolicies.add(new InlinePolicy(ref, List.of(role), generatedName(r), identity(m), m.location(), false));
        } else if (!(p instanceof Value.MapV)) {
          out.attachments.add(new PolicyAttachment(ref, role, p, p.location()));
        }
      }
    }
  }

  private Optional<Value> globalsOrOwn(Template.Resource r, String name) {
    Optional<Value> own = prop(r, name);
    if (own.isPresent()) return own;
    return template.globals().flatMap(g -> g.map("Function")).flatMap(f -> f.get(name)).map(eval::eval)
        .filter(v -> !Evaluator.isNoValue(v));
  }

  // ---- values ----

  private Optional<Value> prop(Template.Resource r, String name) {
    return r.properties().get(name).map(eval::eval).filter(v -> !Evaluator.isNoValue(v) && !(v instanceof Value.Null));
  }

  private Location propertyLocation(Template.Resource r, String name) {
    return r.properties().entry(name).map(MapNode.Entry::span).orElse(r.declaration().key().location());
  }

  /** The element itself, as other elements of the template refer to it. */
  private Value self(Template.Resource r) {
    return new Value.Unknown(Value.Cause.DEPLOY_TIME, "the physical name of " + r.logicalId(),
        Optional.of(eval.resourceReference(r.logicalId(), "")), Optional.empty(),
        r.declaration().key().location(), Provenance.LITERAL);
  }

  private Value generatedName(Template.Resource r) {
    return new Value.Unknown(Value.Cause.DEPLOY_TIME, "the name CloudFormation generates for " + r.logicalId(),
        Optional.empty(), Optional.empty(), r.declaration().key().location(), Provenance.LITERAL);
  }

  private static Value missing(ResourceRef ref, String property) {
    return new Value.Unknown(Value.Cause.UNDECLARED, property + " is missing", Optional.empty(), Optional.empty(),
        ref.header(), Provenance.LITERAL);
  }

  /**
   * A policy document used as {@code use}; a JSON string (allowed by CloudFormation) is read as
   * the map it holds, and a string that is not JSON is a defect located at the string.
   */
  private PolicyDocument document(Value value, PolicyDocument.Use use) {
    List<Value> alternatives = new ArrayList<>();
    List<PolicyDefect> unreadable = new ArrayList<>();
    boolean certain = value.alternatives().size() == 1;
    for (Value v : value.alternatives()) {
      // A JSON string; from a Fn::Sub with unknown parts, the unknown parts stay unknown strings.
      if (v instanceof Value.Str s && s.encoded().isPresent()) {
        // Written as a structure (Fn::ToJsonString): judged, and located, as that structure.
        alternatives.add(s.encoded().get());
        continue;
      }
      Optional<String> json = v instanceof Value.Str s ? Optional.of(s.value()).filter(t -> !t.isBlank())
          : v instanceof Value.Unknown u ? u.partial().filter(t -> t.trim().startsWith("{")) : Optional.empty();
      if (json.isPresent()) {
        ParseResult parsed = JsonLoader.parse(template.file(), json.get());
        if (parsed instanceof ParseResult.Parsed p) {
          alternatives.add(eval.eval(inString(p.root(), v.location(), json.get())));
          continue;
        }
        // Unknown parts inside JSON strings cannot make the text JSON; elsewhere they might.
        ParseResult.Failed f = (ParseResult.Failed) parsed;
        if (!f.limit() && (v instanceof Value.Str || JsonLoader.onlyInStrings(json.get(), Value.Unknown.HOLE))) {
          unreadable.add(PolicyDefect.notJson(inString(f.location(), v.location(), json.get()), f.message(),
              v.provenance(), certain));
        }
      }
      alternatives.add(v);
    }
    Value doc = alternatives.size() == 1 ? alternatives.get(0) : new Value.OneOf(alternatives, value.location(), value.provenance());
    return PolicyDocument.from(doc, use, unreadable);
  }

  private PolicyDocument identity(Value value) {
    return document(value, PolicyDocument.Use.IDENTITY);
  }

  /** A JSON string as the map it holds, located at the string; the string itself when it is not JSON. */
  private Value jsonStructure(Value v) {
    if (v instanceof Value.Str s) {
      ParseResult parsed = JsonLoader.parse(template.file(), s.value());
      if (parsed instanceof ParseResult.Parsed p) return eval.eval(inString(p.root(), s.location(), s.value()));
    }
    return v;
  }

  /**
   * The JSON parsed from {@code text}, the string evaluated at {@code string}, located in the
   * template: each element where it is written inside the string (also through a Fn::Sub), or at
   * the string itself when the string was assembled otherwise.
   */
  private Node inString(Node json, Location string, String text) {
    Optional<IntFunction<Location>> positions = eval.positions(string, text);
    if (positions.isEmpty()) return relocate(json, l -> string);
    LineIndex lines = new LineIndex(text);
    IntFunction<Location> at = positions.get();
    return relocate(json, l -> {
      int start = lines.offset(l.startLine(), l.startColumn());
      int end = Math.max(start, lines.offset(l.endLine(), l.endColumn()) - 1);
      Location first = at.apply(start);
      Location last = at.apply(end);
      return new Location(first.file(), first.startLine(), first.startColumn(), last.startLine(), last.startColumn() + 1);
    });
  }

  /** Where a position of the text, as the JSON parser gives it, is in the template. */
  private Location inString(Location inText, Location string, String text) {
    Optional<IntFunction<Location>> positions = eval.positions(string, text);
    if (positions.isEmpty()) return string;
    int offset = new LineIndex(text).offset(inText.startLine(), inText.startColumn());
    return positions.get().apply(Math.min(offset, Math.max(0, text.length() - 1)));
  }

  private static Node relocate(Node node, UnaryOperator<Location> place) {
    Location at = place.apply(node.location());
    if (node instanceof ScalarNode s) return new ScalarNode(s.text(), s.kind(), at);
    if (node instanceof ListNode l) {
      List<Node> items = new ArrayList<>();
      for (Node item : l.items()) items.add(relocate(item, place));
      return new ListNode(items, at);
    }
    MapNode m = (MapNode) node;
    List<MapNode.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      entries.add(new MapNode.Entry((ScalarNode) relocate(e.key(), place), relocate(e.value(), place)));
    }
    return new MapNode(entries, at);
  }
}
