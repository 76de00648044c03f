package dev.iamlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryTest {
  @TempDir
  Path tmp;

  private static final String CFN = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n";

  private List<String> discover(Path root) {
    return new Discovery(tmp, p -> false).discover(List.of(root)).files().stream()
        .map(f -> f.displayPath() + "=" + f.kind()).toList();
  }

  @Test
  void symlinksNeverLeadOutOfTheRootAndNeverLoop() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.yaml"), CFN);
    Files.writeString(root.resolve("a.yaml"), CFN);
    Files.createSymbolicLink(root.resolve("link-out.yaml"), outside.resolve("secret.yaml"));
    Files.createSymbolicLink(root.resolve("dir-out"), outside);
    Files.createSymbolicLink(root.resolve("loop"), root);
    Files.createSymbolicLink(root.resolve("link-in.yaml"), root.resolve("a.yaml"));
    assertEquals(List.of("root/a.yaml=CLOUDFORMATION_YAML"), discover(root));
  }

  @Test
  void toolDirectoriesAreSkipped() throws IOException {
    for (String d : List.of(".git", ".terraform", "node_modules", "src")) {
      Files.createDirectories(tmp.resolve(d));
      Files.writeString(tmp.resolve(d).resolve("t.yaml"), CFN);
    }
    assertEquals(List.of("src/t.yaml=CLOUDFORMATION_YAML"), discover(tmp));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "t.yaml     | 'AWSTemplateFormatVersion: x'                       | CLOUDFORMATION_YAML",
      "t.yml      | 'Resources:\\n  A:\\n    Type: AWS::IAM::User'       | CLOUDFORMATION_YAML",
      "t.json     | '{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"}}}' | CLOUDFORMATION_JSON",
      "t.template | '{\"AWSTemplateFormatVersion\": \"x\"}'              | CLOUDFORMATION_JSON",
      "k8s.yaml   | 'apiVersion: v1\\nkind: Pod'                         | ''",
      "p.json     | '{\"format_version\": \"1.2\", \"planned_values\": {}}' | TERRAFORM_PLAN",
      "main.tf    | 'resource \"a\" \"b\" {}'                              | TERRAFORM",
      "x.tf.json  | '{}'                                                | TERRAFORM_JSON",
      "a.tfvars   | 'a = 1'                                             | TERRAFORM_VARS",
      "notes.txt  | 'AWSTemplateFormatVersion'                          | ''",
  })
  void classification(String name, String content, String kind) throws IOException {
    Files.writeString(tmp.resolve(name), content.replace("\\n", "\n"));
    List<String> found = discover(tmp);
    assertEquals(kind.isEmpty() ? List.of() : List.of(name + "=" + kind), found);
  }
}
