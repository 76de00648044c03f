package dev.iamlint.fix;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rules.Catalog;
import dev.iamlint.source.FileKind;
import dev.iamlint.source.SourceFile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quick fixes whose outcome is certain: a setting of the password policy, a login profile
 * or a trail that has one right value (true, or the rule's threshold). A fix is offered only
 * where that setting is missing from the resource or written as a literal in the file; a value
 * that comes from a variable, a module argument, a parameter or an expression is not the file's
 * to change there, so it gets no fix (unknown is not certain). The finding and the text of the
 * file that declares its resource in, edits out; nothing is written, and the only thing read is
 * the names in a Terraform file's directory (an override file there makes its fixes uncertain).
 */
public final class Fixes {
  private Fixes() {}

  /** What the fix writes: {@code true}, or the number a rule's threshold asks for. */
  sealed interface Target {
    /** The text of the value in HCL, YAML and JSON alike. */
    Optional<String> text(ScanOptions options);
  }

  record True() implements Target {
    @Override
    public Optional<String> text(ScanOptions options) {
      return Optional.of("true");
    }
  }

  /** The threshold parameter of {@code rule} (configured, else its default), when AWS accepts it ({@code min..max}). */
  record Threshold(String rule, String parameter, int min, int max) implements Target {
    @Override
    public Optional<String> text(ScanOptions options) {
      Optional<Integer> configured = options.settings(rule).integer(parameter);
      Optional<Integer> value = configured.or(() -> Catalog.find(rule).flatMap(m -> defaultOf(m, parameter)));
      return value.filter(v -> v >= min && v <= max).map(String::valueOf);
    }

    private static Optional<Integer> defaultOf(RuleMetadata m, String parameter) {
      return m.parameters().stream().filter(p -> p.name().equals(parameter)).findFirst().flatMap(p -> {
        try {
          return Optional.of(Integer.parseInt(p.defaultValue().strip()));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      });
    }
  }

  /**
   * A setting a fix writes: for findings of {@code rule} with {@code detail}, on a Terraform
   * resource of {@code terraformType} ({@code terraformName}) or a CloudFormation resource of
   * {@code cloudFormationType} ({@code cloudFormationPath} under its {@code Properties}; empty when
   * CloudFormation has no such setting).
   */
  record Setting(String rule, String detail, String terraformType, String terraformName, String cloudFormationType,
      List<String> cloudFormationPath, Target target) {}

  private static final String POLICY = "aws_iam_account_password_policy";
  private static final String LOGIN = "aws_iam_user_login_profile";
  private static final String TRAIL = "aws_cloudtrail";
  private static final String CFN_TRAIL = "AWS::CloudTrail::Trail";

  /** The settings iamlint fixes; the bounds are those the AWS API accepts. */
  static final List<Setting> SETTINGS = List.of(
      new Setting("PWD002", "minimum", POLICY, "minimum_password_length", "", List.of(),
          new Threshold("PWD002", "min_length", 6, 128)),
      new Setting("PWD002", "initial-length", LOGIN, "password_length", "", List.of(),
          new Threshold("PWD002", "min_length", 6, 128)),
      new Setting("PWD003", "require_uppercase_characters", POLICY, "require_uppercase_characters", "", List.of(), new True()),
      new Setting("PWD003", "require_lowercase_characters", POLICY, "require_lowercase_characters", "", List.of(), new True()),
      new Setting("PWD003", "require_numbers", POLICY, "require_numbers", "", List.of(), new True()),
      new Setting("PWD003", "require_symbols", POLICY, "require_symbols", "", List.of(), new True()),
      new Setting("PWD004", "max-age", POLICY, "max_password_age", "", List.of(),
          new Threshold("PWD004", "max_age_days", 1, 1095)),
      new Setting("PWD005", "reuse", POLICY, "password_reuse_prevention", "", List.of(),
          new Threshold("PWD005", "min_reuse", 1, 24)),
      new Setting("PWD006", "change", POLICY, "allow_users_to_change_password", "", List.of(), new True()),
      new Setting("PWD008", "reset", LOGIN, "password_reset_required", "AWS::IAM::User",
          List.of("LoginProfile", "PasswordResetRequired"), new True()),
      new Setting("CT003", "multi-region", TRAIL, "is_multi_region_trail", CFN_TRAIL, List.of("IsMultiRegionTrail"), new True()),
      new Setting("CT004", "global-events", TRAIL, "include_global_service_events", CFN_TRAIL,
          List.of("IncludeGlobalServiceEvents"), new True()),
      new Setting("CT006", "validation", TRAIL, "enable_log_file_validation", CFN_TRAIL,
          List.of("EnableLogFileValidation"), new True()));

  /**
   * The certain fixes of each finding that has one, computed on the files as scanned ({@code
   * sources}, by their display path); in the findings' order.
   */
  public static Map<Finding, List<Fix>> certainFixes(List<Finding> findings, List<SourceFile> sources, ScanOptions options) {
    Map<String, SourceFile> byPath = new HashMap<>();
    for (SourceFile s : sources) byPath.put(s.displayPath(), s);
    // Each file is parsed once, for all its findings.
    Map<String, SourceText> texts = new HashMap<>();
    Map<Finding, List<Fix>> out = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (SETTINGS.stream().noneMatch(s -> s.rule().equals(f.ruleId()))) continue;
      SourceFile source = byPath.get(f.resource().file());
      if (source == null) continue;
      List<Fix> fixes = certainFixes(f, texts.computeIfAbsent(source.displayPath(), k -> new SourceText(source)), options);
      if (!fixes.isEmpty()) out.put(f, fixes);
    }
    return out;
  }

  /** The certain fixes of {@code finding}, with the rules' default thresholds. */
  public static List<Fix> certainFixes(Finding finding, SourceFile source) {
    return certainFixes(finding, source, ScanOptions.DEFAULT);
  }

  /**
   * The certain fixes of {@code finding} (none, or one), thresholds as {@code options} configure
   * them. {@code source} is the file that declares the finding's resource, as scanned or as an
   * editor holds it; any other file gives no fix.
   */
  public static List<Fix> certainFixes(Finding finding, SourceFile source, ScanOptions options) {
    return certainFixes(finding, new SourceText(source), options);
  }

  private static List<Fix> certainFixes(Finding finding, SourceText text, ScanOptions options) {
    SourceFile source = text.file;
    if (finding.isSuppressed() || !finding.resource().file().equals(source.displayPath()) || downloaded(source)) {
      return List.of();
    }
    Optional<Setting> setting = SETTINGS.stream().filter(s -> s.rule().equals(finding.ruleId()) && matches(finding.detail(), s.detail()))
        .findFirst();
    if (setting.isEmpty()) return List.of();
    Optional<String> value = setting.get().target().text(options);
    if (value.isEmpty()) return List.of();
    if (text.hasByteOrderMark()) return List.of();
    Optional<Fix> fix = switch (source.kind()) {
      case TERRAFORM -> TerraformEdits.set(finding, text, setting.get().terraformType(), setting.get().terraformName(), value.get());
      case CLOUDFORMATION_YAML, CLOUDFORMATION_JSON -> setting.get().cloudFormationPath().isEmpty() ? Optional.empty()
          : CloudFormationEdits.set(finding, text, source.kind() == FileKind.CLOUDFORMATION_JSON,
              setting.get().cloudFormationType(), setting.get().cloudFormationPath(), value.get());
      default -> Optional.empty();
    };
    return fix.stream().toList();
  }

  /**
   * A module Terraform downloaded ({@code .terraform/modules}): not the project's code, and
   * rewritten by the next {@code terraform init}.
   */
  static boolean downloaded(SourceFile source) {
    String path = "/" + source.displayPath().replace('\\', '/');
    return path.contains("/.terraform/");
  }

  /** A finding's detail names the setting; a suffix tells apart deployments sharing a module ({@code @root}). */
  private static boolean matches(String detail, String setting) {
    return detail.equals(setting) || detail.startsWith(setting + "@");
  }
}
