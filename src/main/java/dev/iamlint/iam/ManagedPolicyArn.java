package dev.iamlint.iam;

import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises AWS managed policy ARNs in every partition and with any path
 * ({@code arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess}). An ARN whose partition
 * is not known (a Fn::Sub on an input) still names the policy: the rest of the ARN decides.
 */
public final class ManagedPolicyArn {
  private static final Pattern AWS_MANAGED =
      Pattern.compile("arn:(aws|aws-cn|aws-us-gov|aws-iso(?:-[a-z]+)?|aws-eusc)?:iam::aws:policy/((?:[^/]+/)*)([^/]+)");

  private ManagedPolicyArn() {}

  /** The policy name when the value is certainly an AWS managed policy ARN. */
  public static Optional<String> awsManagedName(Value value) {
    if (value instanceof Value.Str s) return name(s.value());
    if (value instanceof Value.Unknown u && u.partial().isPresent()) {
      // Unknown partition, or unknown path (a policy looked up by name): the rest names the policy.
      String[] parts = u.partial().get().split(":", 6);
      if (parts.length != 6) return Optional.empty();
      if (parts[1].indexOf(Value.Unknown.HOLE) >= 0) parts[1] = "aws";
      String resource = parts[5].replace("/" + Value.Unknown.HOLE, "/");
      if (String.join(":", parts).indexOf(Value.Unknown.HOLE) >= 0 && resource.indexOf(Value.Unknown.HOLE) >= 0) {
        return Optional.empty();
      }
      parts[5] = resource;
      String arn = String.join(":", parts);
      return arn.indexOf(Value.Unknown.HOLE) >= 0 ? Optional.empty() : name(arn);
    }
    return Optional.empty();
  }

  /** Whether {@code value} is the AWS managed policy {@code name}, across its alternatives. */
  public static Truth isAwsManaged(Value value, String name) {
    Truth result = Truth.FALSE;
    for (Value v : value.alternatives()) {
      Optional<String> n = awsManagedName(v);
      if (n.isPresent()) {
        result = result.or(Truth.of(n.get().equals(name)));
      } else {
        result = result.or(v.isKnown() ? Truth.FALSE : Truth.UNKNOWN);
      }
    }
    return result;
  }

  private static Optional<String> name(String arn) {
    Matcher m = AWS_MANAGED.matcher(arn.trim());
    return m.matches() ? Optional.of(m.group(3)) : Optional.empty();
  }
}
