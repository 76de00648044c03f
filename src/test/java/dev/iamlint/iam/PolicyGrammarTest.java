package dev.iamlint.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.model.PolicyDefect;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.source.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What IAM rejects in a policy document (POL001), as a table; AWS's own policies pass it. */
class PolicyGrammarTest {
  private static final Location AT = Location.point("t.json", 1, 1);

  private static dev.iamlint.value.Value valueOf(String json) {
    return ManagedPolicyDocuments.value(json, AT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      valid                       | IDENTITY | {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}                  |
      old version, one statement  | IDENTITY | {"Version":"2008-10-17","Statement":{"Effect":"Deny","NotAction":"s3:*","NotResource":"*"}}                       |
      no version                  | IDENTITY | {"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}                                                   |
      bad version                 | IDENTITY | {"Version":"2012-10-18","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}                            | Version "2012-10-18" is neither "2012-10-17" nor "2008-10-17"
      no statement                | IDENTITY | {"Version":"2012-10-17"}                                                                                           | the document has no Statement
      statement is text           | IDENTITY | {"Version":"2012-10-17","Statement":"s3:*"}                                                                        | Statement is a string, neither an object nor a list of objects
      lower-case effect           | IDENTITY | {"Statement":[{"Effect":"allow","Action":"s3:*","Resource":"*"}]}                                                  | Effect "allow" of the statement at line 1 is neither "Allow" nor "Deny" (the value is case-sensitive)
      trust with lower-case effect | TRUST   | {"Statement":[{"Effect":"allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}    |
      trust with another effect   | TRUST    | {"Statement":[{"Effect":"Permit","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}   | Effect "Permit" of the statement at line 1 is neither "Allow" nor "Deny"
      no effect                   | IDENTITY | {"Statement":[{"Sid":"S","Action":"s3:*","Resource":"*"}]}                                                         | statement "S" has no Effect
      neither action              | IDENTITY | {"Statement":[{"Effect":"Allow","Resource":"*"}]}                                                                  | the statement at line 1 has neither Action nor NotAction
      both actions                | IDENTITY | {"Statement":[{"Effect":"Allow","Action":"s3:*","NotAction":"iam:*","Resource":"*"}]}                              | the statement at line 1 has both Action and NotAction
      neither resource            | IDENTITY | {"Statement":[{"Effect":"Allow","Action":"s3:*"}]}                                                                 | the statement at line 1 has neither Resource nor NotResource
      both resources              | IDENTITY | {"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","NotResource":"arn:aws:s3:::b"}]}                   | the statement at line 1 has both Resource and NotResource
      trust without resource      | TRUST    | {"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}           |
      trust without action        | TRUST    | {"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}}]}                                     | the statement at line 1 has neither Action nor NotAction
      unknown use, no resource    | UNKNOWN  | {"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}                                                       |
      empty list is not claimed   | IDENTITY | {"Statement":[{"Effect":"Allow","Action":[],"NotAction":"s3:*","Resource":[],"NotResource":"arn:aws:s3:::b"}]} |
      null resource is absent     | IDENTITY | {"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":null}]}                                                 | the statement at line 1 has neither Resource nor NotResource
      operators with set and IfExists | IDENTITY | {"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"ForAnyValue:StringLikeIfExists":{"k":"v"},"ForAllValues:ArnEquals":{"k":"v"},"NumericLessThanEqualsIfExists":{"k":1},"Null":{"k":"true"},"BinaryEquals":{"k":"AA=="},"NotIpAddress":{"k":"10.0.0.0/8"},"DateNotEquals":{"k":"2020-01-01"},"Bool":{"k":"true"}}}]} |
      operator case is not claimed | IDENTITY | {"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"stringequals":{"k":"v"}}}]}          |
      misspelt operator           | IDENTITY | {"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqual":{"k":"v"}}}]}            | condition operator "StringEqual" of the statement at line 1 is not an IAM condition operator (did you mean "StringEquals"?)
      unknown set prefix          | IDENTITY | {"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"ForEachValue:StringLike":{"k":"v"}}}]} | condition operator "ForEachValue:StringLike" of the statement at line 1 is not an IAM condition operator
      document is a list          | IDENTITY | [{"Effect":"Allow","Action":"s3:*","Resource":"*"}]                                                                | the document is a list, not a JSON object
      """)
  void defects(String name, PolicyDocument.Use use, String json, String expected) {
    PolicyDocument d = PolicyDocument.from(valueOf(json), use, List.of());
    List<String> problems = d.defects().stream().map(PolicyDefect::problem).toList();
    if (expected == null) {
      assertEquals(List.of(), problems, name);
      assertTrue(d.complete(), name + ": a valid document is read whole");
    } else {
      assertEquals(1, problems.size(), name + ": " + problems);
      assertTrue(problems.get(0).startsWith(expected), name + ": " + problems.get(0));
      // A document IAM certainly rejects takes no effect: no statement of it is judged as a grant.
      assertEquals(List.of(), d.statements(), name);
      assertTrue(!d.complete(), name);
    }
  }

  /** The grammar is checked against every AWS managed policy: AWS accepted all of them. */
  @Test
  void awsManagedPoliciesAreValid() throws IOException {
    String file = ActionCatalog.FOLDER + ActionCatalog.require(ActionCatalog.sources(), "managedPolicies.file");
    List<String> invalid = new ArrayList<>();
    int count = 0;
    for (String line : new String(ActionCatalog.gunzip(file), StandardCharsets.UTF_8).split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] f = line.split("\t", 3);
      count++;
      PolicyDocument d = PolicyDocument.from(valueOf(f[2]), PolicyDocument.Use.IDENTITY, List.of());
      if (!d.defects().isEmpty()) invalid.add(f[0] + ": " + d.defects().get(0).problem());
    }
    assertTrue(count > 1000, "managed policies read: " + count);
    assertEquals(List.of(), invalid);
  }
}
