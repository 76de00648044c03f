package dev.iamlint.iam;

import dev.iamlint.model.IamModel;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Principal} element of a statement, read entry by entry: {@code "*"} and
 * {@code {"AWS": "*"}} are everyone; an AWS entry is an account (its root ARN or id), a user, a
 * role or a role session; {@code Service} and {@code Federated} name services and identity
 * providers. Keys compare case-insensitively.
 */
public final class Principal {
  static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final String HOLE = String.valueOf(Value.Unknown.HOLE);
  /** The root ARN of an account whose id is the one unknown part: {@code arn:aws:iam::…:root}. */
  private static final Pattern DEPLOYING_ROOT = Pattern.compile("arn:aws[a-z-]*:iam::" + Pattern.quote(HOLE) + ":root");

  private Principal() {}

  /** What an entry of a Principal lets in. */
  public enum Kind {
    EVERYONE, ACCOUNT, USER, ROLE, SERVICE, FEDERATED, OTHER, UNKNOWN;

    /**
     * Whether a person may act as this principal and so could present MFA: an account (any of
     * its users), a user, or everyone. A role session cannot; services and identity providers
     * are not IAM people.
     */
    public Truth person() {
      return switch (this) {
        case EVERYONE, ACCOUNT, USER -> Truth.TRUE;
        case UNKNOWN -> Truth.UNKNOWN;
        default -> Truth.FALSE;
      };
    }
  }

  /**
   * One entry of a Principal: its type as written ({@code AWS}, {@code Service},
   * {@code Federated}, {@code CanonicalUser}, or {@code *} for the bare wildcard), its value, what
   * it lets in, and the account of an account, user or role entry.
   */
  public record Entry(String type, Value value, Kind kind, Account account) {

    /** An account, a user or a role, or the caller of the deployment (a user or a role of the deploying account). */
    public boolean iamIdentity() {
      return kind == Kind.ACCOUNT || kind == Kind.USER || kind == Kind.ROLE
          || kind == Kind.UNKNOWN && account instanceof Account.Deploying;
    }

    /**
     * Whether this entry admits only principals of the deploying account: FALSE for another
     * account, UNKNOWN when the account is not known. Everyone includes the deploying account
     * (TRUE); an entry that is not an account, user or role is FALSE. {@code deploying}: the
     * account ids the deployment may target, when known (see
     * {@link TrustPolicies#deployingAccounts}); without them a literal account id is another
     * account.
     */
    public Truth sameAccount(List<String> deploying) {
      if (kind == Kind.EVERYONE) return Truth.TRUE;
      // The caller of the deployment is a user or a role, which one is not known, of the deploying account.
      if (kind == Kind.UNKNOWN && account instanceof Account.Deploying) return Truth.TRUE;
      if (kind != Kind.ACCOUNT && kind != Kind.USER && kind != Kind.ROLE) return kind == Kind.UNKNOWN ? Truth.UNKNOWN : Truth.FALSE;
      if (account instanceof Account.Deploying) return Truth.TRUE;
      if (account instanceof Account.Id id) {
        if (!deploying.contains(id.id())) return Truth.FALSE;
        return deploying.size() == 1 ? Truth.TRUE : Truth.UNKNOWN;
      }
      return Truth.UNKNOWN;
    }
  }

  /** The account an entry belongs to. */
  public sealed interface Account {
    /** A literal account id. */
    record Id(String id) implements Account {}

    /**
     * The account that deploys the template or configuration: {@code ${AWS::AccountId}},
     * {@code data.aws_caller_identity}, or a role or user declared in the scan.
     */
    record Deploying() implements Account {}

    /** An account not known before deploy, or none (a service, a provider). */
    record NotKnown() implements Account {}
  }

  private static final Account NOT_KNOWN = new Account.NotKnown();

  /** Every entry of a Principal, each alternative of a choice on its own. */
  public static List<Entry> entries(Value principal, IamModel model) {
    List<Entry> out = new ArrayList<>();
    for (Value alternative : principal.alternatives()) {
      if (alternative instanceof Value.MapV m) {
        for (Value.MapV.Entry e : m.entries()) {
          for (Value item : e.value().items()) {
            for (Value v : item.alternatives()) out.add(entry(e.key(), v, model));
          }
        }
      } else if (alternative.asText().map("*"::equals).orElse(false)) {
        out.add(new Entry("*", alternative, Kind.EVERYONE, NOT_KNOWN));
      } else if (!(alternative instanceof Value.Null)) {
        out.add(new Entry("?", alternative, alternative instanceof Value.Unknown ? Kind.UNKNOWN : Kind.OTHER, NOT_KNOWN));
      }
    }
    return out;
  }

  private static Entry entry(String type, Value v, IamModel model) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.equals("service")) return new Entry(type, v, Kind.SERVICE, NOT_KNOWN);
    if (t.equals("federated")) return new Entry(type, v, Kind.FEDERATED, NOT_KNOWN);
    if (!t.equals("aws")) return new Entry(type, v, Kind.OTHER, NOT_KNOWN);
    if (v.asText().map("*"::equals).orElse(false)) return new Entry(type, v, Kind.EVERYONE, NOT_KNOWN);
    Optional<String> text = v.asText().or(() -> v instanceof Value.Unknown u ? u.partial() : Optional.empty());
    if (text.isPresent()) {
      String s = text.get().trim();
      if (ACCOUNT_ID.matcher(s).matches()) return new Entry(type, v, Kind.ACCOUNT, new Account.Id(s));
      // !Sub '${AWS::AccountId}', "${data.aws_caller_identity.current.account_id}": the account id itself.
      if (s.equals(HOLE) && v instanceof Value.Unknown u && deployingAccount(u)) {
        return new Entry(type, v, Kind.ACCOUNT, new Account.Deploying());
      }
      if (s.equals(HOLE) && v instanceof Value.Unknown u && anotherProvider(u)
          && u.reference().filter(r -> !r.attribute().equals("arn")).isPresent()) {
        return new Entry(type, v, Kind.ACCOUNT, NOT_KNOWN);
      }
      return arn(type, v, s);
    }
    if (v instanceof Value.Unknown u && deployingAccount(u)) return new Entry(type, v, Kind.ACCOUNT, new Account.Deploying());
    if (v instanceof Value.Unknown u && anotherProvider(u) && u.partial().isEmpty()
        && u.reference().filter(r -> !r.attribute().equals("arn")).isPresent()) {
      return new Entry(type, v, Kind.ACCOUNT, NOT_KNOWN);
    }
    if (v instanceof Value.Unknown u && deployingCaller(u)) return new Entry(type, v, Kind.UNKNOWN, new Account.Deploying());
    if (v instanceof Value.Unknown u && u.reference().isPresent()) {
      // A role or user declared in the scan is deployed with it, into the same account.
      Optional<ResourceRef> declared = model.declaration(v);
      String kindOf = declared.map(ResourceRef::type).orElse(u.reference().get().address());
      if (kindOf.equals("aws_iam_role") || kindOf.equals("AWS::IAM::Role")) return new Entry(type, v, Kind.ROLE, new Account.Deploying());
      if (kindOf.equals("aws_iam_user") || kindOf.equals("AWS::IAM::User")) return new Entry(type, v, Kind.USER, new Account.Deploying());
      // A role or user looked up by a data source exists already, in an account not known here.
      if (kindOf.matches("(.*\\.)?data\\.aws_iam_role\\..*")) return new Entry(type, v, Kind.ROLE, NOT_KNOWN);
      if (kindOf.matches("(.*\\.)?data\\.aws_iam_user\\..*")) return new Entry(type, v, Kind.USER, NOT_KNOWN);
    }
    return new Entry(type, v, v instanceof Value.Unknown ? Kind.UNKNOWN : Kind.OTHER, NOT_KNOWN);
  }

  /** {@code arn:partition:iam::account:root|user/…|role/…}, {@code arn:…:sts::account:assumed-role/…}, possibly with unknown parts. */
  private static Entry arn(String type, Value v, String text) {
    boolean partial = text.contains(HOLE);
    String[] parts = text.split(":", 6);
    Kind unreadable = partial ? Kind.UNKNOWN : Kind.OTHER;
    if (parts.length < 6 || !parts[0].equals("arn") || parts[2].contains(HOLE)) return new Entry(type, v, unreadable, NOT_KNOWN);
    String service = parts[2].toLowerCase(Locale.ROOT);
    String resource = parts[5];
    int slash = resource.indexOf('/');
    String resourceType = slash < 0 ? resource : resource.substring(0, slash);
    if (resourceType.contains(HOLE)) return new Entry(type, v, Kind.UNKNOWN, NOT_KNOWN);
    Kind kind = switch (service + ":" + resourceType) {
      case "iam:root" -> Kind.ACCOUNT;
      case "iam:user" -> slash < 0 ? Kind.OTHER : Kind.USER;
      case "iam:role", "sts:assumed-role" -> slash < 0 ? Kind.OTHER : Kind.ROLE;
      default -> Kind.OTHER;
    };
    // arn:aws:iam:::root: an account id left empty, a placeholder (a variable defaulting to "")
    // that IAM refuses as a principal; whom the deployed statement lets in is not known.
    if (kind != Kind.OTHER && parts[4].isEmpty()) return new Entry(type, v, Kind.UNKNOWN, NOT_KNOWN);
    return new Entry(type, v, kind, account(v, parts[4]));
  }

  /**
   * The account field of an ARN. The evaluators leave {@code ${AWS::AccountId}} and
   * {@code data.aws_caller_identity}'s {@code account_id} unknown; a value with one unknown part
   * keeps that part's reason and reference, which tell whether it is the deploying account.
   */
  private static Account account(Value v, String field) {
    if (ACCOUNT_ID.matcher(field).matches()) return new Account.Id(field);
    if (!field.equals(HOLE) || !(v instanceof Value.Unknown u) || u.partial().isEmpty()) return NOT_KNOWN;
    String partial = u.partial().get();
    if (partial.indexOf(Value.Unknown.HOLE) != partial.lastIndexOf(Value.Unknown.HOLE)) return NOT_KNOWN;
    return deployingAccount(u) ? new Account.Deploying() : NOT_KNOWN;
  }

  /** {@code ${AWS::AccountId}} or the account id of {@code data.aws_caller_identity}, as the evaluators leave them. */
  static boolean deployingAccount(Value.Unknown u) {
    return u.reason().startsWith("pseudo parameter AWS::AccountId ")
        || !anotherProvider(u) && u.reference().filter(r -> r.address().matches("(.*\\.)?data\\.aws_caller_identity\\.[^.]+")
            && (r.attribute().equals("account_id") || r.attribute().equals("id"))).isPresent();
  }

  /**
   * An account id, whichever account: the deploying one's, or a caller identity's in a module
   * whose providers may reach different accounts.
   */
  static boolean anAccountId(Value.Unknown u) {
    return deployingAccount(u) || anotherProvider(u) && u.partial().isEmpty()
        && u.reference().filter(r -> r.attribute().equals("account_id") || r.attribute().equals("id")).isPresent();
  }

  /**
   * The account of a {@code data.aws_caller_identity} in a Terraform module that deploys through
   * several AWS providers (the evaluator's reason begins so, see DataSources): an account, but
   * not known to be the one the role is created in.
   */
  private static boolean anotherProvider(Value.Unknown u) {
    return u.reason().startsWith("the account of a caller identity ");
  }

  /**
   * {@code data.aws_caller_identity}'s {@code arn}: whoever runs the deployment, a user or a role
   * (which one is not known) of the deploying account.
   */
  private static boolean deployingCaller(Value.Unknown u) {
    return u.partial().isEmpty() && !anotherProvider(u) && u.reference().filter(r -> r.address().matches("(.*\\.)?data\\.aws_caller_identity\\.[^.]+")
        && r.attribute().equals("arn")).isPresent();
  }

  /**
   * How messages name a principal entry: a declared resource by its kind and address (the OIDC
   * provider aws_iam_openid_connect_provider.github, role Resources.Ci), else the value as
   * written with what is unknown in it.
   */
  public static String describe(Value entry, IamModel model) {
    Optional<ResourceRef> declared = entry.asText().isPresent() ? Optional.empty() : model.declaration(entry);
    if (declared.isPresent()) {
      String type = declared.get().type();
      String noun = type.equals("aws_iam_openid_connect_provider") || type.equals("AWS::IAM::OIDCProvider") ? "the OIDC provider"
          : type.equals("aws_iam_role") || type.equals("AWS::IAM::Role") ? "role"
          : type.equals("aws_iam_user") || type.equals("AWS::IAM::User") ? "user" : type;
      return noun + " " + declared.get().address();
    }
    // The account id alone, or the root ARN built around it (!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root):
    // both admit the same principals and are named alike.
    if (entry instanceof Value.Unknown u && u.partial().map(p -> p.equals(HOLE) || DEPLOYING_ROOT.matcher(p).matches()).orElse(true)
        && deployingAccount(u)) {
      return "the deploying account (" + u.reference().map(r -> r.address() + "." + r.attribute()).orElse("AWS::AccountId")
          + ": any of its users and roles whose policies allow it)";
    }
    if (entry instanceof Value.Unknown u && u.partial().map(p -> p.equals(HOLE) || DEPLOYING_ROOT.matcher(p).matches()).orElse(true)
        && anotherProvider(u) && u.reference().isPresent()) {
      Reference r = u.reference().get();
      return "the account of " + r.address() + "." + r.attribute() + " (" + u.reason().substring("the account of a caller identity ".length())
          + ": any of its users and roles whose policies allow it)";
    }
    return entry.display();
  }

  /** The value that makes the principal everyone, if any. */
  public static Optional<Value> everyone(Value principal) {
    for (Value alternative : principal.alternatives()) {
      if (alternative.asText().map("*"::equals).orElse(false)) return Optional.of(alternative);
      if (alternative instanceof Value.MapV m) {
        Optional<Value.MapV.Entry> aws = m.entryIgnoreCase("AWS");
        if (aws.isPresent()) {
          for (Value v : aws.get().value().items()) {
            for (Value a : v.alternatives()) {
              if (a.asText().map("*"::equals).orElse(false)) return Optional.of(a);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The federated identity providers named, as written. */
  public static List<Value> federated(Value principal) {
    List<Value> out = new ArrayList<>();
    for (Value alternative : principal.alternatives()) {
      if (alternative instanceof Value.MapV m) {
        m.entryIgnoreCase("Federated").ifPresent(f -> f.value().items().forEach(v -> out.addAll(v.alternatives())));
      }
    }
    return out;
  }

  /**
   * A web-identity provider, as written or as a reference to a declared OIDC provider
   * ({@code aws_iam_openid_connect_provider.github.arn}, {@code !GetAtt GitHubProvider.Arn}).
   */
  public static Optional<String> oidcProvider(Value provider, IamModel model) {
    Optional<String> text = provider.asText();
    if (text.isPresent()) return isOidcProvider(text.get()) ? text : Optional.empty();
    if (provider instanceof Value.Unknown u && u.partial().isPresent() && isOidcProvider(u.partial().get())) {
      return Optional.of(u.partial().get().replace(HOLE, "…"));
    }
    return model.declaration(provider)
        .filter(d -> d.type().equals("aws_iam_openid_connect_provider") || d.type().equals("AWS::IAM::OIDCProvider"))
        .map(d -> "the OIDC provider " + d.address());
  }

  /** A web-identity (OIDC) provider: GitHub Actions, EKS, Cognito, or any oidc-provider ARN. */
  public static boolean isOidcProvider(String provider) {
    String p = provider.toLowerCase(Locale.ROOT);
    // A SAML provider is never one, whatever its name says (saml-provider/gitlab-sso).
    if (p.contains(":saml-provider/")) return false;
    return p.contains(":oidc-provider/") || p.contains("token.actions.githubusercontent.com")
        || p.contains("oidc.eks.") || p.equals("cognito-identity.amazonaws.com") || p.contains("gitlab")
        || p.contains("accounts.google.com") || p.contains("app.terraform.io");
  }
}
