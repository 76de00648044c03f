package dev.iamlint.fix;

import dev.iamlint.rule.Finding;
import dev.iamlint.scan.TestScans;
import dev.iamlint.source.FileKind;
import dev.iamlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A fixture written to a directory, scanned, and its files as the scan names them. */
final class FixTestFiles {
  private FixTestFiles() {}

  /** The findings of {@code rule} in {@code dir} (scanned as a directory, so paths are "dir/file"). */
  static List<Finding> findings(Path dir, String rule) {
    return TestScans.findings(dir, rule);
  }

  /** The file a finding's resource is declared in, as a scan reads it (paths relative to dir's parent). */
  static SourceFile source(Path dir, Finding f) throws IOException {
    Path path = dir.getParent().resolve(f.resource().file());
    String name = path.getFileName().toString();
    FileKind kind = name.endsWith(".tf") ? FileKind.TERRAFORM
        : name.endsWith(".json") ? FileKind.CLOUDFORMATION_JSON : FileKind.CLOUDFORMATION_YAML;
    return new SourceFile(path, f.resource().file(), kind, dir, Files.readString(path));
  }
}
