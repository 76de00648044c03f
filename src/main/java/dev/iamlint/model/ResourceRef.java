package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.SharedText;
import java.util.List;
import java.util.Objects;
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

  // equals and hashCode written out, with the values the record's own would give (hashCode folds
  // each component as h * 31 + its hash): the generated ones are bound on first use through a chain
  // of method handles, which a fresh JVM builds at some cost, and this record is hashed on every run.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ResourceRef r && Objects.equals(scope, r.scope) && Objects.equals(address, r.address)
        && Objects.equals(type, r.type) && Objects.equals(location, r.location) && Objects.equals(header, r.header)
        && Objects.equals(callSites, r.callSites) && Objects.equals(deployment, r.deployment)
        && Objects.equals(mayNotExist, r.mayNotExist) && Objects.equals(construct, r.construct) && Objects.equals(record, r.record);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(scope);
    h = h * 31 + Objects.hashCode(address);
    h = h * 31 + Objects.hashCode(type);
    h = h * 31 + Objects.hashCode(location);
    h = h * 31 + Objects.hashCode(header);
    h = h * 31 + Objects.hashCode(callSites);
    h = h * 31 + Objects.hashCode(deployment);
    h = h * 31 + Objects.hashCode(mayNotExist);
    h = h * 31 + Objects.hashCode(construct);
    return h * 31 + Objects.hashCode(record);
  }
}
