package dev.iamlint.rule;

import dev.iamlint.model.IamModel;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.source.Location;
import java.util.ArrayList;
import java.util.List;

/** What a rule sees: the model, the options, and where to report. */
public final class RuleContext {
  private final IamModel model;
  private final ScanOptions options;
  private final RuleMetadata metadata;
  private final List<Finding> findings = new ArrayList<>();

  public RuleContext(IamModel model, ScanOptions options, RuleMetadata metadata) {
    this.model = model;
    this.options = options;
    this.metadata = metadata;
  }

  public IamModel model() {
    return model;
  }

  public ScanOptions options() {
    return options;
  }

  /** Reports at the rule's default severity. */
  public void report(ResourceRef resource, Location location, String detail, String message, Related... related) {
    report(metadata.severity(), resource, location, detail, message, related);
  }

  public void report(Severity severity, ResourceRef resource, Location location, String detail, String message,
      Related... related) {
    List<Related> all = new ArrayList<>(List.of(related));
    // Inside a module: each call on the way is a place the user may need to look at.
    for (Location call : resource.callSites()) all.add(new Related("through this module call", call));
    findings.add(new Finding(metadata.id(), metadata.slug(), severity, message, location, resource, all, detail));
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }
}
