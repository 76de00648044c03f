package dev.iamlint.model;

import java.util.ArrayList;
import java.util.List;

/** Collects the elements adapters produce, then freezes them into an {@link IamModel}. */
public final class ModelBuilder {
  public final List<ResourceRef> resources = new ArrayList<>();
  public final List<User> users = new ArrayList<>();
  public final List<Group> groups = new ArrayList<>();
  public final List<Role> roles = new ArrayList<>();
  public final List<InstanceProfile> instanceProfiles = new ArrayList<>();
  public final List<GroupMembership> memberships = new ArrayList<>();
  public final List<PolicyAttachment> attachments = new ArrayList<>();
  public final List<CustomerPolicy> customerPolicies = new ArrayList<>();
  public final List<InlinePolicy> inlinePolicies = new ArrayList<>();
  public final List<AccessKey> accessKeys = new ArrayList<>();
  public final List<LoginProfile> loginProfiles = new ArrayList<>();
  public final List<Trail> trails = new ArrayList<>();
  public final List<ComputeInstance> computeInstances = new ArrayList<>();
  public final List<PasswordPolicy> passwordPolicies = new ArrayList<>();
  public final List<ConfigRule> configRules = new ArrayList<>();
  public final List<AccessAnalyzer> accessAnalyzers = new ArrayList<>();
  public final List<StaticCredential> credentials = new ArrayList<>();
  public final List<MetricFilter> metricFilters = new ArrayList<>();
  public final List<MetricAlarm> metricAlarms = new ArrayList<>();
  /** Metric filters a condition certainly leaves out: never part of the account, named by the rules that miss them. */
  public final List<MetricFilter> filtersNotCreated = new ArrayList<>();
  public final List<UnreadCall> unreadCalls = new ArrayList<>();
  public final List<SecretSink> secretSinks = new ArrayList<>();
  public final List<PermissionsBoundary> boundaries = new ArrayList<>();
  public final List<Deployment> deployments = new ArrayList<>();
  public final List<ServiceLaunch> serviceLaunches = new ArrayList<>();
  public final List<TrustDocument> trustDocuments = new ArrayList<>();
  public final List<CredentialReportLine> credentialReport = new ArrayList<>();
  public final List<CodeInventory> codeInventories = new ArrayList<>();

  public void addAll(ModelBuilder other) {
    resources.addAll(other.resources);
    users.addAll(other.users);
    groups.addAll(other.groups);
    roles.addAll(other.roles);
    instanceProfiles.addAll(other.instanceProfiles);
    memberships.addAll(other.memberships);
    attachments.addAll(other.attachments);
    customerPolicies.addAll(other.customerPolicies);
    inlinePolicies.addAll(other.inlinePolicies);
    accessKeys.addAll(other.accessKeys);
    loginProfiles.addAll(other.loginProfiles);
    trails.addAll(other.trails);
    computeInstances.addAll(other.computeInstances);
    passwordPolicies.addAll(other.passwordPolicies);
    configRules.addAll(other.configRules);
    accessAnalyzers.addAll(other.accessAnalyzers);
    credentials.addAll(other.credentials);
    metricFilters.addAll(other.metricFilters);
    metricAlarms.addAll(other.metricAlarms);
    filtersNotCreated.addAll(other.filtersNotCreated);
    unreadCalls.addAll(other.unreadCalls);
    secretSinks.addAll(other.secretSinks);
    boundaries.addAll(other.boundaries);
    deployments.addAll(other.deployments);
    serviceLaunches.addAll(other.serviceLaunches);
    trustDocuments.addAll(other.trustDocuments);
    credentialReport.addAll(other.credentialReport);
    codeInventories.addAll(other.codeInventories);
  }

  public IamModel build() {
    List<PolicyAttachment> attached = attachments.stream().filter(a -> !a.attachesNothing()).toList();
    return new IamModel(resources, users, groups, roles, instanceProfiles, memberships, attached,
        customerPolicies, inlinePolicies, accessKeys, loginProfiles, trails, computeInstances, passwordPolicies,
        configRules, accessAnalyzers, credentials, metricFilters, metricAlarms, secretSinks, boundaries,
        deployments, serviceLaunches, trustDocuments, credentialReport, codeInventories, filtersNotCreated, unreadCalls,
        new ModelIndex(deployments, resources, users, roles, groups, instanceProfiles, customerPolicies, memberships,
            loginProfiles, accessKeys, unreadCalls));
  }
}
