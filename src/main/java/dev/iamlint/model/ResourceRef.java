package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.SharedText;
import java.util.List;
import java.util.Optional;

/**
 * The declared resource an element of the model comes from. {@code scope} is the namespace its
 * address lives in (a CloudFormation template file, a Terraform module instance); {@code
 * address} is what users read ({@code Resources.DevUser}, {@code module.a.aws_iam_role.r["k"]});
 * {@code location} spans the whole declaration and {@code header} is its name (the logical id,
 * the block labels): where a finding about a missing attribute points.
 * {@code callSites} are the module calls that lead to it, outermost first (Terraform modules).
 * {@code deployment} is the id of the {@link Deployment} it belongs to (the Terraform root
 * module, plan or template that deploys it). {@code mayNotExist} says why the element may not be
 * created at all (a {@code count} or {@code for_each} that is not known): what is found about it
 * is then undecided, never certain. {@code record} says where an element read from an export of a
 * deployed account is in that export, when its location alone cannot show it (a JSON pointer
 * such as {@code /UserDetailList/1}, a line of an encoded report).
 */
public record ResourceRef(String scope, String address, String type, Location location, Location header,
    List<Location> callSites, String deployment, Optional<String> mayNotExist, Optional<String> construct,
    Optional<String> record) {

  public ResourceRef {
    scope = SharedText.of(scope);
    type = SharedText.of(type);
    deployment = SharedText.of(deployment);
    callSites = List.copyOf(callSites);
  }

  /**
   * {@code construct} is the path of the CDK construct that wrote it ({@code PipelineStack/DeployRole},
   * from its {@code aws:cdk:path} metadata), when a CDK app synthesized the template.
   */
  public ResourceRef(String scope, String address, String type, Location location, Location header,
      List<Location> callSites, String deployment, Optional<String> mayNotExist, Optional<String> construct) {
    this(scope, address, type, location, header, callSites, deployment, mayNotExist, construct, Optional.empty());
  }

  /**
   * The element at {@code scope}/{@code address} as {@code from} names it by reference, in
   * {@code from}'s deployment and located where {@code from} is: a key for what is kept under an
   * element the model does not hold (a permission set's boundary).
   */
  public static ResourceRef namedBy(String scope, String address, String type, ResourceRef from) {
    return new ResourceRef(scope, address, type, from.location(), from.header(), from.callSites(), from.deployment(),
        from.mayNotExist(), Optional.empty());
  }

  public ResourceRef(String scope, String address, String type, Location location, Location header,
      List<Location> callSites, String deployment, Optional<String> mayNotExist) {
    this(scope, address, type, location, header, callSites, deployment, mayNotExist, Optional.empty());
  }

  public ResourceRef(String scope, String address, String type, Location location, Location header,
      List<Location> callSites, String deployment) {
    this(scope, address, type, location, header, callSites, deployment, Optional.empty());
  }

  /** An element of a unit that is its own deployment, named by its scope (a template, a file). */
  public ResourceRef(String scope, String address, String type, Location location, Location header) {
    this(scope, address, type, location, header, List.of(), scope);
  }

  /** CloudFormation resources have AWS::/Alexa:: types; the rest is Terraform. */
  public boolean isCloudFormation() {
    return type.startsWith("AWS::") || type.startsWith("Alexa::") || type.startsWith("Custom::");
  }

  /** The name of a setting as the resource's format spells it. */
  public String setting(String cloudFormation, String terraform) {
    return isCloudFormation() ? cloudFormation : terraform;
  }

  /**
   * Whether the element was read from an export of a deployed account ({@code iamlint review}):
   * its settings are spelled as the AWS API returns them.
   */
  public boolean fromAccount() {
    return type.startsWith("account-") || type.equals("credential-report");
  }

  /** The name of a setting as the resource's format spells it, the AWS API's for an exported account. */
  public String setting(String cloudFormation, String terraform, String api) {
    return fromAccount() ? api : setting(cloudFormation, terraform);
  }

  /** The name of a setting of a resource only Terraform and the AWS API describe (the account password policy). */
  public String apiSetting(String terraform, String api) {
    return fromAccount() ? api : terraform;
  }

  public String file() {
    return location.file();
  }
}
