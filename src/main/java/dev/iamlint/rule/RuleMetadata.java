package dev.iamlint.rule;

import java.util.List;

/** What {@code rules/<ID>.yaml} says about a rule: its documentation and tested examples. */
public record RuleMetadata(String id, String slug, String title, Severity severity, String category,
    List<String> formats, String description, String rationale, String remediation, List<String> references,
    List<String> peers, List<Example> examples, List<Parameter> parameters) {

  /** {@code baseline}: the example is a whole account baseline (project-level rules apply). */
  public record Example(String title, boolean compliant, String format, String code, boolean baseline) {}

  /**
   * A setting of the rule that config may change ({@code rules: { PWD002: { min_length: 16 } }}):
   * {@code type} is {@code integer} or {@code patterns} (a list of regular expressions).
   */
  public record Parameter(String name, String type, String defaultValue, String description) {}

  public RuleMetadata {
    parameters = List.copyOf(parameters);
    formats = List.copyOf(formats);
    references = List.copyOf(references);
    peers = List.copyOf(peers);
    examples = List.copyOf(examples);
  }
}
