package dev.iamlint.rule;

import java.util.List;

/** What {@code rules/<ID>.yaml} says about a rule: its documentation and tested examples. */
public record RuleMetadata(String id, String slug, String title, Severity severity, String category,
    List<String> formats, String description, String rationale, String remediation, List<String> references,
    List<String> peers, List<Example> examples) {

  /** {@code baseline}: the example is a whole account baseline (project-level rules apply). */
  public record Example(String title, boolean compliant, String format, String code, boolean baseline) {}

  public RuleMetadata {
    formats = List.copyOf(formats);
    references = List.copyOf(references);
    peers = List.copyOf(peers);
    examples = List.copyOf(examples);
  }
}
