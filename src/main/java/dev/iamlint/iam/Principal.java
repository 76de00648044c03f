package dev.iamlint.iam;

import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Principal} element of a statement, read: {@code "*"} and {@code {"AWS": "*"}} are
 * everyone; {@code Federated} names identity providers. Keys compare case-insensitively.
 */
public final class Principal {
  private Principal() {}

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
  public static Optional<String> oidcProvider(Value provider, dev.iamlint.model.IamModel model) {
    Optional<String> text = provider.asText();
    if (text.isPresent()) return isOidcProvider(text.get()) ? text : Optional.empty();
    if (provider instanceof Value.Unknown u && u.partial().isPresent() && isOidcProvider(u.partial().get())) {
      return Optional.of(u.partial().get().replace(String.valueOf(Value.Unknown.HOLE), "…"));
    }
    return model.declaration(provider)
        .filter(d -> d.type().equals("aws_iam_openid_connect_provider") || d.type().equals("AWS::IAM::OIDCProvider"))
        .map(d -> "the OIDC provider " + d.address());
  }

  /** A web-identity (OIDC) provider: GitHub Actions, EKS, Cognito, or any oidc-provider ARN. */
  public static boolean isOidcProvider(String provider) {
    String p = provider.toLowerCase(Locale.ROOT);
    return p.contains(":oidc-provider/") || p.contains("token.actions.githubusercontent.com")
        || p.contains("oidc.eks.") || p.equals("cognito-identity.amazonaws.com") || p.contains("gitlab")
        || p.contains("accounts.google.com") || p.contains("app.terraform.io");
  }
}
