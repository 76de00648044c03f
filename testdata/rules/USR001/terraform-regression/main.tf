# USR001 regression: rules.md lists TF aws_iam_user_policies_exclusive as a way a policy is embedded
# in a user. The resource is not read today (TerraformAdapter has no case for it), so the
# inline policies it pins on user "legacy" (created outside this scan) are not reported.
# Expected at the offending value, the policy_names list.

resource "aws_iam_user" "legacy" {
  name = "legacy"
}

resource "aws_iam_user_policies_exclusive" "legacy" {
  user_name    = aws_iam_user.legacy.name
  policy_names = ["legacy-inline"] # Noncompliant {{user "legacy"}}
}

# Compliant: no inline policy at all (an empty list removes every inline policy).
resource "aws_iam_user" "clean" {
  name = "clean"
}

# Compliant: no inline policy.
resource "aws_iam_user_policies_exclusive" "clean" {
  user_name    = aws_iam_user.clean.name
  policy_names = []
}
