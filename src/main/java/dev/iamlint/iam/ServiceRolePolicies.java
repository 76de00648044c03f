package dev.iamlint.iam;

import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.Role;
import dev.iamlint.model.Statement;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS managed policies under {@code /service-role/} are written for the role of one service:
 * on a role that only that service can assume they are their intended use (rules.md,
 * "Service-role policies"). The matching service is read from the policy's name, which AWS
 * forms from the service's name: split into words ({@code AWSGlueServiceRole} → AWS, Glue,
 * Service, Role; {@code AmazonEC2RoleforSSM} → Amazon, EC2, Rolefor, SSM), the name must spell
 * every label of the service principal before {@code amazonaws.com}, hyphens dropped, as one
 * word or several consecutive ones ({@code glue}; {@code elasticmapreduce} = Elastic Map
 * Reduce; {@code drt.shield} = DRT and Shield), or as the initials of three or more ({@code fis}
 * = Fault Injection Simulator); a region label of a regional principal
 * ({@code codedeploy.eu-west-1.amazonaws.com}) names no service. The policy's actions do not tell: a service
 * role's policy mostly grants other services' actions (EC2, S3, CloudWatch).
 */
public final class ServiceRolePolicies {
  /** Word boundaries: before a capital that follows a lower-case letter or digit, inside acronyms, at _ and -. */
  private static final Pattern WORDS = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_\\-]+");
  private static final String SERVICE_ROLE_PATH = "/service-role/";
  private static final Pattern SERVICE = Pattern.compile("(?i)([a-z0-9.-]+)\\.amazonaws\\.com(?:\\.cn)?");
  /** A region in a service principal: us-east-1, eu-west-1, us-gov-west-1, cn-north-1. */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)?-[a-z]+-[0-9]+");

  private ServiceRolePolicies() {}

  /**
   * Whether {@code role} can be assumed only by the service the policy {@code name} is written
   * for. The execution role SAM creates for a function without {@code AssumeRolePolicyDocument}
   * trusts {@code lambda.amazonaws.com} alone.
   */
  public static Truth intendedUse(String name, Role role) {
    if (role.implicit() && role.trustPolicy().isEmpty()) return Truth.of(spells(name, "lambda.amazonaws.com"));
    return intendedUse(name, role.trustPolicy());
  }

  /**
   * The role's policies without the {@code /service-role/} policies that are in their intended
   * use on it: what such a policy lets the role do is done by its service, as designed (AWS
   * Batch passes the instance role to EC2), not by someone acting as the role. A policy whose
   * use is not certain stays.
   */
  public static EffectivePolicies withoutIntendedUse(EffectivePolicies policies, Role role) {
    List<EffectivePolicies.Source> kept = new ArrayList<>();
    for (EffectivePolicies.Source s : policies.sources()) {
      boolean intended = s.awsManaged().filter(ServiceRolePolicies::serviceRole)
          .map(name -> intendedUse(name, role).isTrue()).orElse(false);
      if (!intended) kept.add(s);
    }
    return kept.size() == policies.sources().size() ? policies
        : new EffectivePolicies(kept, policies.complete(), policies.boundary());
  }

  /**
   * Whether only AWS services can assume the role (certainly): every Allow of its trust policy
   * names service principals only. Such a role's sessions never carry MFA. SAM's execution role
   * for a function without {@code AssumeRolePolicyDocument} trusts Lambda alone.
   */
  public static boolean onlyServicesAssume(Role role) {
    if (role.implicit() && role.trustPolicy().isEmpty()) return true;
    Optional<PolicyDocument> trust = role.trustPolicy();
    if (trust.isEmpty() || !trust.get().complete()) return false;
    boolean allows = false;
    for (Statement s : trust.get().statements()) {
      if (s.isDeny()) continue;
      if (!s.isAllow() || s.notPrincipal().isPresent() || s.principal().isEmpty()) return false;
      for (Value alternative : s.principal().get().alternatives()) {
        if (!(alternative instanceof Value.MapV map) || map.entries().isEmpty()) return false;
        for (Value.MapV.Entry e : map.entries()) {
          if (!e.key().equalsIgnoreCase("Service")) return false;
        }
      }
      allows = true;
    }
    return allows;
  }

  /** An AWS managed policy of the bundled catalogue under {@code /service-role/}. */
  public static boolean serviceRole(String name) {
    return ManagedPolicyCatalog.bundled().byName(name).map(p -> p.path().equals(SERVICE_ROLE_PATH)).orElse(false);
  }

  /**
   * Whether the role whose trust policy is {@code trust} can be assumed only by the service the
   * {@code /service-role/} policy {@code name} is written for: TRUE when every Allow statement
   * names only such service principals, FALSE when one admits anything else, UNKNOWN when a
   * principal or the document cannot be read.
   */
  public static Truth intendedUse(String name, Optional<PolicyDocument> trust) {
    if (trust.isEmpty() || !trust.get().complete()) return Truth.UNKNOWN;
    boolean allows = false;
    Truth result = Truth.TRUE;
    for (Statement s : trust.get().statements()) {
      if (s.isDeny()) continue; // a Deny only narrows who may assume the role
      if (!s.isAllow()) return Truth.UNKNOWN;
      if (s.notPrincipal().isPresent() || s.principal().isEmpty()) return Truth.FALSE;
      Truth statement = onlyServices(name, s.principal().get());
      if (statement.isFalse()) return Truth.FALSE;
      result = result.and(statement);
      allows = true;
    }
    return allows ? result : Truth.UNKNOWN;
  }

  /** Every principal of the element is a service principal the policy's name spells. */
  private static Truth onlyServices(String name, Value principal) {
    Truth result = Truth.TRUE;
    for (Value alternative : principal.alternatives()) {
      if (!(alternative instanceof Value.MapV map)) return alternative.asText().isPresent() ? Truth.FALSE : Truth.UNKNOWN;
      for (Value.MapV.Entry e : map.entries()) {
        if (!e.key().equalsIgnoreCase("Service")) return Truth.FALSE;
        for (Value item : e.value().items()) {
          for (Value v : item.alternatives()) {
            Optional<String> service = v.asText();
            if (service.isEmpty()) {
              result = result.and(Truth.UNKNOWN);
            } else if (!spells(name, service.get().trim())) {
              return Truth.FALSE;
            }
          }
        }
      }
    }
    return result;
  }

  /** Whether the policy name spells every label of the service principal ({@code drt.shield.amazonaws.com}). */
  static boolean spells(String policyName, String servicePrincipal) {
    var m = SERVICE.matcher(servicePrincipal);
    if (!m.matches()) return false;
    List<String> words = new ArrayList<>();
    for (String w : WORDS.split(policyName)) {
      if (!w.isEmpty()) words.add(w.toLowerCase(Locale.ROOT));
    }
    int spelledLabels = 0;
    for (String label : m.group(1).toLowerCase(Locale.ROOT).split("\\.")) {
      // A regional principal (codedeploy.eu-west-1.amazonaws.com) is the same service's.
      if (REGION.matcher(label).matches()) continue;
      if (!spelled(words, label.replace("-", ""))) return false;
      spelledLabels++;
    }
    return spelledLabels > 0;
  }

  /**
   * The label as one word or several consecutive ones, or as the initials of three or more
   * consecutive words ({@code fis} = Fault Injection Simulator).
   */
  private static boolean spelled(List<String> words, String label) {
    for (int i = 0; i < words.size(); i++) {
      StringBuilder joined = new StringBuilder();
      StringBuilder initials = new StringBuilder();
      for (int j = i; j < words.size() && (joined.length() < label.length() || initials.length() < label.length()); j++) {
        joined.append(words.get(j));
        initials.append(words.get(j).charAt(0));
        if (joined.toString().equals(label) || (j - i >= 2 && initials.toString().equals(label))) return true;
      }
    }
    return false;
  }
}
