package dev.iamlint.rules;

import dev.iamlint.model.AccessKey;
import dev.iamlint.model.SecretSink;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.Rule;
import dev.iamlint.source.Location;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KEY002: the secret of an access key (Terraform {@code secret}, {@code ses_smtp_password_v4};
 * CloudFormation {@code SecretAccessKey}) flows, through locals, modules, functions and string
 * templates, into a place others can read: an output not marked sensitive, a plain SSM
 * parameter, a Lambda environment, instance user data.
 */
public final class AccessKeySecretExposed implements Rule {

  @Override
  public String id() {
    return "KEY002";
  }

  @Override
  public void check(RuleContext ctx) {
    for (SecretSink sink : ctx.model().secretSinks()) {
      List<Value.Unknown> found = new ArrayList<>();
      secrets(sink.value(), found);
      for (Value.Unknown secret : found) {
        Reference r = secret.reference().orElseThrow();
        Optional<AccessKey> key = ctx.model().accessKeys().stream()
            .filter(k -> k.resource().scope().equals(r.scope()) && k.resource().address().equals(r.address())).findFirst();
        if (key.isEmpty()) continue;
        // Where the secret is written; for an output fed from a module, the output's own value.
        Location at = sink.kind() == SecretSink.Kind.OUTPUT && !within(secret.location(), sink.resource().location())
            ? sink.value().location() : secret.location();
        ctx.report(sink.resource(), at, sink.kind() + "|" + key.get().resource().address() + "|" + r.attribute(),
            "The " + (r.attribute().equals("ses_smtp_password_v4") ? "SMTP password" : "secret") + " of access key "
                + key.get().resource().address() + " (" + r.attribute() + ") flows into " + sink.description()
                + origin(secret) + ": " + advice(sink.kind(), sink.resource().isCloudFormation()),
            new Related("the access key", key.get().resource().header()));
        break;
      }
    }
  }

  private static String advice(SecretSink.Kind kind, boolean cloudFormation) {
    return switch (kind) {
      case OUTPUT -> cloudFormation
          ? "anyone who can describe the stack sees it; keep the secret in Secrets Manager and output its ARN"
          : "anyone who can read the outputs or the state sees it; mark the output sensitive, or better store the key in Secrets Manager";
      case SSM_PARAMETER -> "a String parameter is not encrypted; use a SecureString parameter or Secrets Manager";
      case LAMBDA_ENVIRONMENT -> "anyone who can read the function's configuration sees it; give the function a role instead of a key";
      case USER_DATA -> "anyone who can read the instance attributes, and every process on the instance, sees it; use an instance profile";
    };
  }

  /**
   * Where the secret came from; not said for a text the secret is only a part of (a heredoc that
   * also names a domain): that text's origin is not the secret's.
   */
  private static String origin(Value.Unknown secret) {
    boolean composed = secret.partial().map(p -> !p.equals(String.valueOf(Value.Unknown.HOLE)) && !p.isEmpty()).orElse(false);
    return composed ? "" : secret.provenance().suffix();
  }

  private static boolean within(Location inner, Location outer) {
    return inner.file().equals(outer.file()) && outer.contains(inner.startLine());
  }

  /** Every unknown part that is a secret attribute, in order. */
  private static void secrets(Value v, List<Value.Unknown> out) {
    if (v instanceof Value.Unknown u) {
      if (u.reference().map(Reference::secret).orElse(false)) out.add(u);
    } else if (v instanceof Value.OneOf o) {
      o.alternatives().forEach(a -> secrets(a, out));
    } else if (v instanceof Value.ListV l) {
      l.items().forEach(i -> secrets(i, out));
    } else if (v instanceof Value.MapV m) {
      m.entries().forEach(e -> secrets(e.value(), out));
    } else if (v instanceof Value.Str s) {
      s.encoded().ifPresent(e -> secrets(e, out)); // jsonencode({...}) with unknown parts
    }
  }
}
