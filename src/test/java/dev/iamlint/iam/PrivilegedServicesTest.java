package dev.iamlint.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.model.PolicyDocument;
import dev.iamlint.source.Location;
import dev.iamlint.value.Truth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which whole-service grants are privileged (ADM002, ADM004), decided by the action catalogue's
 * access levels and resource types, and which real AWS managed policies that makes privileged;
 * when a service-role policy is on a role only its service can assume.
 */
class PrivilegedServicesTest {
  private static final Location AT = Location.point("t.json", 1, 1);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      s3              | true  | permissions management (bucket policies) and buckets
      kms             | true  | key policies, keys
      secretsmanager  | true  | secrets
      ssm             | true  | parameters, documents, managed instances
      dynamodb        | true  | tables
      rds             | true  | databases
      ec2             | true  | instances, snapshots
      iam             | true  | permissions management
      sts             | true  | roles to assume
      logs            | true  | log data
      athena          | true  | no permissions management, but work groups and query results
      codecommit      | true  | repositories
      cognito-idp     | true  | user pools
      sso-directory   | true  | no resource types in the catalogue, yet users and passwords
      route53domains  | true  | no resource types in the catalogue, yet transfer codes and name servers
      ssmmessages     | false | a channel for Session Manager agents
      ec2messages     | false | a channel for the SSM agent
      support         | false | support cases
      support-console | false | the support console
      supportplans    | false | support plans
      tiros           | false | Reachability Analyzer queries
      arsenal         | false | on-premises agent registration
      application-autoscaling | false | scaling targets and policies: capacity, no data, no permissions
      xray            | true  | trace data, which carries request details
      no-such-service | false | unknown to the catalogue
      """)
  void privilegedServices(String service, boolean privileged, String why) {
    assertEquals(privileged, Grants.isPrivilegedService(service), service + ": " + why);
  }

  /** Real AWS managed policies, judged by their bundled documents. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      PowerUserAccess                        | every action except
      IAMFullAccess                          | every action of iam on every resource
      AmazonS3FullAccess                     | every action of s3
      AmazonEC2FullAccess                    | privilege-escalation path
      AdministratorAccess-Amplify            | privilege-escalation path
      AmazonDynamoDBFullAccess               | every action of dynamodb
      AmazonRDSFullAccess                    | every action of rds
      AmazonSQSFullAccess                    | every action of sqs
      AmazonSSMFullAccess                    | privilege-escalation path
      AWSLambda_FullAccess                   | privilege-escalation path
      SecretsManagerReadWrite                | privilege-escalation path
      CloudWatchFullAccess                   | every action of cloudwatch, logs, sns
      AWSCodeCommitFullAccess                | every action of codecommit
      AmazonCognitoPowerUser                 | every action of cognito-identity, cognito-idp
      AWSSSODirectoryAdministrator           | every action of sso-directory
      AmazonRoute53DomainsFullAccess         | every action of route53domains
      AmazonElasticMapReduceforEC2Role       | every action of
      AmazonSSMManagedInstanceCore           |
      AmazonSSMManagedEC2InstanceDefaultPolicy |
      AmazonEC2RoleforSSM                    |
      AWSSupportAccess                       |
      AWSSupportPlansFullAccess              |
      SupportUser                            |
      CloudWatchAgentServerPolicy            |
      AWSCloud9SSMInstanceProfile            |
      AmazonEKSLocalOutpostClusterPolicy     |
      ReadOnlyAccess                         |
      ViewOnlyAccess                         |
      SecurityAudit                          |
      AWSLambdaBasicExecutionRole            |
      AmazonEKSWorkerNodePolicy              |
      AmazonEKS_CNI_Policy                   |
      AmazonEC2ContainerRegistryReadOnly     |
      AmazonECSTaskExecutionRolePolicy       |
      """)
  void managedPolicies(String name, String grants) {
    PolicyDocument d = ManagedPolicyDocuments.document(name, AT).orElseThrow(() -> new AssertionError("missing " + name));
    Optional<String> privileged = Grants.privileged(d);
    if (grants == null) {
      assertEquals(Optional.empty(), privileged, name);
    } else {
      assertTrue(privileged.isPresent() && privileged.get().contains(grants), name + ": " + privileged);
    }
  }

  /** The service a /service-role/ policy is written for, read from its name. */
  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', textBlock = """
      AWSGlueServiceRole                      | glue.amazonaws.com                 | true
      AWSGlueServiceRole                      | ec2.amazonaws.com                  | false
      AWSBatchServiceRole                     | batch.amazonaws.com                | true
      AWSCodeDeployRole                       | codedeploy.amazonaws.com           | true
      AmazonElasticMapReduceRole              | elasticmapreduce.amazonaws.com     | true
      AmazonElasticMapReduceforEC2Role        | ec2.amazonaws.com                  | true
      AmazonEC2RoleforSSM                     | ec2.amazonaws.com                  | true
      AmazonSSMAutomationRole                 | ssm.amazonaws.com                  | true
      AWSShieldDRTAccessPolicy                | drt.shield.amazonaws.com           | true
      AmazonRDSEnhancedMonitoringRole         | monitoring.rds.amazonaws.com       | true
      AmazonSageMakerGeospatialFullAccess     | sagemaker-geospatial.amazonaws.com | true
      AWSElasticBeanstalkService              | elasticbeanstalk.amazonaws.com     | true
      AWSGlueServiceRole                      | gluex.amazonaws.com                | false
      AmazonPersonalizeFullAccess             | es.amazonaws.com                   | false
      AWSGlueServiceRole                      | glue                               | false
      AWSGlueServiceRole                      | glue.amazonaws.com.cn              | true
      AWSFaultInjectionSimulatorEC2Access     | fis.amazonaws.com                  | true
      AWSFaultInjectionSimulatorEC2Access     | fi.amazonaws.com                   | false
      AWSCodeDeployRole                       | codedeploy.eu-west-1.amazonaws.com | true
      AWSCodeDeployRole                       | codedeploy.us-gov-west-1.amazonaws.com | true
      AWSCodeDeployRole                       | ec2.eu-west-1.amazonaws.com        | false
      AWSCodeDeployRole                       | eu-west-1.amazonaws.com            | false
      """)
  void serviceRoleNames(String policy, String principal, boolean spells) {
    assertEquals(spells, ServiceRolePolicies.spells(policy, principal));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      the service only          | {"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}                         | TRUE
      with a condition          | {"Effect":"Allow","Principal":{"Service":["glue.amazonaws.com"]},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}} | TRUE
      another service too       | {"Effect":"Allow","Principal":{"Service":["glue.amazonaws.com","ec2.amazonaws.com"]},"Action":"sts:AssumeRole"} | FALSE
      an account too            | {"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com","AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"} | FALSE
      a second statement        | {"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"} | FALSE
      a Deny does not widen     | {"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"} | TRUE
      everyone                  | {"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}                                                      | FALSE
      """)
  void intendedUse(String name, String statements, Truth expected) {
    PolicyDocument trust = PolicyDocument.from(ManagedPolicyDocuments.value("{\"Version\":\"2012-10-17\",\"Statement\":["
        + statements + "]}", AT), PolicyDocument.Use.TRUST, List.of());
    assertEquals(expected, ServiceRolePolicies.intendedUse("AWSGlueServiceRole", Optional.of(trust)), name);
  }
}
