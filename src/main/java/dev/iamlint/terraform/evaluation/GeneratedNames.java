package dev.iamlint.terraform.evaluation;

import dev.iamlint.value.Value;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resources whose {@code name} the AWS provider generates when none is given ({@code name =
 * null}, often beside {@code name_prefix}): such a resource still exists, so a reference to its
 * name is an unknown string, never "no name" (a role with a generated name is not a missing role).
 */
final class GeneratedNames {
  private static final Set<String> TYPES = Set.of("aws_iam_role", "aws_iam_policy", "aws_iam_instance_profile",
      "aws_iam_role_policy", "aws_launch_template", "aws_launch_configuration", "aws_security_group",
      "aws_iam_user_policy", "aws_iam_group_policy");
  private static final Pattern TYPE = Pattern.compile("(?:^|\\.)(aws_[a-z0-9_]+)\\.[A-Za-z_][A-Za-z0-9_-]*(?:\\[[^\\]]*\\])?$");

  private GeneratedNames() {}

  /** Whether the resource instance {@code address} with arguments {@code values} gets a generated name. */
  static boolean generates(String address, Value.MapV values) {
    if (values.get("name_prefix").isPresent()) return true;
    Matcher m = TYPE.matcher(address);
    return m.find() && TYPES.contains(m.group(1));
  }
}
