package dev.iamlint.terraform.adapter;

import dev.iamlint.model.AccessAnalyzer;
import dev.iamlint.model.AccessKey;
import dev.iamlint.model.ComputeInstance;
import dev.iamlint.model.ConfigRule;
import dev.iamlint.model.Credentials;
import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.Deployment;
import dev.iamlint.model.Group;
import dev.iamlint.model.GroupMembership;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.InstanceProfile;
import dev.iamlint.model.LoginProfile;
import dev.iamlint.model.MetricAlarm;
import dev.iamlint.model.MetricFilter;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.PasswordPolicy;
import dev.iamlint.model.PermissionsBoundary;
import dev.iamlint.model.PolicyAttachment;
import dev.iamlint.model.PolicyDefect;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.model.SecretExposure;
import dev.iamlint.model.SecretSink;
import dev.iamlint.model.ServiceLaunch;
import dev.iamlint.model.Trail;
import dev.iamlint.model.TrustDocument;
import dev.iamlint.model.UnreadCall;
import dev.iamlint.model.User;
import dev.iamlint.terraform.evaluation.TfResource;
import dev.iamlint.terraform.functions.JsonValues;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps evaluated Terraform resources (from .tf, .tf.json or plan JSON alike) into the common
 * model. Only this class knows the AWS provider's resource types and argument names.
 */
public final class TerraformAdapter {
  private final ModelBuilder out;
  private final Set<String> documentsInUse;
  private final Deployment deployment;

  private TerraformAdapter(ModelBuilder out, Set<String> documentsInUse, Deployment deployment) {
    this.out = out;
    this.documentsInUse = documentsInUse;
    this.deployment = deployment;
  }

  /**
   * Adds the resources of one deployment to {@code out}; policy documents not in {@code
   * documentsInUse} are judged on their own.
   */
  public static void adapt(List<TfResource> resources, Set<String> documentsInUse, Deployment deployment, ModelBuilder out) {
    out.deployments.add(deployment);
    TerraformAdapter a = new TerraformAdapter(out, documentsInUse, deployment);
    for (TfResource r : resources) a.adapt(r);
  }

  /**
   * The names a list argument holds. Terraform 0.11 flattened a list written around a list
   * ({@code ["${aws_iam_user.u.*.name}"]}, every user): a list inside is read so.
   */
  private static List<Value> names(Optional<Value> list) {
    List<Value> out = new ArrayList<>();
    for (Value item : list.map(Value::items).orElse(List.of())) {
      if (item instanceof Value.ListV) out.addAll(names(Optional.of(item)));
      else out.add(item);
    }
    return out;
  }

  private void adapt(TfResource r) {
    ResourceRef ref = new ResourceRef(r.scope(), r.address(), r.type(), r.location(), r.header(), r.callSites(),
        deployment.id(), existence(r));
    if (r.mode().equals("module")) out.unreadCalls.add(new UnreadCall(ref, r.values()));
    if (r.mode().equals("provider") || r.mode().equals("module")) {
      // Only credentials are judged here: provider keys, module call arguments.
      Credentials.keyLiterals(ref, r.mode() + " " + r.name(), r.values(), out.credentials);
      r.values().entries().stream().filter(e -> e.key().startsWith("user_data"))
          .forEach(e -> Credentials.instanceScripts(ref, "module argument " + e.key(), e.value(), out.credentials));
      return;
    }
    if (r.mode().equals("output")) {
      // Only an output certainly not sensitive is a readable place; sensitive = var.x may hide it.
      boolean shown = get(r, "sensitive").map(v -> v.alternatives().stream().allMatch(a -> a.asBoolean().map(b -> !b)
          .orElse(false))).orElse(true);
      if (shown) {
        get(r, "value").ifPresent(v -> out.secretSinks.add(new SecretSink(ref, SecretSink.Kind.OUTPUT,
            "output \"" + r.name() + "\" (not marked sensitive)", v)));
      }
      return;
    }
    if (r.isData()) {
      if (r.type().equals("aws_iam_policy_document") && !documentsInUse.contains(baseAddress(r.address()))) {
        get(r, "json").map(json -> document(json, PolicyDocument.Use.UNKNOWN)).ifPresent(d -> {
          // A trust policy grants no permission to anyone: it is judged as a trust policy only.
          if (d.isTrustPolicy()) out.trustDocuments.add(new TrustDocument(ref, d));
          else out.customerPolicies.add(new CustomerPolicy(ref,
              new Value.Str("data." + r.type() + "." + r.name(), r.header(), Provenance.LITERAL), d));
        });
      }
      return;
    }
    out.resources.add(ref);
    Value self = self(r);
    switch (r.type()) {
      case "aws_iam_user" -> {
        out.users.add(new User(ref, get(r, "name").orElseGet(() -> missing(r, "name")), get(r, "tags")));
        get(r, "permissions_boundary").ifPresent(b -> out.boundaries.add(new PermissionsBoundary(ref, b)));
      }
      case "aws_iam_account_password_policy" -> out.passwordPolicies.add(new PasswordPolicy(ref,
          get(r, "minimum_password_length"), get(r, "require_uppercase_characters"), get(r, "require_lowercase_characters"),
          get(r, "require_numbers"), get(r, "require_symbols"), get(r, "max_password_age"),
          get(r, "password_reuse_prevention"), get(r, "allow_users_to_change_password")));
      case "aws_config_config_rule" -> out.configRules.add(new ConfigRule(ref,
          get(r, "source").flatMap(s -> s.items().stream().findFirst())
              .flatMap(s -> s instanceof Value.MapV m ? m.get("source_identifier") : Optional.empty())
              .orElseGet(() -> missing(r, "source_identifier")),
          get(r, "input_parameters").map(p -> JsonValues.structure(p).orElse(p))));
      case "aws_accessanalyzer_analyzer" -> out.accessAnalyzers.add(new AccessAnalyzer(ref));
      case "aws_cloudwatch_log_metric_filter" -> out.metricFilters.add(new MetricFilter(ref,
          get(r, "name").orElseGet(() -> missing(r, "name")), get(r, "pattern").orElseGet(() -> missing(r, "pattern")),
          get(r, "metric_transformation").map(Value::items).orElse(List.of()).stream()
              .filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast)
              .map(m -> new MetricFilter.Metric(m.get("name").orElseGet(() -> missing(r, "metric_transformation.name")),
                  m.get("namespace").orElseGet(() -> missing(r, "metric_transformation.namespace"))))
              .toList()));
      case "aws_cloudwatch_metric_alarm" -> alarm(r, ref);
      case "aws_iam_group" -> out.groups.add(new Group(ref, get(r, "name").orElseGet(() -> missing(r, "name"))));
      case "aws_iam_role" -> role(r, ref, self);
      case "aws_iam_policy" -> out.customerPolicies.add(new CustomerPolicy(ref,
          get(r, "name").or(() -> get(r, "name_prefix")).orElseGet(() -> generated(r)),
          identity(get(r, "policy").orElseGet(() -> missing(r, "policy"))),
          CustomerPolicy.arnResource(get(r, "path"), get(r, "name"))));
      case "aws_iam_user_policy" -> inline(r, ref, PrincipalKind.USER, "user");
      case "aws_iam_group_policy" -> inline(r, ref, PrincipalKind.GROUP, "group");
      case "aws_iam_role_policy" -> inline(r, ref, PrincipalKind.ROLE, "role");
      case "aws_iam_user_policy_attachment" -> attach(r, ref, PrincipalKind.USER, "user", "policy_arn");
      case "aws_iam_group_policy_attachment" -> attach(r, ref, PrincipalKind.GROUP, "group", "policy_arn");
      case "aws_iam_role_policy_attachment" -> attach(r, ref, PrincipalKind.ROLE, "role", "policy_arn");
      case "aws_iam_user_policy_attachments_exclusive" -> exclusive(r, ref, PrincipalKind.USER, "user_name");
      case "aws_iam_group_policy_attachments_exclusive" -> exclusive(r, ref, PrincipalKind.GROUP, "group_name");
      case "aws_iam_role_policy_attachments_exclusive" -> exclusive(r, ref, PrincipalKind.ROLE, "role_name");
      case "aws_iam_policy_attachment" -> {
        Value arn = get(r, "policy_arn").orElseGet(() -> missing(r, "policy_arn"));
        for (String[] kind : new String[][] {{"users", "USER"}, {"groups", "GROUP"}, {"roles", "ROLE"}}) {
          for (Value p : names(get(r, kind[0]))) {
            out.attachments.add(new PolicyAttachment(ref, new PrincipalLink(PrincipalKind.valueOf(kind[1]), p), arn,
                arn.location()));
          }
        }
      }
      case "aws_iam_user_policies_exclusive" -> {
        Value user = get(r, "user_name").orElseGet(() -> missing(r, "user_name"));
        for (Value name : get(r, "policy_names").map(Value::items).orElse(List.of())) {
          out.inlinePolicies.add(new InlinePolicy(ref, List.of(new PrincipalLink(PrincipalKind.USER, user)), name,
              PolicyDocument.empty(name.location()), name.location(), false));
        }
      }
      case "aws_iam_user_group_membership" -> {
        Value user = get(r, "user").orElseGet(() -> missing(r, "user"));
        for (Value g : names(get(r, "groups"))) {
          out.memberships.add(new GroupMembership(ref, user, g, g.location()));
        }
      }
      case "aws_iam_group_membership" -> {
        Value group = get(r, "group").orElseGet(() -> missing(r, "group"));
        for (Value u : names(get(r, "users"))) {
          out.memberships.add(new GroupMembership(ref, u, group, u.location()));
        }
      }
      case "aws_iam_access_key" -> out.accessKeys.add(new AccessKey(ref, get(r, "user").orElseGet(() -> missing(r, "user")),
          get(r, "status"), Optional.of(stateExposure(r, "stored in the Terraform state in clear"))));
      case "aws_iam_user_login_profile" -> loginProfile(r, ref);
      case "aws_iam_instance_profile" -> out.instanceProfiles.add(new InstanceProfile(ref,
          get(r, "name").orElseGet(() -> generated(r)),
          // "roles" (a list): the argument of AWS providers before 3.0, still in Terraform 0.11 code.
          get(r, "role").map(List::of).orElseGet(() -> names(get(r, "roles")))));
      case "aws_cloudtrail" -> trail(r, ref);
      case "aws_instance" -> compute(r, ref, ComputeInstance.Kind.INSTANCE, get(r, "iam_instance_profile"));
      case "aws_spot_instance_request" -> compute(r, ref, ComputeInstance.Kind.SPOT_REQUEST, get(r, "iam_instance_profile"));
      case "aws_launch_configuration" -> compute(r, ref, ComputeInstance.Kind.LAUNCH_CONFIGURATION, get(r, "iam_instance_profile"));
      case "aws_launch_template" -> compute(r, ref, ComputeInstance.Kind.LAUNCH_TEMPLATE, get(r, "iam_instance_profile")
          .flatMap(b -> b.items().stream().findFirst())
          .flatMap(b -> b instanceof Value.MapV m ? profileOf(m) : Optional.empty()));
      case "aws_eks_node_group" -> serviceLaunch(ref, "EKS managed node group", get(r, "launch_template"), "id", "name");
      case "aws_batch_compute_environment" -> get(r, "compute_resources").flatMap(b -> b.items().stream().findFirst())
          .filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast).ifPresent(c -> serviceLaunch(ref,
              "AWS Batch compute environment", c.get("launch_template"), "launch_template_id", "launch_template_name"));
      case "aws_lambda_function" -> get(r, "environment").ifPresent(env -> {
        Credentials.keyLiterals(ref, "the environment of " + r.address(), env, out.credentials);
        out.secretSinks.add(new SecretSink(ref, SecretSink.Kind.LAMBDA_ENVIRONMENT, "the environment of " + r.address(), env));
      });
      case "aws_ssm_parameter" -> {
        // Only SecureString is encrypted; String and StringList are readable by anyone with ssm:GetParameter.
        boolean plain = get(r, "type").flatMap(Value::asText).map(t -> !t.equals("SecureString")).orElse(false);
        if (plain) get(r, "value").or(() -> get(r, "insecure_value")).ifPresent(v -> out.secretSinks.add(
            new SecretSink(ref, SecretSink.Kind.SSM_PARAMETER, "the plain (not SecureString) SSM parameter " + r.address(), v)));
      }
      case "aws_ssoadmin_managed_policy_attachment" -> {
        Value arn = get(r, "managed_policy_arn").orElseGet(() -> missing(r, "managed_policy_arn"));
        out.attachments.add(new PolicyAttachment(ref, new PrincipalLink(PrincipalKind.PERMISSION_SET,
            get(r, "permission_set_arn").orElse(self)), arn, arn.location()));
      }
      case "aws_ssoadmin_permissions_boundary_attachment" -> permissionSetBoundary(r, ref);
      case "aws_ssoadmin_permission_set_inline_policy" -> get(r, "inline_policy").ifPresent(doc ->
          out.inlinePolicies.add(new InlinePolicy(ref, List.of(new PrincipalLink(PrincipalKind.PERMISSION_SET,
              get(r, "permission_set_arn").orElse(self))), generated(r), identity(doc), doc.location(), false)));
      default -> { }
    }
  }

  /**
   * A permission set's boundary, kept under the permission set it names (by reference): an AWS
   * managed policy by ARN, or a customer managed one by its name in each account.
   */
  private void permissionSetBoundary(TfResource r, ResourceRef ref) {
    Optional<Reference> set = get(r, "permission_set_arn").flatMap(v -> v instanceof Value.Unknown u ? u.reference() : Optional.empty());
    Optional<Value.MapV> block = get(r, "permissions_boundary").flatMap(b -> b.items().stream().findFirst())
        .filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast);
    if (set.isEmpty() || block.isEmpty()) return;
    Optional<Value> policy = block.get().get("managed_policy_arn").filter(v -> !(v instanceof Value.Null))
        .or(() -> block.get().get("customer_managed_policy_reference").flatMap(c -> c.items().stream().findFirst())
            .filter(Value.MapV.class::isInstance).flatMap(c -> ((Value.MapV) c).get("name")));
    policy.ifPresent(p -> out.boundaries.add(new PermissionsBoundary(
        ResourceRef.namedBy(set.get().scope(), set.get().address(), "aws_ssoadmin_permission_set", ref), p)));
  }

  private void role(TfResource r, ResourceRef ref, Value self) {
    Value name = get(r, "name").orElseGet(() -> generated(r));
    out.roles.add(new Role(ref, name, get(r, "assume_role_policy").map(p -> document(p, PolicyDocument.Use.TRUST)), false));
    get(r, "permissions_boundary").ifPresent(b -> out.boundaries.add(new PermissionsBoundary(ref, b)));
    PrincipalLink link = new PrincipalLink(PrincipalKind.ROLE, self);
    for (Value block : get(r, "inline_policy").map(Value::items).orElse(List.of())) {
      if (!(block instanceof Value.MapV m) || m.get("policy").isEmpty()) continue;
      out.inlinePolicies.add(new InlinePolicy(ref, List.of(link), m.get("name").orElseGet(() -> generated(r)),
          identity(m.get("policy").get()), m.location(), false));
    }
    for (Value arn : get(r, "managed_policy_arns").map(Value::items).orElse(List.of())) {
      out.attachments.add(new PolicyAttachment(ref, link, arn, arn.location()));
    }
  }

  private void inline(TfResource r, ResourceRef ref, PrincipalKind kind, String principal) {
    Value target = get(r, principal).orElseGet(() -> missing(r, principal));
    Value policy = get(r, "policy").orElseGet(() -> missing(r, "policy"));
    out.inlinePolicies.add(new InlinePolicy(ref, List.of(new PrincipalLink(kind, target)),
        get(r, "name").orElseGet(() -> generated(r)), identity(policy), r.header(), false));
  }

  private void attach(TfResource r, ResourceRef ref, PrincipalKind kind, String principal, String arnName) {
    Value target = get(r, principal).orElseGet(() -> missing(r, principal));
    Value arn = get(r, arnName).orElseGet(() -> missing(r, arnName));
    out.attachments.add(new PolicyAttachment(ref, new PrincipalLink(kind, target), arn, arn.location()));
  }

  private void exclusive(TfResource r, ResourceRef ref, PrincipalKind kind, String principal) {
    Value target = get(r, principal).orElseGet(() -> missing(r, principal));
    for (Value arn : get(r, "policy_arns").map(Value::items).orElse(List.of())) {
      out.attachments.add(new PolicyAttachment(ref, new PrincipalLink(kind, target), arn, arn.location()));
    }
  }

  /** Without pgp_key the provider writes the generated password into the state in clear. */
  private void loginProfile(TfResource r, ResourceRef ref) {
    Value user = get(r, "user").orElseGet(() -> missing(r, "user"));
    SecretExposure exposure = stateExposure(r, "generated and stored in the Terraform state in clear");
    out.loginProfiles.add(new LoginProfile(ref, user, r.header(), Optional.empty(), exposure,
        get(r, "password_reset_required"), get(r, "password_length")));
  }

  /**
   * The provider encrypts a generated secret only with a non-empty pgp_key; an empty one, or a
   * branch without one, leaves it in clear in the state.
   */
  private static SecretExposure stateExposure(TfResource r, String inClear) {
    Optional<Value> pgp = get(r, "pgp_key");
    if (pgp.isEmpty()) return new SecretExposure(SecretExposure.Kind.STORED_IN_CLEAR, inClear + " (no pgp_key)", r.header());
    Optional<Value> none = pgp.get().alternativeWhere(v -> v instanceof Value.Null || v.asText().map(String::isBlank).orElse(false));
    if (none.isPresent()) {
      return new SecretExposure(SecretExposure.Kind.STORED_IN_CLEAR, inClear + " (pgp_key is empty"
          + none.get().provenance().suffix() + ")", none.get().location());
    }
    return new SecretExposure(SecretExposure.Kind.PROTECTED, "encrypted with pgp_key", pgp.get().location());
  }

  /**
   * An alarm watches its metric_name in its namespace, or, written with metric math ({@code
   * metric_query}), the metric of each query's {@code metric} block; a query that is not known may watch any.
   */
  private void alarm(TfResource r, ResourceRef ref) {
    List<Value> queries = get(r, "metric_query").map(Value::items).orElse(List.of());
    if (queries.isEmpty()) {
      out.metricAlarms.add(new MetricAlarm(ref, get(r, "metric_name").orElseGet(() -> missing(r, "metric_name")),
          get(r, "namespace").orElseGet(() -> missing(r, "namespace"))));
      return;
    }
    for (Value query : queries) {
      List<Value> metrics = query instanceof Value.MapV q ? q.get("metric").map(Value::items).orElse(List.of()) : List.of(query);
      for (Value metric : metrics) {  // none: an expression over the other queries' metrics
        out.metricAlarms.add(metric instanceof Value.MapV m
            ? new MetricAlarm(ref, m.get("metric_name").orElseGet(() -> missing(r, "metric_name")),
                m.get("namespace").orElseGet(() -> missing(r, "namespace")))
            : new MetricAlarm(ref, metric, metric));
      }
    }
  }

  private void trail(TfResource r, ResourceRef ref) {
    List<Trail.EventSelector> selectors = new ArrayList<>();
    for (Value s : get(r, "event_selector").map(Value::items).orElse(List.of())) {
      if (s instanceof Value.MapV m) {
        selectors.add(new Trail.EventSelector(m.location(), m.get("include_management_events"), m.get("read_write_type")));
      }
    }
    List<Trail.AdvancedEventSelector> advanced = new ArrayList<>();
    for (Value s : get(r, "advanced_event_selector").map(Value::items).orElse(List.of())) {
      if (!(s instanceof Value.MapV m)) continue;
      List<Trail.FieldSelector> fields = new ArrayList<>();
      for (Value f : m.get("field_selector").map(Value::items).orElse(List.of())) {
        if (f instanceof Value.MapV fm) {
          fields.add(new Trail.FieldSelector(fm.get("field").orElseGet(() -> missing(r, "field")),
              fm.get("equals").map(Value::items).orElse(List.of()), fm.location()));
        }
      }
      advanced.add(new Trail.AdvancedEventSelector(m.location(), m.get("name"), fields));
    }
    out.trails.add(new Trail(ref, get(r, "enable_logging"), get(r, "is_multi_region_trail"),
        get(r, "include_global_service_events"), get(r, "enable_log_file_validation"), get(r, "kms_key_id"),
        get(r, "cloud_watch_logs_group_arn"), get(r, "cloud_watch_logs_role_arn"), selectors, advanced));
  }

  /** A launch template's profile block: its arn or name, whichever is set (plans fill the other with ""). */
  private static Optional<Value> profileOf(Value.MapV block) {
    Optional<Value> arn = block.get("arn").filter(v -> !(v instanceof Value.Null));
    Optional<Value> name = block.get("name").filter(v -> !(v instanceof Value.Null));
    if (arn.isPresent() && !arn.get().asText().map(String::isBlank).orElse(false)) return arn;
    return name.or(() -> arn);
  }

  /**
   * Why an instance may not exist, as "X exists (…)": it stands for the instances of a count or for_each that is
   * not known (its address has {@code [*]}, its own or a module call's), which may be none.
   */
  private static Optional<String> existence(TfResource r) {
    if (!r.symbolic() && !r.address().contains("[*]")) return Optional.empty();
    int star = r.address().indexOf("[*]");
    String counted = star < 0 ? r.address() : r.address().substring(0, star);
    return Optional.of(counted + " exists (its count or for_each is not known"
        + r.unknownCount().map(why -> ": " + why).orElse("") + ")");
  }

  /** A service's {@code launch_template} block: the template it starts instances from, by id or name. */
  private void serviceLaunch(ResourceRef ref, String service, Optional<Value> blocks, String id, String name) {
    blocks.flatMap(b -> b.items().stream().findFirst()).filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast)
        .flatMap(b -> b.get(id).filter(v -> !(v instanceof Value.Null)).or(() -> b.get(name)))
        .ifPresent(t -> out.serviceLaunches.add(new ServiceLaunch(ref, service, t)));
  }

  private void compute(TfResource r, ResourceRef ref, ComputeInstance.Kind kind, Optional<Value> profile) {
    // Started from a launch template: the block is what counts, its id is often known only at apply.
    Optional<Value> template = get(r, "launch_template").flatMap(b -> b.items().stream().findFirst());
    Optional<Value> userData = get(r, "user_data").or(() -> get(r, "user_data_base64"));
    Optional<Value> metadataEndpoint = get(r, "metadata_options").flatMap(b -> b.items().stream().findFirst())
        .filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast).flatMap(m -> m.get("http_endpoint"));
    out.computeInstances.add(new ComputeInstance(ref, kind, profile, userData, template, get(r, "name"), metadataEndpoint));
    userData.ifPresent(u -> {
      out.secretSinks.add(new SecretSink(ref, SecretSink.Kind.USER_DATA, "the user data of " + r.address(), u));
      Credentials.instanceScripts(ref, "The user data of " + r.address(), u, out.credentials);
      Credentials.keyLiterals(ref, "the user data of " + r.address(), u, out.credentials);
    });
    get(r, "provisioner").ifPresent(p -> Credentials.instanceScripts(ref, "A provisioner of " + r.address(), p, out.credentials));
  }

  // ---- values ----

  /** An argument as written; null and absent are the same to the provider. */
  private static Optional<Value> get(TfResource r, String name) {
    return r.values().get(name).filter(v -> !(v instanceof Value.Null));
  }

  private static Value self(TfResource r) {
    return new Value.Unknown(Value.Cause.DEPLOY_TIME, "the identity of " + r.address(),
        Optional.of(new Reference(r.scope(), r.address(), "")), Optional.empty(), r.header(), Provenance.LITERAL);
  }

  private static Value generated(TfResource r) {
    return new Value.Unknown(Value.Cause.DEPLOY_TIME, "the name the provider generates for " + r.address(),
        Optional.empty(), Optional.empty(), r.header(), Provenance.LITERAL);
  }

  private static Value missing(TfResource r, String argument) {
    return new Value.Unknown(Value.Cause.UNDECLARED, argument + " is missing", Optional.empty(), Optional.empty(),
        r.header(), Provenance.LITERAL);
  }

  /**
   * A policy argument: JSON text (from jsonencode, a heredoc, a file, a data source) read into a
   * document used as {@code use}; text that is not JSON is a defect located where the parser stopped.
   */
  private PolicyDocument document(Value value, PolicyDocument.Use use) {
    List<Value> alternatives = new ArrayList<>();
    List<Value> checked = new ArrayList<>();
    List<PolicyDefect> unreadable = new ArrayList<>();
    boolean certain = value.alternatives().size() == 1;
    for (Value v : value.alternatives()) {
      JsonValues.Reading reading = JsonValues.read(v);
      if (reading instanceof JsonValues.Structure s) {
        // The known parts of a text with unknown parts are checked for what IAM rejects; what
        // such a document grants is left undecided, as before.
        alternatives.add(s.partial() ? v : s.value());
        checked.add(s.value());
      } else {
        alternatives.add(v);
        checked.add(v);
        if (reading instanceof JsonValues.NotJson n) {
          unreadable.add(PolicyDefect.notJson(n.location(), n.message(), v.provenance(), certain));
        }
      }
    }
    return PolicyDocument.from(choice(alternatives, value), choice(checked, value), use, unreadable);
  }

  private static Value choice(List<Value> alternatives, Value of) {
    return alternatives.size() == 1 ? alternatives.get(0) : new Value.OneOf(alternatives, of.location(), of.provenance());
  }

  private PolicyDocument identity(Value value) {
    return document(value, PolicyDocument.Use.IDENTITY);
  }

  /** {@code data.x.y["k"]} → {@code data.x.y}: documents in use are tracked per declaration. */
  private static String baseAddress(String address) {
    return address.replaceAll("\\[[^]]*]$", "");
  }
}
