package dev.iamlint.iam;

import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PolicyAttachment;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Statement;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A customer policy (managed or inline) judged as a grant where it is declared, as ADM003,
 * ADM004 and ADM006 do: a policy used only as a permissions boundary grants nothing and is left
 * out, and so is a document that names principals (a key or bucket policy handed to a module
 * outside the scan: a resource's policy, never a principal's permissions). Whether a statement
 * really grants takes in the day ({@link TimeWindows}) and the Denies wherever the policy
 * applies ({@link CertainDenies#cancel}): its own document's, and those of every principal of
 * the scan it is put on.
 */
public final class GrantingPolicy {
  /** Why a grant is not decided when a Deny not fully known may cover it: the end of the rules' notes. */
  public static final String MAY_BE_DENIED = "a Deny whose action or resource is not known may take it away";

  private final IamModel model;
  private final ResourceRef resource;
  private final Value name;
  private final PolicyDocument document;
  private final List<EffectivePolicies.PutOn> principals;
  private List<CertainDenies> denies;

  private GrantingPolicy(IamModel model, ResourceRef resource, Value name, PolicyDocument document,
      List<EffectivePolicies.PutOn> principals) {
    this.model = model;
    this.resource = resource;
    this.name = name;
    this.document = document;
    this.principals = List.copyOf(principals);
  }

  /**
   * Every customer managed and inline policy of the model that {@code considered} accepts (given
   * its declaration and document, before anything else is asked of it), boundaries excepted, in
   * model order.
   */
  public static List<GrantingPolicy> all(IamModel model, BiPredicate<ResourceRef, PolicyDocument> considered) {
    Set<CustomerPolicy> boundaries = EffectivePolicies.boundaryOnly(model);
    Map<CustomerPolicy, List<EffectivePolicies.PutOn>> attached = new IdentityHashMap<>();
    for (PolicyAttachment a : model.attachments()) {
      for (Value v : a.policy().alternatives()) {
        EffectivePolicies.customerPolicy(model, v, Optional.of(a.resource())).ifPresent(p -> attached.computeIfAbsent(p, k -> new ArrayList<>())
            .add(new EffectivePolicies.PutOn(a.principal(), a.resource())));
      }
    }
    List<GrantingPolicy> out = new ArrayList<>();
    for (CustomerPolicy p : model.customerPolicies()) {
      if (!considered.test(p.resource(), p.document()) || boundaries.contains(p) || p.document().namesPrincipal()) continue;
      out.add(new GrantingPolicy(model, p.resource(), p.name(), p.document(), attached.getOrDefault(p, List.of())));
    }
    for (InlinePolicy p : model.inlinePolicies()) {
      if (!considered.test(p.resource(), p.document())) continue;
      out.add(new GrantingPolicy(model, p.resource(), p.name(), p.document(),
          p.principals().stream().map(l -> new EffectivePolicies.PutOn(l, p.resource())).toList()));
    }
    return out;
  }

  /**
   * An Allow statement of a granting policy, not shut in time on the day judged (see
   * {@link #grantsOn}); {@code index} is its place in the policy's document, from 0.
   */
  public record Allowing(GrantingPolicy policy, Statement statement, int index) {
    /**
     * The statement's Sid, else {@code #} and its number counting from {@code first}: what tells
     * a finding's statement apart in its fingerprint (ADM003 counts from 0, ADM004 and ADM006
     * from 1; each keeps its own so that baselines hold).
     */
    public String key(int first) {
      return statement.sid().flatMap(Value::asText).orElse("#" + (index + first));
    }
  }

  /**
   * The statements that allow something on {@code day}, of every granting policy of the model
   * ({@link #all}), in order; with {@code reported} (a partial scan's files), of the policies a
   * finding reported there could be about: a finding about a statement is located at one of its
   * values and names its policy, so a policy whose declaration and values all lie in other files
   * is left out.
   */
  public static List<Allowing> allowing(IamModel model, Optional<LocalDate> day, Optional<Predicate<String>> reported) {
    List<Allowing> out = new ArrayList<>();
    Footprints footprints = new Footprints();
    for (GrantingPolicy p : all(model, (r, d) -> reported.isEmpty() || footprints.touches(r, d, reported.get()))) {
      List<Statement> statements = p.document().statements();
      for (int i = 0; i < statements.size(); i++) {
        if (grantsOn(statements.get(i), day)) out.add(new Allowing(p, statements.get(i), i));
      }
    }
    return out;
  }

  /** How messages name the policy: {@code Policy "deploy"}, or {@code The policy of ADDRESS} when its name is not known. */
  public String named() {
    return name.asText().map(n -> "Policy \"" + n + "\"").orElse("The policy of " + resource.address());
  }

  public ResourceRef resource() {
    return resource;
  }

  public Value name() {
    return name;
  }

  public PolicyDocument document() {
    return document;
  }

  /**
   * An Allow statement certainly not shut in time on {@code day}; with no day, one that tests no
   * time window (a windowed grant is then undecided, never a certain finding). A statement whose
   * condition no request meets grants nothing.
   */
  public static boolean grantsOn(Statement s, Optional<LocalDate> day) {
    return s.isAllow() && TimeWindows.shut(s, day).isFalse() && !Conditions.neverHolds(s.condition());
  }

  /**
   * Whether certain Denies take all of {@code actions} away wherever this policy applies: TRUE
   * cancels a finding, UNKNOWN makes it undecided (a Deny not fully known may cover it).
   */
  public Truth denied(Collection<String> actions) {
    return CertainDenies.cancel(denies(), actions);
  }

  /** For a grant on all resources: as {@link #denied}, a Deny that leaves only named resources cancelling too (see {@link CertainDenies#cancelOnAllResources}). */
  public Truth deniedOnAllResources(Collection<String> actions) {
    return CertainDenies.cancelOnAllResources(denies(), actions);
  }

  /** For a grant of every action: whether Denies leave at most a few actions wherever it applies (see {@link CertainDenies#cancelEveryAction}). */
  public Truth deniedAsEveryAction(Collection<String> actions) {
    return CertainDenies.cancelEveryAction(denies(), actions);
  }

  private List<CertainDenies> denies() {
    if (denies == null) denies = EffectivePolicies.deniesWherever(model, document, principals);
    return denies;
  }
}
