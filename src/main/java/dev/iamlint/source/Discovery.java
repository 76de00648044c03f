package dev.iamlint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Walks the scan paths and picks the files iamlint reads.
 *
 * <p>Symbolic links are never followed out of the scan root: a linked file is read only when
 * its real path lies under the root's real path, a linked directory is never entered (so no
 * loop is possible), and each real file is read once.
 */
public final class Discovery {

  /** Directories that never hold sources the user wrote. */
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".terraform", "node_modules");

  /** CloudFormation's own limit is 1 MB; anything far beyond that is not a template. */
  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private static final Pattern CFN_RESOURCE_TYPE =
      Pattern.compile("[\"']?Type[\"']?\\s*:\\s*[\"']?AWS::[A-Za-z0-9]+::");

  private final Path workingDirectory;
  private final Predicate<String> excluded;

  public Discovery(Path workingDirectory, Predicate<String> excluded) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.excluded = excluded;
  }

  public record Result(List<SourceFile> files, List<FileError> errors) {}

  public Result discover(List<Path> paths) {
    List<SourceFile> files = new ArrayList<>();
    List<FileError> errors = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path given : paths) {
      Path absolute = workingDirectory.resolve(given).normalize();
      if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        errors.add(new FileError(display(absolute), "no such file or directory"));
        continue;
      }
      if (Files.isDirectory(absolute)) {
        walk(absolute, files, errors, seen);
      } else {
        if (excluded.test(absolute(absolute))) continue;
        Path root = absolute.getParent() == null ? absolute : absolute.getParent();
        // A file named explicitly is read even when its extension is unusual for YAML.
        consider(absolute, root, true, files, errors, seen);
      }
    }
    files.sort(Comparator.comparing(SourceFile::displayPath));
    errors.sort(Comparator.comparing(FileError::file));
    return new Result(List.copyOf(files), List.copyOf(errors));
  }

  private void walk(Path root, List<SourceFile> files, List<FileError> errors, Set<Path> seen) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      errors.add(new FileError(display(root), "cannot read directory: " + e.getMessage()));
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root)) {
            String name = dir.getFileName().toString();
            if (SKIPPED_DIRECTORIES.contains(name) || excluded.test(absolute(dir) + "/")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (excluded.test(absolute(file))) return FileVisitResult.CONTINUE;
          if (attrs.isSymbolicLink()) {
            Optional<Path> target = realPathInside(file, realRoot);
            // Linked directories are never entered; linked files only inside the root.
            if (target.isEmpty() || Files.isDirectory(target.get())) return FileVisitResult.CONTINUE;
          } else if (!attrs.isRegularFile()) {
            return FileVisitResult.CONTINUE;
          }
          consider(file, root, false, files, errors, seen);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (!(e instanceof FileSystemLoopException)) {
            errors.add(new FileError(display(file), "cannot read: " + describe(e)));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      errors.add(new FileError(display(root), "cannot walk directory: " + describe(e)));
    }
  }

  private static Optional<Path> realPathInside(Path file, Path realRoot) {
    try {
      Path real = file.toRealPath();
      return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void consider(Path file, Path root, boolean explicit, List<SourceFile> files,
      List<FileError> errors, Set<Path> seen) {
    Optional<Candidate> candidate = candidateKind(file.getFileName().toString(), explicit);
    if (candidate.isEmpty()) return;
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      errors.add(new FileError(display(file), "cannot read: " + describe(e)));
      return;
    }
    if (!seen.add(real)) return;
    String text;
    try {
      long size = Files.size(real);
      if (size > MAX_FILE_BYTES) {
        if (candidate.get() != Candidate.YAML_OR_JSON) {
          errors.add(new FileError(display(file), "file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB"));
        }
        return;
      }
      byte[] bytes = Files.readAllBytes(real);
      Optional<String> decoded = decode(bytes);
      if (decoded.isEmpty()) {
        if (candidate.get() != Candidate.YAML_OR_JSON) {
          errors.add(new FileError(display(file), "not UTF-8 text"));
        }
        return;
      }
      text = decoded.get();
    } catch (IOException e) {
      errors.add(new FileError(display(file), "cannot read: " + describe(e)));
      return;
    }
    Optional<FileKind> kind = switch (candidate.get()) {
      case TERRAFORM -> Optional.of(FileKind.TERRAFORM);
      case TERRAFORM_JSON -> Optional.of(FileKind.TERRAFORM_JSON);
      case TERRAFORM_VARS -> Optional.of(FileKind.TERRAFORM_VARS);
      case TERRAFORM_VARS_JSON -> Optional.of(FileKind.TERRAFORM_VARS_JSON);
      case YAML_OR_JSON -> classifyByContent(file.getFileName().toString(), text);
    };
    kind.ifPresent(k -> files.add(new SourceFile(file, display(file), k, root, text)));
  }

  private enum Candidate { TERRAFORM, TERRAFORM_JSON, TERRAFORM_VARS, TERRAFORM_VARS_JSON, YAML_OR_JSON }

  private static Optional<Candidate> candidateKind(String name, boolean explicit) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tf") || lower.endsWith(".tofu")) return Optional.of(Candidate.TERRAFORM);
    if (lower.endsWith(".tf.json") || lower.endsWith(".tofu.json")) return Optional.of(Candidate.TERRAFORM_JSON);
    if (lower.endsWith(".tfvars")) return Optional.of(Candidate.TERRAFORM_VARS);
    if (lower.endsWith(".tfvars.json")) return Optional.of(Candidate.TERRAFORM_VARS_JSON);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")
        || lower.endsWith(".template") || explicit) {
      return Optional.of(Candidate.YAML_OR_JSON);
    }
    return Optional.empty();
  }

  /**
   * A YAML/JSON file is a CloudFormation candidate when its text mentions the template format
   * version or an {@code AWS::} resource type. The loader confirms the structure; a candidate
   * that does not parse is still reported as a syntax error, since its author meant a template.
   * Plan JSON (Terraform) is recognised by its top-level keys.
   */
  static Optional<FileKind> classifyByContent(String name, String text) {
    boolean json = startsLikeJson(text);
    if (json && text.contains("\"planned_values\"") && text.contains("\"format_version\"")) {
      return Optional.of(FileKind.TERRAFORM_PLAN);
    }
    if (text.contains("AWSTemplateFormatVersion") || CFN_RESOURCE_TYPE.matcher(text).find()) {
      boolean jsonName = name.toLowerCase(Locale.ROOT).endsWith(".json");
      return Optional.of(json || (jsonName && !looksLikeYaml(text))
          ? FileKind.CLOUDFORMATION_JSON : FileKind.CLOUDFORMATION_YAML);
    }
    return Optional.empty();
  }

  private static boolean startsLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFEFF' || Character.isWhitespace(c)) continue;
      return c == '{' || c == '[';
    }
    return false;
  }

  private static boolean looksLikeYaml(String text) {
    return text.contains("AWSTemplateFormatVersion:") || text.contains("Resources:");
  }

  private static Optional<String> decode(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) return Optional.empty();
    }
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The normalized absolute path, '/'-separated: what the exclusion predicate is asked about. */
  private static String absolute(Path p) {
    return p.toAbsolutePath().normalize().toString().replace('\\', '/');
  }

  /** Relative to the working directory when under it, else absolute; '/'-separated. */
  public String display(Path p) {
    Path abs = workingDirectory.resolve(p).normalize();
    String s = abs.startsWith(workingDirectory) ? workingDirectory.relativize(abs).toString() : abs.toString();
    return s.isEmpty() ? "." : s.replace('\\', '/');
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName().replace("Exception", "") + (m == null ? "" : " " + m);
  }
}
