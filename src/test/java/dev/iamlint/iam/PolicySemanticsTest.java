package dev.iamlint.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.Statement;
import dev.iamlint.source.Location;
import dev.iamlint.value.Truth;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statement semantics as tables: action and resource coverage, conditions, MFA enforcement. */
class PolicySemanticsTest {
  private static final Location AT = Location.point("t.json", 1, 1);

  private static PolicyDocument doc(String statements) {
    return ManagedPolicyDocuments.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", AT);
  }

  private static Statement statement(String json) {
    return doc(json).statements().get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      star                        | {"Effect":"Allow","Action":"*","Resource":"*"}                                     | TRUE  | TRUE
      star colon star             | {"Effect":"Allow","Action":"*:*","Resource":"arn:aws:*:*:*:*"}                     | TRUE  | TRUE
      one service                 | {"Effect":"Allow","Action":"s3:*","Resource":"*"}                                   | FALSE | TRUE
      NotAction keeping iam writes| {"Effect":"Allow","NotAction":"s3:*","Resource":"*"}                                | TRUE  | TRUE
      NotAction without iam       | {"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}          | FALSE | TRUE
      NotResource one bucket      | {"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::logs/*"}                | TRUE  | TRUE
      NotResource star            | {"Effect":"Allow","Action":"*","NotResource":"*"}                                  | TRUE  | FALSE
      one role                    | {"Effect":"Allow","Action":"*","Resource":"arn:aws:iam::1:role/x"}                 | TRUE  | FALSE
      list with star              | {"Effect":"Allow","Action":["s3:GetObject","*"],"Resource":["arn:aws:s3:::b","*"]} | TRUE  | TRUE
      upper-case ARN prefix       | {"Effect":"Allow","Action":"*","Resource":"ARN:aws:*:*:*:*"}                       | TRUE  | TRUE
      three segments              | {"Effect":"Allow","Action":"*","Resource":"arn:aws:*"}                             | TRUE  | TRUE
      any partition               | {"Effect":"Allow","Action":"*","Resource":"arn:*:*:*:*:*"}                         | TRUE  | TRUE
      one colon more              | {"Effect":"Allow","Action":"*","Resource":"arn:aws:*:*:*:*:*"}                     | TRUE  | FALSE
      empty service               | {"Effect":"Allow","Action":"*","Resource":"arn:aws::*:*:*"}                        | TRUE  | FALSE
      two stars                   | {"Effect":"Allow","Action":"*","Resource":"arn:aws:**:*:*:*"}                      | TRUE  | FALSE
      only a partition            | {"Effect":"Allow","Action":"*","Resource":"arn:aws"}                               | TRUE  | FALSE
      not an ARN                  | {"Effect":"Allow","Action":"*","Resource":"aws:*:*:*:*"}                           | TRUE  | FALSE
      """)
  void coverage(String name, String json, Truth allActions, Truth allResources) {
    Statement s = statement(json);
    assertEquals(allActions, StatementScope.allActions(s).covers(), name + " actions");
    assertEquals(allResources, StatementScope.allResources(s).covers(), name + " resources");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      no condition                | {"Effect":"Allow","Action":"*","Resource":"*"}                                                                  | TRUE
      MFA does not narrow callers | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}      | TRUE
      TLS and region              | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}} | TRUE
      organization                | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-123"}}}     | FALSE
      source ARN                  | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::b"}}}     | FALSE
      external id                 | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"sts:ExternalId":"x1"}}}           | FALSE
      passed to service           | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}} | FALSE
      tag                         | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"a"}}}      | FALSE
      ForAllValues in an Allow    | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}}} | TRUE
      """)
  void conditions(String name, String json, Truth unrestricted) {
    Statement s = statement(json);
    assertEquals(unrestricted, Conditions.unrestricted(s.condition(), true), name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      BoolIfExists on NotAction   | {"Effect":"Deny","NotAction":["iam:*MFA*"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}} | TRUE
      BoolIfExists on star        | {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":false}}}              | TRUE
      Bool alone misses keys      | {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}                    | FALSE
      Bool and Null together      | {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Null":{"aws:MultiFactorAuthPresent":"true"}}} | TRUE
      one action only             | {"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}} | FALSE
      one resource only           | {"Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::b","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}} | FALSE
      an Allow requiring MFA      | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}                    | FALSE
      region narrows the Deny     | {"Effect":"Deny","NotAction":"iam:*MFA*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"},"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}} | FALSE
      second key, same operator   | {"Effect":"Deny","NotAction":"iam:*MFA*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false","aws:SecureTransport":"true"}}} | FALSE
      NotAction star denies nothing | {"Effect":"Deny","NotAction":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}        | FALSE
      Bool and Null in one statement | {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"},"Null":{"aws:MultiFactorAuthPresent":"true"}}} | FALSE
      tests true: not a deny      | {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}}             | FALSE
      """)
  void mfaEnforcement(String name, String statements, Truth enforced) {
    assertEquals(enforced, MfaEnforcement.of(List.of(doc(statements))).enforced(), name);
  }

  /** Time windows, judged as on a given day (UTC): a statement shut on that day grants nothing. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      no condition                      | 2026-06-15 | {}                                                                              | false
      ended before the day              | 2026-06-15 | {"DateLessThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}                      | true
      ends at the day's start           | 2026-06-15 | {"DateLessThan":{"aws:CurrentTime":"2026-06-15T00:00:00Z"}}                      | true
      ends during the day               | 2026-06-15 | {"DateLessThan":{"aws:CurrentTime":"2026-06-15T12:00:00Z"}}                      | false
      equals at the day's start         | 2026-06-15 | {"DateLessThanEquals":{"aws:CurrentTime":"2026-06-15T00:00:00Z"}}                | false
      date only                         | 2026-06-15 | {"DateLessThan":{"aws:CurrentTime":"2026-06-14"}}                                | true
      with an offset                    | 2026-06-15 | {"DateLessThan":{"aws:CurrentTime":"2026-06-15T01:00:00+02:00"}}                 | true
      ended, other day                  | 2019-06-15 | {"DateLessThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}                      | false
      values are ORed                   | 2026-06-15 | {"DateLessThan":{"aws:CurrentTime":["2020-01-01","2030-01-01"]}}                 | false
      every value ended                 | 2026-06-15 | {"DateLessThan":{"aws:CurrentTime":["2020-01-01","2021-01-01"]}}                 | true
      opens after the day               | 2026-06-15 | {"DateGreaterThan":{"aws:CurrentTime":"2026-06-16T00:00:00Z"}}                   | true
      opens during the day              | 2026-06-15 | {"DateGreaterThanEquals":{"aws:CurrentTime":"2026-06-15T18:00:00Z"}}             | false
      opened long ago                   | 2026-06-15 | {"DateGreaterThan":{"aws:CurrentTime":"2020-01-01"}}                             | false
      operator names ignore case        | 2026-06-15 | {"datelessthan":{"AWS:CurrentTime":"2020-01-01"}}                                | true
      IfExists on the current time      | 2026-06-15 | {"DateLessThanIfExists":{"aws:CurrentTime":"2020-01-01"}}                        | true
      epoch seconds as a date           | 2026-06-15 | {"DateLessThan":{"aws:EpochTime":"1577836800"}}                                  | true
      epoch with a numeric operator     | 2026-06-15 | {"NumericLessThanEquals":{"aws:EpochTime":1577836800}}                           | true
      numeric on the current time       | 2026-06-15 | {"NumericLessThan":{"aws:CurrentTime":1577836800}}                               | false
      tokens long expired               | 2026-06-15 | {"DateLessThan":{"aws:TokenIssueTime":"2026-06-13T00:00:00Z"}}                   | true
      tokens may still be valid         | 2026-06-15 | {"DateLessThan":{"aws:TokenIssueTime":"2026-06-14T00:00:00Z"}}                   | false
      IfExists lets keys through        | 2026-06-15 | {"DateLessThanIfExists":{"aws:TokenIssueTime":"2020-01-01"}}                     | false
      tokens not issued yet             | 2026-06-15 | {"DateGreaterThan":{"aws:TokenIssueTime":"2030-01-01"}}                          | true
      tokens since 2020                 | 2026-06-15 | {"DateGreaterThan":{"aws:TokenIssueTime":"2020-01-01"}}                          | false
      other key                         | 2026-06-15 | {"DateLessThan":{"aws:MultiFactorAuthAge":"2020-01-01"}}                         | false
      set operator                      | 2026-06-15 | {"ForAnyValue:DateLessThan":{"aws:CurrentTime":"2020-01-01"}}                    | false
      unreadable date                   | 2026-06-15 | {"DateLessThan":{"aws:CurrentTime":"yesterday"}}                                 | false
      another test ANDed                | 2026-06-15 | {"DateLessThan":{"aws:CurrentTime":"2020-01-01"},"Bool":{"aws:SecureTransport":"true"}} | true
      """)
  void timeWindows(String name, String day, String condition, boolean closed) {
    Statement s = statement("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":" + condition + "}");
    assertEquals(closed, TimeWindows.closed(s, LocalDate.parse(day)), name);
  }
}
