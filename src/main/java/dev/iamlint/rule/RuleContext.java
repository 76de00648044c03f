package dev.iamlint.rule;

import dev.iamlint.model.IamModel;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a rule sees: the model, the options, its own settings, and where to report. */
public final class RuleContext {
  private final IamModel model;
  private final ScanOptions options;
  private final RuleMetadata metadata;
  private final RuleSettings settings;
  private final Focus focus;
  private final List<Finding> findings = new ArrayList<>();

  public RuleContext(IamModel model, ScanOptions options, RuleMetadata metadata) {
    this(model, options, metadata, Focus.EVERYTHING);
  }

  public RuleContext(IamModel model, ScanOptions options, RuleMetadata metadata, Focus focus) {
    this.model = model;
    this.options = options;
    this.metadata = metadata;
    this.settings = options.settings(metadata.id());
    this.focus = focus;
  }

  public IamModel model() {
    return model;
  }

  public ScanOptions options() {
    return options;
  }

  /** The files whose findings this run may report or match (see {@link Focus}). */
  public Focus focus() {
    return focus;
  }

  /** A numeric parameter of this rule: the configured value, else the catalogue's default. */
  public int threshold(String name, int defaultValue) {
    return settings.integer(name).orElse(defaultValue);
  }

  /** A list parameter of this rule: the configured value, else the default. */
  public List<String> strings(String name, List<String> defaultValue) {
    return settings.strings(name).orElse(defaultValue);
  }

  /** Reports at the rule's severity (the catalogue's, or the configured one). */
  public void report(ResourceRef resource, Location location, String detail, String message, Related... related) {
    report(settings.severity().orElse(metadata.severity()), resource, location, detail, message, related);
  }

  /** Reports at a severity the rule chose for this case; a configured severity still wins. */
  public void report(Severity severity, ResourceRef resource, Location location, String detail, String message,
      Related... related) {
    add(settings.severity().orElse(severity), resource, location, detail, message, true, related);
  }

  /**
   * Reports what is written in the source itself (a credential literal): it is exposed to
   * whoever reads the code whether or not the resource around it is ever created.
   */
  public void reportWritten(ResourceRef resource, Location location, String detail, String message) {
    add(settings.severity().orElse(metadata.severity()), resource, location, detail, message, false);
  }

  private void add(Severity severity, ResourceRef resource, Location location, String detail, String message,
      Related... related) {
    add(severity, resource, location, detail, message, true, related);
  }

  private void add(Severity severity, ResourceRef resource, Location location, String detail, String message,
      boolean needsExistence, Related... related) {
    // An element that may not be created at all makes nothing about it certain.
    if (needsExistence && resource.mayNotExist().isPresent() && severity != Severity.INFO) {
      if (!options.reportUnknown()) return;
      severity = Severity.INFO;
      detail = "unknown:" + detail;
      message = "Not decided whether " + resource.mayNotExist().get() + ". If it does: " + message;
    }
    List<Related> all = new ArrayList<>(List.of(related));
    // Inside a module: each call on the way is a place the user may need to look at.
    String through = resource.isCloudFormation() ? "through this nested stack" : "through this module call";
    for (Location call : resource.callSites()) all.add(new Related(through, call));
    // Read from an export: which record of it, where the location alone does not say.
    resource.record().ifPresent(r -> all.add(new Related("in the export: " + r, resource.header())));
    findings.add(new Finding(metadata.id(), metadata.slug(), severity, message, location, resource, all, detail));
  }

  /**
   * A check this rule could not decide because {@code value} (or one branch of it) is unknown.
   * Never a certain finding: with {@code --report-unknown} it is reported at info, naming what
   * was to be checked and why the value is not known; otherwise nothing. {@code question} reads
   * "whether the password policy's minimum_password_length is at least 14".
   */
  public void undecided(ResourceRef resource, Value value, String detail, String question) {
    if (!options.reportUnknown()) return;
    Optional<Value> unknown = firstUnknown(value);
    if (unknown.isEmpty()) return;
    Value u = unknown.get();
    add(Severity.INFO, resource, u.location(), "unknown:" + detail,
        "Not decided " + question + ": " + reason((Value.Unknown) u) + u.provenance().suffix());
  }

  /**
   * Something the rule could not judge for another reason than an unknown value (an action the
   * bundled catalogue does not know): reported at info only with {@code --report-unknown}.
   */
  public void notJudged(ResourceRef resource, Location location, String detail, String message) {
    if (options.reportUnknown()) add(Severity.INFO, resource, location, "unknown:" + detail, message);
  }

  /** The same, when the rule has already found the value unknown (any kind of value). */
  public void undecided(ResourceRef resource, Optional<Value> value, String detail, String question) {
    value.ifPresent(v -> undecided(resource, v, detail, question));
  }

  /** "variable \"min_len\" has no value", or the partly known text with the reason. */
  private static String reason(Value.Unknown u) {
    return u.partial().isPresent() ? "the value is " + u.display() : u.reason();
  }

  private static Optional<Value> firstUnknown(Value value) {
    for (Value v : value.alternatives()) {
      if (v instanceof Value.Unknown) return Optional.of(v);
      if (v instanceof Value.ListV l) {
        for (Value item : l.items()) {
          Optional<Value> inner = firstUnknown(item);
          if (inner.isPresent()) return inner;
        }
      }
      if (v instanceof Value.MapV m) {
        for (Value.MapV.Entry e : m.entries()) {
          Optional<Value> inner = firstUnknown(e.value());
          if (inner.isPresent()) return inner;
        }
      }
    }
    return Optional.empty();
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }
}
