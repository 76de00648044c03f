package dev.iamlint.iam;

import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.Statement;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The Deny statements of a set of policies that certainly take an action away: unconditional,
 * without {@code NotResource}, every action known, on every resource or on whole resource types
 * ({@code arn:aws:iam::*:role/*} covers iam:PassRole, which acts on roles only). A conditional
 * Deny may not apply and a {@code NotResource} Deny leaves some resources: they take nothing
 * away. A Deny whose action or resource is not known may take something away: it is {@link
 * #uncertain()}, and what it might cover is not certainly granted.
 */
public final class CertainDenies {
  /** {@code *}, or a whole resource type: {@code role/*}, {@code user/*}, {@code function:*}. */
  private static final Pattern WHOLE_TYPE = Pattern.compile("\\*|[A-Za-z0-9-]+[/:]\\*");

  /**
   * One certain Deny: its action patterns (lower case; for {@code NotAction}, the exclusions),
   * the resource types it covers whole (empty for every resource), and for a {@code NotResource}
   * Deny the resources it leaves out, as ARN parts with the service in lower case (empty for any
   * other Deny).
   */
  private record Deny(Statement statement, List<String> patterns, boolean notAction, Optional<Set<String>> types,
      List<String[]> leftOut) {
    Deny(Statement statement, List<String> patterns, boolean notAction, Optional<Set<String>> types) {
      this(statement, patterns, notAction, types, List.of());
    }

    /** For a {@code NotResource} Deny: whether {@code action} acts on none of the resources it leaves out (then it is denied wherever it acts). */
    boolean leavesNothingOf(String action) {
      Set<String> acted = Escalation.servicesActedOn(action);
      return leftOut.stream().noneMatch(arn -> acted.contains(arn[2]));
    }

    /**
     * A {@code NotResource} Deny of {@code action} that leaves it only named resources: each one
     * left out that the action may act on names part of its service ({@code arn:aws:s3:::reports/*}),
     * not all of it ({@code arn:aws:s3:::*}, {@code role/*}, {@code accesspoint/*}) nor a part not
     * known. (When none of them is one the action acts on, {@link #denies} takes it away.) An
     * action of a service that grants power over identities ({@link #GRANTS_POWER}) is never
     * narrowed so: on one's own role, {@code iam:*} rewrites the policy that holds the Deny.
     */
    boolean leavesOnlyNamedResources(String action) {
      if (leftOut.isEmpty() || !names(action)) return false;
      if (GRANTS_POWER.contains(service(action))) return false;
      Set<String> acted = Escalation.servicesActedOn(action);
      for (String[] arn : leftOut) {
        if (!acted.contains(arn[2])) continue;
        String resource = arn[5].trim();
        if (resource.isEmpty() || resource.indexOf(Value.Unknown.HOLE) >= 0) return false;
        // A bucket's ARN names no type (no region, no account): its resource starts with the bucket
        // (reports/* is one bucket's objects). S3's other ARNs (accesspoint/*) have types.
        boolean bucket = arn[2].equals("s3") && arn[3].isEmpty() && arn[4].isEmpty();
        boolean all = bucket ? resource.startsWith("*") : WHOLE_TYPE.matcher(resource).matches();
        if (all) return false;
      }
      return true;
    }

    boolean names(String action) {
      boolean listed = patterns.stream().anyMatch(p -> Wildcard.matchesIgnoreCase(p, action));
      return notAction != listed;
    }

    /**
     * Everything but the actions a NotAction lists, on every resource: each named in full
     * ({@code s3:GetObject}), or a pattern within one service written out ({@code s3:Get*},
     * {@code s3:*}): what is left is some actions of that service, not every action. A pattern
     * over a service that grants power over identities ({@link #GRANTS_POWER}: {@code iam:*},
     * {@code sts:*}, {@code sso:*} …) may leave the power to give oneself every action, and one
     * whose service is a wildcard ({@code *:Get*}) something of every service: they do not count.
     */
    boolean leavesOnlyItsExclusions() {
      return notAction && types.isEmpty() && leftOut.isEmpty() && !patterns.isEmpty()
          && patterns.stream().allMatch(p -> ONE_ACTION.matcher(p).matches()
              || (WITHIN_ONE_SERVICE.matcher(p).matches()
                  && !GRANTS_POWER.contains(service(p))));
    }
  }

  /**
   * Services whose actions give power over identities and keys (assuming roles, granting
   * permissions, creating accounts' and permission sets' access): what a Deny leaves of them may
   * be every action again.
   */
  /** The service prefix of an action or action pattern, lower case. */
  private static String service(String action) {
    return action.substring(0, Math.max(0, action.indexOf(':'))).toLowerCase(Locale.ROOT);
  }

  private static final Set<String> GRANTS_POWER = Set.of("iam", "sts", "organizations", "sso", "identitystore", "kms");

  /** An action named in full: a service prefix and an action name, no wildcard. */
  private static final Pattern ONE_ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9]+");
  /** Actions of one service written out: a literal service prefix and an action name or pattern. */
  private static final Pattern WITHIN_ONE_SERVICE = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?]+");

  public static final CertainDenies NONE = new CertainDenies(List.of(), List.of());

  private final List<Deny> denies;
  private final List<Statement> uncertain;

  private CertainDenies(List<Deny> denies, List<Statement> uncertain) {
    this.denies = List.copyOf(denies);
    this.uncertain = List.copyOf(uncertain);
  }

  public static CertainDenies of(List<PolicyDocument> documents) {
    List<Deny> denies = new ArrayList<>();
    List<Statement> uncertain = new ArrayList<>();
    for (PolicyDocument d : documents) {
      for (Statement s : d.statements()) {
        if (!s.isDeny()) continue;
        if (s.condition().isPresent()) continue; // may not apply: it does not cancel an unconditional Allow
        Optional<List<String>> patterns = knownPatterns(s);
        if (s.notResource().isPresent()) {
          // Denies all but some resources: an action that acts on none of them is denied wherever
          // it acts (the resources left are S3 objects, the action an IAM one); otherwise the grant
          // may go through those.
          Optional<List<String[]>> arns = arnsOf(s.notResource().get());
          if (patterns.isPresent() && arns.isPresent() && s.resource().isEmpty()) {
            denies.add(new Deny(s, patterns.get(), s.action().isEmpty(), Optional.empty(), arns.get()));
          }
          continue;
        }
        boolean everywhere = StatementScope.allResources(s).covers().isTrue();
        if (patterns.isPresent() && everywhere) {
          denies.add(new Deny(s, patterns.get(), s.action().isEmpty(), Optional.empty()));
        } else if (patterns.isPresent() && wholeTypes(s).isPresent()) {
          denies.add(new Deny(s, patterns.get(), s.action().isEmpty(), wholeTypes(s)));
        } else if (patterns.isEmpty() || !StatementScope.allResources(s).covers().isFalse()) {
          uncertain.add(s);
        }
      }
    }
    return new CertainDenies(denies, uncertain);
  }

  /** Whether some certain Deny takes {@code action} away on every resource it acts on. */
  public boolean denies(String action) {
    for (Deny d : denies) {
      if (!d.names(action)) continue;
      if (!d.leftOut().isEmpty()) {
        if (d.leavesNothingOf(action)) return true;
        continue;
      }
      if (d.types().isEmpty()) return true;
      List<String> acted = ActionCatalog.bundled().action(action).map(ActionCatalog.Action::resourceTypes).orElse(List.of());
      if (!acted.isEmpty() && d.types().get().containsAll(acted)) return true;
    }
    return false;
  }

  /** Whether every one of {@code actions} is taken away (false for none). */
  public boolean deniesAll(Collection<String> actions) {
    if (denies.isEmpty() || actions.isEmpty()) return false;
    for (String a : actions) {
      if (!denies(a)) return false;
    }
    return true;
  }

  /**
   * Whether Denies take all of {@code actions} away wherever a policy applies ({@code wherever}:
   * one set per principal it is on): TRUE when every set certainly does, UNKNOWN when every set
   * does or may (a Deny not fully known), FALSE when some principal certainly keeps the grant.
   */
  public static Truth cancel(List<CertainDenies> wherever, Collection<String> actions) {
    return cancel(wherever, actions, d -> d.deniesAll(actions));
  }

  /**
   * For a grant on all resources: as {@link #cancel}, and a {@code NotResource} Deny that leaves
   * each action only named resources ({@code s3:*} left on one bucket) cancels it too: the grant
   * is no longer on all resources.
   */
  public static Truth cancelOnAllResources(List<CertainDenies> wherever, Collection<String> actions) {
    return cancel(wherever, actions, d -> d.deniesOrNarrowsAll(actions));
  }

  /**
   * Whether every one of {@code actions} is taken away, or left only on named resources by a
   * {@code NotResource} Deny (a finding that follows what the action can still reach, ADM005,
   * reads {@link #denies} alone).
   */
  private boolean deniesOrNarrowsAll(Collection<String> actions) {
    if (denies.isEmpty() || actions.isEmpty()) return false;
    for (String a : actions) {
      if (!denies(a) && denies.stream().noneMatch(d -> d.leavesOnlyNamedResources(a))) return false;
    }
    return true;
  }

  /** TRUE when {@code takesAway} holds for every set, UNKNOWN when it does or a Deny not fully known may, else FALSE. */
  private static Truth cancel(List<CertainDenies> wherever, Collection<String> actions, Predicate<CertainDenies> takesAway) {
    if (wherever.isEmpty() || wherever.stream().allMatch(CertainDenies::isEmpty)) return Truth.FALSE;
    Truth result = Truth.TRUE;
    for (CertainDenies d : wherever) {
      if (takesAway.test(d)) continue;
      if (d.mayDeny(actions).isEmpty()) return Truth.FALSE;
      result = Truth.UNKNOWN;
    }
    return result;
  }

  /**
   * For a grant of every action: whether Denies leave each set of {@code wherever} with no more
   * than a few actions: they take all of {@code actions} away, or one takes everything but the few
   * actions its {@code NotAction} lists (an Allow of {@code *} beside a Deny of everything but
   * {@code s3:GetObject} grants {@code s3:GetObject}). As {@link #cancel} otherwise.
   */
  public static Truth cancelEveryAction(List<CertainDenies> wherever, Collection<String> actions) {
    return cancel(wherever, actions, d -> d.denies.stream().anyMatch(Deny::leavesOnlyItsExclusions) || d.deniesOrNarrowsAll(actions));
  }

  /** The Deny statements behind {@link #cancel}, for messages: the certain ones of the first set. */
  public List<Statement> statements() {
    return denies.stream().map(Deny::statement).toList();
  }

  public boolean isEmpty() {
    return denies.isEmpty() && uncertain.isEmpty();
  }

  /** The Denies whose action or resource is not known: they may take something away. */
  public List<Statement> uncertain() {
    return uncertain;
  }

  /** An uncertain Deny that may cover one of {@code actions}: its actions are not known, or one of its patterns names one. */
  public Optional<Statement> mayDeny(Collection<String> actions) {
    return mayDeny(uncertain, actions);
  }

  /** Among {@code uncertain} Denies, one that may cover one of {@code actions}. */
  public static Optional<Statement> mayDeny(List<Statement> uncertain, Collection<String> actions) {
    for (Statement d : uncertain) {
      if (d.actionElement().isEmpty() || d.notAction().isPresent()) return Optional.of(d);
      for (Value v : d.actionPatterns()) {
        Optional<String> t = v.asText().map(String::trim);
        if (t.isEmpty() || actions.stream().anyMatch(a -> Wildcard.matchesIgnoreCase(t.get(), a))) return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The action (or NotAction) patterns, when every one is known. */
  private static Optional<List<String>> knownPatterns(Statement s) {
    if (s.actionElement().isEmpty()) return Optional.empty();
    List<String> out = new ArrayList<>();
    for (Value v : s.actionPatterns()) {
      Optional<String> text = v.asText();
      if (text.isEmpty()) return Optional.empty();
      out.add(text.get().trim());
    }
    return Optional.of(out);
  }

  /** The resources listed, when each is an ARN whose service is written out. */
  private static Optional<List<String[]>> arnsOf(Value resources) {
    List<String[]> arns = new ArrayList<>();
    for (Value item : resources.items()) {
      for (Value v : item.alternatives()) {
        Optional<String[]> arn = Escalation.arnParts(v);
        if (arn.isEmpty() || !Escalation.fixed(arn.get()[2])) return Optional.empty();
        arn.get()[2] = arn.get()[2].toLowerCase(Locale.ROOT);
        arns.add(arn.get());
      }
    }
    return arns.isEmpty() ? Optional.empty() : Optional.of(arns);
  }


  /** The resource types a statement covers whole ({@code role/*} → role), when each resource is one. */
  private static Optional<Set<String>> wholeTypes(Statement s) {
    if (s.resource().isEmpty()) return Optional.empty();
    Set<String> types = new LinkedHashSet<>();
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        Optional<String> text = Escalation.resourceText(v);
        if (text.isEmpty()) return Optional.empty();
        String[] parts = text.get().trim().split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !WHOLE_TYPE.matcher(parts[5]).matches() || parts[5].equals("*")) {
          return Optional.empty();
        }
        types.add(parts[5].substring(0, parts[5].length() - 2));
      }
    }
    return Optional.of(types);
  }
}
