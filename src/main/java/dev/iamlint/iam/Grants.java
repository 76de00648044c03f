package dev.iamlint.iam;

import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.Statement;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a policy document grants, decided with the action catalogue: every action, every
 * action of a service, a privilege-escalation path, or iam:PassRole on every role. Only
 * unconditional Allow statements on every resource count; an unknown element is never
 * counted as granting.
 */
public final class Grants {
  private static final Set<String> CRITICAL_SERVICES = Set.of("iam", "sts", "organizations", "kms");

  private Grants() {}

  /** Actions an unconditional Allow on every resource grants, from the whole document. */
  public static Set<String> broadActions(PolicyDocument document) {
    Set<String> granted = new LinkedHashSet<>();
    ActionCatalog catalog = ActionCatalog.bundled();
    for (Statement s : document.statements()) {
      if (!s.isAllow() || !StatementScope.allResources(s).covers().isTrue()
          || !Conditions.unrestrictedGrant(s.condition()).isTrue()) {
        continue;
      }
      granted.addAll(actions(s, catalog));
    }
    return granted;
  }

  /** Lower-case ids of the catalogue actions a statement names, NotAction expanded to everything else. */
  public static Set<String> actionsOf(Statement s) {
    return actions(s, ActionCatalog.bundled());
  }

  /** Lower-case action ids a statement names, NotAction expanded to everything else. */
  static Set<String> actions(Statement s, ActionCatalog catalog) {
    Set<String> out = new LinkedHashSet<>();
    if (s.action().isPresent()) {
      for (String pattern : texts(s.action().get())) {
        out.addAll(catalog.expandToLowerIds(pattern));
      }
    } else if (s.notAction().isPresent()) {
      List<String> excluded = texts(s.notAction().get());
      if (excluded.size() != s.notAction().get().items().size()) return out;
      List<String> lowerExcluded = excluded.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
      for (String id : catalog.expandToLowerIds("*")) {
        if (lowerExcluded.stream().noneMatch(p -> Wildcard.matches(p, id))) out.add(id);
      }
    }
    return out;
  }

  private static List<String> texts(Value element) {
    List<String> out = new ArrayList<>();
    for (Value item : element.items()) {
      for (Value v : item.alternatives()) v.asText().ifPresent(t -> out.add(t.trim()));
    }
    return out;
  }

  /** The escalation paths whose actions the grant covers. */
  public static List<EscalationPaths.Path> escalationPaths(Set<String> granted) {
    List<EscalationPaths.Path> out = new ArrayList<>();
    for (EscalationPaths.Path p : EscalationPaths.bundled().all()) {
      if (p.actions().stream().allMatch(a -> granted.contains(a.toLowerCase(Locale.ROOT)))) out.add(p);
    }
    return out;
  }

  /**
   * What makes a document privileged, in words (ADM002): every action, a {@code NotAction} on
   * every resource, every action of a critical service (iam, sts, organizations, kms), a
   * privilege-escalation path, iam:PassRole on every role, or every action of a privileged
   * service; empty when it is none of these.
   */
  public static Optional<String> privileged(PolicyDocument document) {
    for (Statement s : document.statements()) {
      if (s.isAllow() && s.condition().isEmpty() && StatementScope.allResources(s).covers().isTrue()
          && StatementScope.allActions(s).covers().isTrue()) {
        return Optional.of(s.notAction().isPresent()
            ? "every action except " + displays(s.notAction().get()) + " on every resource, which is administrator access"
            : "every action on every resource");
      }
    }
    for (Statement s : document.statements()) {
      if (s.isAllow() && s.condition().isEmpty() && s.notAction().isPresent() && StatementScope.allResources(s).covers().isTrue()) {
        return Optional.of("every action except " + displays(s.notAction().get()) + " on every resource");
      }
    }
    Set<String> granted = broadActions(document);
    // All of IAM, STS, Organizations or KMS says more than any one path (a path such as a new
    // version of one's own customer policy needs a holder that has one).
    List<String> critical = wholeServices(granted).stream().filter(Grants::isCriticalService).toList();
    if (!critical.isEmpty()) return Optional.of("every action of " + String.join(", ", critical) + " on every resource");
    List<EscalationPaths.Path> paths = escalationPaths(granted);
    if (!paths.isEmpty()) return Optional.of("a privilege-escalation path (" + paths.get(0).description() + ")");
    if (granted.contains("iam:passrole")) return Optional.of("iam:PassRole on every role without an iam:PassedToService condition");
    List<String> services = wholeServices(granted);
    if (!services.isEmpty()) {
      return Optional.of("every action of " + String.join(", ", services.subList(0, Math.min(5, services.size())))
          + (services.size() > 5 ? " and " + (services.size() - 5) + " more services" : "") + " on every resource");
    }
    return Optional.empty();
  }

  private static String displays(Value element) {
    return String.join(", ", element.items().stream().map(Value::display).toList());
  }

  /** How many of the granted actions change something (write or permissions management). */
  public static long writes(Set<String> granted) {
    ActionCatalog catalog = ActionCatalog.bundled();
    return granted.stream().map(catalog::action).filter(Optional::isPresent)
        .filter(a -> a.get().level() == ActionCatalog.AccessLevel.WRITE
            || a.get().level() == ActionCatalog.AccessLevel.PERMISSIONS_MANAGEMENT)
        .count();
  }

  /** Privileged services all of whose actions are granted, among those that have actions changing something. */
  public static List<String> wholeServices(Set<String> granted) {
    Set<String> services = new LinkedHashSet<>();
    for (String a : granted) services.add(a.substring(0, a.indexOf(':')));
    List<String> out = new ArrayList<>();
    ActionCatalog catalog = ActionCatalog.bundled();
    for (String svc : services) {
      List<ActionCatalog.Action> all = catalog.service(svc);
      boolean changes = all.stream().anyMatch(a -> a.level() == ActionCatalog.AccessLevel.WRITE
          || a.level() == ActionCatalog.AccessLevel.PERMISSIONS_MANAGEMENT);
      if (changes && isPrivilegedService(svc) && granted.containsAll(catalog.expandToLowerIds(svc + ":*"))) {
        out.add(svc);
      }
    }
    return out;
  }

  public static boolean isCriticalService(String service) {
    return CRITICAL_SERVICES.contains(service.toLowerCase(Locale.ROOT));
  }

  /**
   * The privileged services a statement grants wholesale, each with the first action value
   * responsible, in the order written: {@code svc:*}, a pattern covering all of a service's
   * write and permissions-management actions, or {@code *} limited to one service's resources.
   */
  public static List<ServiceGrant> serviceWildcards(Statement s) {
    if (s.action().isEmpty()) return List.of();
    ActionCatalog catalog = ActionCatalog.bundled();
    Optional<String> resourceService = resourceService(s);
    boolean allResources = StatementScope.allResources(s).covers().isTrue();
    if (!allResources && resourceService.isEmpty()) return List.of();
    Map<String, ServiceGrant> out = new LinkedHashMap<>();
    for (Value v : s.listedActions()) {
      Optional<String> text = v.asText().map(String::trim);
      if (text.isEmpty()) continue;
      String pattern = text.get();
      if ((pattern.equals("*") || pattern.equals("*:*")) && resourceService.isPresent() && !allResources) {
        if (isPrivilegedService(resourceService.get())) out.putIfAbsent(resourceService.get(), new ServiceGrant(resourceService.get(), v));
        continue;
      }
      int colon = pattern.indexOf(':');
      if (colon <= 0) continue;
      String service = pattern.substring(0, colon).toLowerCase(Locale.ROOT);
      if (service.contains("*") || service.contains("?") || !catalog.knowsService(service)) continue;
      if (!allResources && !resourceService.get().equals(service)) continue;
      if (!isPrivilegedService(service)) continue;
      if (pattern.substring(colon + 1).equals("*") || coversWrites(catalog, service, pattern)) {
        out.putIfAbsent(service, new ServiceGrant(service, v));
      }
    }
    return List.copyOf(out.values());
  }

  public record ServiceGrant(String service, Value action) {}

  /**
   * Whether a whole-service grant of {@code service} is privileged, decided by the catalogue:
   * the service has a Permissions management action (it changes who may do what: iam, s3 bucket
   * policies, kms key policies …), or an action that acts on a resource type the catalogue names
   * (stored data, secrets, keys, parameters, databases, instances …). A service with neither only
   * opens a channel to AWS (ssmmessages, ec2messages, support, support-console, tiros …):
   * granting all of it reaches no data and no permission. A few services hold data or secrets
   * although their catalogue entry names no resource type: they count as privileged.
   */
  public static boolean isPrivilegedService(String service) {
    return PRIVILEGED.computeIfAbsent(service.toLowerCase(Locale.ROOT), svc -> {
      if (STORES_WITHOUT_RESOURCE_TYPES.contains(svc)) return true;
      if (CAPACITY_ONLY.contains(svc)) return false;
      return ActionCatalog.bundled().service(svc).stream().anyMatch(a -> a.level() == ActionCatalog.AccessLevel.PERMISSIONS_MANAGEMENT
          || !a.resourceTypes().isEmpty());
    });
  }

  /**
   * Services that read or write stored data or secrets, whose catalogue actions name no resource
   * type: the IAM Identity Center directory (users, passwords, group memberships that carry
   * permission sets), Route 53 domains (transfer codes, name servers), AWS Backup's storage
   * (backup data) and Snowball (jobs that copy S3 data onto a shipped device, their unlock codes).
   */
  static final Set<String> STORES_WITHOUT_RESOURCE_TYPES = Set.of("sso-directory", "route53domains", "backup-storage", "snowball");
  /**
   * Services whose resource types hold neither data nor secrets and that manage no permission:
   * Application Auto Scaling's targets and policies only change capacity (the role ECS and
   * DynamoDB scaling need), never read or write what the scaled resource stores.
   */
  static final Set<String> CAPACITY_ONLY = Set.of("application-autoscaling");
  private static final Map<String, Boolean> PRIVILEGED = new ConcurrentHashMap<>();

  private static boolean coversWrites(ActionCatalog catalog, String service, String pattern) {
    List<ActionCatalog.Action> writes = catalog.service(service).stream()
        .filter(a -> a.level() == ActionCatalog.AccessLevel.WRITE || a.level() == ActionCatalog.AccessLevel.PERMISSIONS_MANAGEMENT)
        .toList();
    if (writes.isEmpty()) return false;
    return writes.stream().allMatch(a -> Wildcard.matchesIgnoreCase(pattern, a.id()));
  }

  /** The one service all the statement's resources belong to, each a wildcard over that service. */
  private static Optional<String> resourceService(Statement s) {
    if (s.resource().isEmpty()) return Optional.empty();
    String service = null;
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        Optional<String> t = v.asText();
        if (t.isEmpty()) return Optional.empty();
        String[] parts = t.get().split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[2].contains("*")) return Optional.empty();
        for (int i = 3; i < 6; i++) {
          if (!parts[i].isEmpty() && !parts[i].equals("*")) return Optional.empty();
        }
        if (service != null && !service.equals(parts[2])) return Optional.empty();
        service = parts[2];
      }
    }
    return Optional.ofNullable(service);
  }
}
