package dev.iamlint.cli;

import dev.iamlint.rule.Severity;
import picocli.CommandLine;

final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
  @Override
  public Severity convert(String value) {
    return Severity.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
        "unknown severity '" + value + "' (critical, high, medium, low, info)"));
  }
}
