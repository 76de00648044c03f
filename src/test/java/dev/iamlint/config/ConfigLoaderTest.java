package dev.iamlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  private static final Path FILE = Path.of(".iamlint.yaml");

  private static Config parse(String text) throws ConfigException {
    return ConfigLoader.parse(FILE, ".iamlint.yaml", text, Catalog.all());
  }

  @Test
  void readsEveryKeyOfTheInterface() throws ConfigException {
    Config c = parse("""
        account_baseline: true
        account_id: "111122223333"
        cloudtrail: external
        fail_on: medium
        min_severity: low
        report_unknown: true
        require_reason: false
        rules:
          MON001: { enabled: false }
          password-min-length: { severity: high, min_length: 16 }
          PWD005: { min_reuse: 12 }
          PWD004: { max_age_days: 60 }
          USR004: { patterns: ["(?i)\\\\bsvc\\\\b"] }
        exclude: ["examples/**", "**/.terraform/**"]
        ignore:
          - { rule: ADM001, resource: "aws_iam_role_policy_attachment.breakglass", reason: "reviewed", until: "2027-01-31" }
          - rule: USR003,KEY001
            path: "legacy/*.tf"
            reason: legacy users
        """);
    assertEquals(Optional.of(true), c.accountBaseline());
    assertEquals(Optional.of(true), c.externalCloudTrail());
    assertEquals(Optional.of("111122223333"), c.accountId());
    assertEquals(Optional.of(Severity.MEDIUM), c.failOn());
    assertEquals(Optional.of(Severity.LOW), c.minSeverity());
    assertEquals(Optional.of(true), c.reportUnknown());
    assertEquals(false, c.requireReason());
    assertEquals(Optional.of(false), c.rules().get("MON001").enabled());
    assertEquals(Optional.of(Severity.HIGH), c.rules().get("PWD002").severity(), "a slug names the rule");
    assertEquals(Optional.of(16), c.rules().get("PWD002").integer("min_length"));
    assertEquals(Optional.of(12), c.rules().get("PWD005").integer("min_reuse"));
    assertEquals(Optional.of(List.of("(?i)\\bsvc\\b")), c.rules().get("USR004").strings("patterns"));
    assertEquals(List.of("examples/**", "**/.terraform/**"), c.exclude());
    assertEquals(2, c.ignore().size());
    assertEquals(List.of("USR003", "KEY001"), c.ignore().get(1).rules());
    assertEquals(Optional.of("legacy/*.tf"), c.ignore().get(1).path());
    assertEquals(17, c.ignore().get(1).at().startLine());
  }

  @Test
  void yamlOneOneBooleansKeepTheirMeaning() throws ConfigException {
    Config c = parse("report_unknown: yes\nrequire_reason: off\nrules:\n  MON001: { enabled: on }\n");
    assertEquals(Optional.of(true), c.reportUnknown());
    assertEquals(false, c.requireReason());
    assertEquals(Optional.of(true), c.rules().get("MON001").enabled());
  }

  @Test
  void anEmptyFileIsAnEmptyConfig() throws ConfigException {
    Config c = parse("# nothing yet\n");
    assertTrue(c.rules().isEmpty() && c.ignore().isEmpty() && c.requireReason());
  }

  /** Every mistake names the file, the line, the column and the key. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      unknown top key        | `fail_on: low\\nfailon: high`                        | .iamlint.yaml:2:1: unknown key 'failon'
      wrong type             | `account_baseline: yes please`                      | .iamlint.yaml:1:19: 'account_baseline' must be true or false
      bad severity           | `fail_on: urgent`                                   | .iamlint.yaml:1:10: 'fail_on' must be one of critical, high, medium, low, info, not 'urgent'
      account id not 12 digits | `account_id: 1234`                               | .iamlint.yaml:1:13: 'account_id' must be a 12-digit AWS account id, not '1234'
      cloudtrail value       | `cloudtrail: organization`                          | .iamlint.yaml:1:13: 'cloudtrail' must be project or external
      unknown rule           | `rules:\\n  ADM999: { enabled: false }`            | .iamlint.yaml:2:3: unknown rule 'ADM999' in 'rules'
      unknown rule setting   | `rules:\\n  PWD002: { min_len: 16 }`               | .iamlint.yaml:2:13: unknown key 'rules.PWD002.min_len' (PWD002 takes enabled, min_length, severity)
      threshold type         | `rules:\\n  PWD002: { min_length: sixteen }`       | .iamlint.yaml:2:25: 'rules.PWD002.min_length' must be a whole number
      enabled type           | `rules:\\n  CT001: { enabled: 0 }`                 | .iamlint.yaml:2:21: 'rules.CT001.enabled' must be true or false
      rule settings not map  | `rules:\\n  CT001: false`                          | .iamlint.yaml:2:10: 'rules.CT001' must be a map
      bad pattern            | `rules:\\n  USR004: { patterns: ["(shared"] }`     | .iamlint.yaml:2:24: 'rules.USR004.patterns' has an invalid regular expression
      exclude not a list     | `exclude: examples/**`                              | .iamlint.yaml:1:10: 'exclude' must be a list
      ignore unknown key     | `ignore:\\n  - { rule: ADM001, reson: x }`         | .iamlint.yaml:2:21: unknown key 'ignore[].reson'
      ignore without rule    | `ignore:\\n  - { reason: x }`                       | .iamlint.yaml:2:5: an 'ignore' entry needs 'rule'
      ignore unknown rule    | `ignore:\\n  - { rule: NOPE01, reason: x }`        | .iamlint.yaml:2:13: unknown rule 'NOPE01' in 'ignore[].rule'
      ignore bad date        | `ignore:\\n  - { rule: ADM001, until: 2027-13-01 }` | .iamlint.yaml:2:28: 'ignore[].until' must be a date YYYY-MM-DD
      duplicate key          | `fail_on: low\nfail_on: high`                       | .iamlint.yaml:2:1: duplicate key 'fail_on' in the config
      duplicate setting      | `rules:\n  PWD002: { min_length: 16, min_length: 8 }` | .iamlint.yaml:2:29: duplicate key 'min_length'
      empty ignore rule      | `ignore:\n  - { rule: "", reason: x }`            | .iamlint.yaml:2:13: 'ignore[].rule' names no rule
      not a map              | `- a\\n- b`                                         | .iamlint.yaml:1:1: the config must be a map
      not YAML               | `rules: [`                                          | .iamlint.yaml:1:
      """)
  void aBadConfigIsAnErrorThatNamesFileLineAndKey(String name, String text, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(text.replace("\\n", "\n")));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void theNearestFileFromTheScanRootUpwardsStoppingAtTheRepository(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("repo/.git"));
    Files.createDirectories(dir.resolve("repo/infra/prod"));
    Files.writeString(dir.resolve(".iamlint.yaml"), "fail_on: high\n");
    assertEquals(Optional.empty(), ConfigLoader.find(dir.resolve("repo/infra/prod")), "not above the repository root");
    Files.writeString(dir.resolve("repo/.iamlint.yaml"), "fail_on: high\n");
    assertEquals(Optional.of(dir.resolve("repo/.iamlint.yaml")), ConfigLoader.find(dir.resolve("repo/infra/prod")));
    Files.writeString(dir.resolve("repo/infra/.iamlint.yaml"), "fail_on: low\n");
    assertEquals(Optional.of(dir.resolve("repo/infra/.iamlint.yaml")), ConfigLoader.find(dir.resolve("repo/infra/prod")));
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(delimiter = '|', textBlock = """
      examples/**        | examples/a.tf             | true
      examples/**        | examples/deep/b/c.yaml    | true
      examples/**        | src/examples/a.tf         | false
      examples           | examples/a.tf             | true
      **/.terraform/**   | mod/.terraform/modules/x  | true
      **/.terraform/**   | .terraform/modules/x      | true
      *.json             | deep/plan.json            | true
      legacy/*.tf        | legacy/users.tf           | true
      legacy/*.tf        | legacy/sub/users.tf       | false
      templates/?.yaml   | templates/a.yaml          | true
      {dev,test}/**      | dev/a.tf                  | true
      {dev,test}/**      | test/b/c.tf               | true
      {dev,test}/**      | prod/a.tf                 | false
      *.{tf,tofu}        | mod/a.tofu                | true
      *.{tf,tofu}        | mod/a.yaml                | false
      env-[0-9]/*.tf     | env-3/main.tf             | true
      env-[0-9]/*.tf     | env-x/main.tf             | false
      env-[!0-9]/*.tf    | env-x/main.tf             | true
      env-[^0-9]/*.tf    | env-3/main.tf             | false
      [ab]*.yaml         | b-stack.yaml              | true
      {a,{b,c}x}.tf      | cx.tf                     | true
      \\{literal}.tf      | {literal}.tf              | true
      """)
  void globs(String glob, String path, boolean expected) {
    assertEquals(expected, Globs.matches(Globs.compile(glob), path));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"env-[0-9/*.tf", "{dev,test/**", "a/[x/y]/b"})
  void aGlobThatDoesNotCloseWhatItOpensIsALocatedConfigError(String glob) {
    ConfigException e = Assertions.assertThrows(ConfigException.class,
        () -> ConfigLoader.parse(Path.of(".iamlint.yaml"), ".iamlint.yaml", "exclude:\n  - \"" + glob + "\"\n",
            Catalog.all()));
    assertTrue(e.getMessage().startsWith(".iamlint.yaml:2:5: 'exclude[]' is not a valid glob"), e.getMessage());
  }
}
