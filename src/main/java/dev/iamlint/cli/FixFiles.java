package dev.iamlint.cli;

import dev.iamlint.fix.Edits;
import dev.iamlint.fix.Fix;
import dev.iamlint.fix.Reparse;
import dev.iamlint.fix.UnifiedDiff;
import dev.iamlint.rule.Finding;
import dev.iamlint.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scan --fix} and {@code --fix-dry-run}: the certain fixes of the reported findings,
 * applied file by file. A file is written only when the fixed text parses with the loader that
 * read it, lies under a scanned path (its real path too: never through a symbolic link) and
 * still holds what the scan read; otherwise it is left as it is and one line says why. Fixes
 * that overlap one applied before are left out, with a note.
 */
final class FixFiles {
  private final List<Path> roots;
  private final PrintWriter err;

  /** {@code roots}: the scanned paths (files or directories), absolute. */
  FixFiles(List<Path> roots, PrintWriter err) {
    this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.err = err;
  }

  /** One file's fixes: the fixed text, or why it is not written. */
  record Outcome(SourceFile file, String fixed, int applied, int skipped, Optional<String> refused) {}

  /** The fixes of the findings (in their order), grouped by the file they edit. */
  static Map<SourceFile, List<Fix>> byFile(Map<Finding, List<Fix>> fixes, List<SourceFile> sources) {
    Map<Path, SourceFile> byPath = new LinkedHashMap<>();
    for (SourceFile s : sources) byPath.put(s.path().toAbsolutePath().normalize(), s);
    Map<SourceFile, List<Fix>> out = new LinkedHashMap<>();
    fixes.forEach((finding, list) -> {
      for (Fix fix : list) {
        SourceFile file = byPath.get(fix.edits().get(0).file().toAbsolutePath().normalize());
        if (file != null) out.computeIfAbsent(file, k -> new ArrayList<>()).add(fix);
      }
    });
    return out;
  }

  /** The fixed text of each file, or why it cannot be written. */
  List<Outcome> plan(Map<SourceFile, List<Fix>> fixes) {
    List<Outcome> out = new ArrayList<>();
    fixes.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.displayPath().compareTo(b.displayPath())))
        .forEach(e -> {
          SourceFile file = e.getKey();
          Edits.Applied applied = Edits.apply(file.text(), e.getValue());
          Optional<String> refused = Reparse.syntaxError(file.kind(), file.displayPath(), applied.text())
              .map(error -> "the fixed text would not parse (" + error + ")")
              .or(() -> outsideRoots(file.path()));
          out.add(new Outcome(file, applied.text(), applied.applied().size(), applied.skipped().size(), refused));
        });
    return out;
  }

  /** Prints the diff of every file that would be written; writes nothing. */
  void preview(List<Outcome> outcomes, PrintWriter out) {
    for (Outcome o : outcomes) {
      if (o.refused().isPresent()) {
        err.println("iamlint: " + o.file().displayPath() + ": would not be fixed: " + o.refused().get());
        continue;
      }
      out.print(UnifiedDiff.of(o.file().displayPath(), o.file().text(), o.fixed()));
      skippedNote(o);
    }
    out.flush();
  }

  /** Writes every file that can be; the number written. */
  int write(List<Outcome> outcomes) {
    int written = 0;
    for (Outcome o : outcomes) {
      Optional<String> problem = o.refused().or(() -> changedOnDisk(o.file()));
      if (problem.isEmpty()) {
        try {
          replace(o.file().path(), o.fixed());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
          problem = Optional.of("cannot write it: " + e.getMessage());
        }
      }
      if (problem.isPresent()) {
        err.println("iamlint: " + o.file().displayPath() + ": not fixed: " + problem.get());
        continue;
      }
      written++;
      err.println("iamlint: " + o.file().displayPath() + ": fixed " + o.applied() + (o.applied() == 1 ? " finding" : " findings"));
      skippedNote(o);
    }
    err.flush();
    return written;
  }

  /**
   * Replaces {@code file} by {@code text} whole: written to a new file beside it (with its
   * permissions), then renamed over it. A reader sees the old text or the new one, never half; a
   * failure leaves the file as it was; and the rename replaces this name only, never writing
   * through a symbolic link or into another name of the same file (a hard link from outside the
   * scanned paths keeps what it held).
   */
  private static void replace(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(dir, "." + file.getFileName() + ".", ".iamlint-fix");
    try {
      Files.write(temporary, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
      copyPermissions(file, temporary);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The file's POSIX permissions onto {@code to}, where the file system has them. */
  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (source != null && target != null) target.setPermissions(source.readAttributes().permissions());
  }

  private void skippedNote(Outcome o) {
    if (o.skipped() > 0) {
      err.println("iamlint: " + o.file().displayPath() + ": " + o.skipped() + (o.skipped() == 1 ? " fix" : " fixes")
          + " left out: it overlaps another fix (run --fix again)");
    }
  }

  /** Why a file may not be written: outside every scanned path, or reached through a symbolic link. */
  private Optional<String> outsideRoots(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Optional<Path> root = roots.stream().filter(abs::startsWith).findFirst();
    if (root.isEmpty()) return Optional.of("it lies outside the scanned paths");
    if (Files.isSymbolicLink(abs)) return Optional.of("it is a symbolic link");
    try {
      Path realRoot = root.get().toRealPath();
      if (!abs.toRealPath().startsWith(realRoot)) return Optional.of("its real path lies outside the scanned paths");
    } catch (IOException e) {
      return Optional.of("cannot resolve its path: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** Whether the file no longer holds the text the scan read (edited since, or not plain UTF-8 such as with a byte order mark). */
  private static Optional<String> changedOnDisk(SourceFile file) {
    try {
      byte[] bytes = Files.readAllBytes(file.path());
      String now = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return now.equals(file.text()) ? Optional.empty()
          : Optional.of("it changed since it was read, or is not plain UTF-8");
    } catch (CharacterCodingException e) {
      return Optional.of("it is not plain UTF-8");
    } catch (IOException e) {
      return Optional.of("cannot read it again: " + e.getMessage());
    }
  }
}
