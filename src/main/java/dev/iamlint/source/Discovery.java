package dev.iamlint.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
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
 *
 * <p>Unless told otherwise ({@link Ignoring#NOTHING}), a walk leaves out what git ignores and the
 * default build folders. The ignore files read are those of the walk root and below it, never
 * above: a {@code .gitignore} in each directory (its patterns relative to that directory) and the
 * {@code .git/info/exclude} of a repository whose {@code .git} directory the walk meets (a nested
 * repository starts afresh, as git does). As in git, a file the repository tracks (its index
 * lists it) is never ignored; the index of a worktree or submodule, kept outside it, is not read.
 * The user's global excludes file ({@code core.excludesFile}) is not read: it belongs to one
 * machine, and the same project must give the same result everywhere. A path named explicitly is
 * read even when ignored; inside it, the rules apply.
 */
public final class Discovery {

  /** Never entered, not even with {@code --no-ignore}: git's own store. */
  private static final String GIT_DIRECTORY = ".git";

  /**
   * Directories that tools fill with copies of sources or with third-party code, never with
   * sources the user wrote: modules downloaded by {@code terraform init} and Terragrunt, npm
   * packages, a Python virtual environment, the templates {@code sam build} copies, and the
   * usual build outputs ({@code target}, {@code build}, {@code dist}: packaged templates, the
   * copies a build makes). Reading them would report the same findings twice, or report on code
   * the user does not own; a folder of that name that does hold sources is scanned when named
   * on the command line, or with {@code --no-ignore}. Generated CloudFormation that is the only
   * CloudFormation there is ({@code cdk.out}, a Serverless Framework's {@code .serverless} without
   * its {@code serverless.yml}) is not a build folder here.
   */
  /**
   * The Serverless Framework's {@code .serverless} beside its {@code serverless.yml}: the templates
   * it compiled from the service, which is read itself (the same roles would be reported twice).
   */
  private static boolean compiledServerless(Path dir, String name) {
    return name.equals(".serverless") && (Files.isRegularFile(dir.resolveSibling("serverless.yml"), LinkOption.NOFOLLOW_LINKS)
        || Files.isRegularFile(dir.resolveSibling("serverless.yaml"), LinkOption.NOFOLLOW_LINKS));
  }

  public static final Set<String> BUILD_FOLDERS =
      Set.of(".terraform", ".terragrunt-cache", "node_modules", ".venv", ".aws-sam", ".taskcat", "target", "build", "dist");

  /** How much of a YAML or JSON file that cannot be read whole is looked at to tell whether it is a template. */
  private static final int HEAD_BYTES = 1024 * 1024;

  /** A key named Type (not resourceType, say: an AWS Config item is no template) holding a resource type. */
  private static final Pattern CFN_RESOURCE_TYPE =
      Pattern.compile("(?<![A-Za-z0-9_\"'])[\"']?Type[\"']?\\s*:\\s*[\"']?AWS::[A-Za-z0-9]+::");

  private final Path workingDirectory;
  /** The working directory's path and a slash: what a normal absolute path below it starts with. */
  private final String workingPrefix;
  private final Predicate<String> excluded;
  private final Ignoring ignoring;
  private final Overlay overlay;

  public Discovery(Path workingDirectory, Predicate<String> excluded) {
    this(workingDirectory, excluded, Ignoring.IGNORED_AND_BUILD_FOLDERS);
  }

  public Discovery(Path workingDirectory, Predicate<String> excluded, Ignoring ignoring) {
    this(workingDirectory, excluded, ignoring, Overlay.NONE);
  }

  /** {@code overlay}: unsaved texts read in place of their files (an editor's buffers). */
  public Discovery(Path workingDirectory, Predicate<String> excluded, Ignoring ignoring, Overlay overlay) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    String wd = this.workingDirectory.toString();
    this.workingPrefix = wd.endsWith("/") ? wd : wd + "/";
    this.excluded = excluded;
    this.ignoring = ignoring;
    this.overlay = overlay;
  }

  /**
   * {@code files} were read; {@code unreadable} are files to judge that could not be read (each is
   * a finding); {@code errors} are paths that could not be walked or read, nothing known to be a source.
   */
  public record Result(List<SourceFile> files, List<FileError> errors, List<Unreadable> unreadable) {
    public Result(List<SourceFile> files, List<FileError> errors) {
      this(files, errors, List.of());
    }
  }

  /** The files of {@code paths}: each file as named, each directory walked from itself. */
  public Result discover(List<Path> paths) {
    List<SourceFile> files = new ArrayList<>();
    List<FileError> errors = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path given : paths) {
      Path absolute = workingDirectory.resolve(given).normalize();
      if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        errors.add(new FileError(display(absolute), "no such file or directory"));
        continue;
      }
      if (Files.isDirectory(absolute)) {
        walk(absolute, Set.of(), files, errors, unreadable, seen);
      } else {
        if (excluded.test(absolute(absolute))) continue;
        Path root = absolute.getParent() == null ? absolute : absolute.getParent();
        // A file named explicitly is read even when its extension is unusual for YAML.
        consider(absolute, Optional.empty(), root, true, SourceReader.UNCONFINED.over(overlay), files, errors, unreadable, seen);
      }
    }
    return sorted(files, errors, unreadable);
  }

  /**
   * The files of a project: the walk of {@code root}, which also enters the {@code named} paths
   * below it (files or directories the user asked for) when ignore rules leave them out. Inside
   * a named directory the rules still apply; around it, what is ignored stays ignored.
   */
  public Result discoverProject(Path root, List<Path> named) {
    Path absolute = workingDirectory.resolve(root).normalize();
    if (!Files.isDirectory(absolute)) return discover(List.of(root));
    Set<Path> inside = new HashSet<>();
    for (Path p : named) {
      Path n = workingDirectory.resolve(p).normalize();
      if (n.startsWith(absolute) && !n.equals(absolute)) inside.add(n);
    }
    List<SourceFile> files = new ArrayList<>();
    List<FileError> errors = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    walk(absolute, Set.copyOf(inside), files, errors, unreadable, new HashSet<>());
    return sorted(files, errors, unreadable);
  }

  private static Result sorted(List<SourceFile> files, List<FileError> errors, List<Unreadable> unreadable) {
    files.sort(Comparator.comparing(SourceFile::displayPath));
    errors.sort(Comparator.comparing(FileError::file));
    unreadable.sort(Comparator.comparing(Unreadable::file));
    return new Result(List.copyOf(files), List.copyOf(errors), List.copyOf(unreadable));
  }

  /** An ignore file in force in a directory of the walk; {@code depth}: segments of its directory. */
  private record Layer(IgnoreFile file, int depth) {}

  /**
   * A directory being walked: its path below the root, the ignore files in force (nearest last),
   * the repository it belongs to, and whether it is ignored itself, entered only because a named
   * path or a tracked file lies below it.
   */
  private record Directory(String[] segments, List<Layer> layers, Optional<Repository> repository, boolean ignored) {

    boolean tracks(String[] path, boolean directory) {
      return repository.isPresent() && repository.get().tracks(path, directory);
    }
  }

  /**
   * A repository met by the walk (the root's, or a nested one): where its work tree starts and
   * its index, read only once something in it is ignored.
   */
  private static final class Repository {
    private final Path gitDirectory;
    private final int depth;
    private GitIndex index;

    Repository(Path gitDirectory, int depth) {
      this.gitDirectory = gitDirectory;
      this.depth = depth;
    }

    /** Whether git tracks the file {@code path}, or a file below the directory {@code path}. */
    boolean tracks(String[] path, boolean directory) {
      if (index == null) index = GitIndex.read(gitDirectory);
      String relative = String.join("/", Arrays.asList(path).subList(depth, path.length));
      return directory ? index.holdsTracked(relative) : index.tracks(relative);
    }
  }

  private void walk(Path root, Set<Path> named, List<SourceFile> files, List<FileError> errors,
      List<Unreadable> unreadable, Set<Path> seen) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      errors.add(new FileError(display(root), "cannot read directory: " + e.getMessage()));
      return;
    }
    SourceReader reader = SourceReader.confinedTo(realRoot).over(overlay);
    Deque<Directory> open = new ArrayDeque<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          Directory parent = open.peek();
          if (parent == null) {
            Optional<Directory> enclosing = enclosingRepository(dir, errors);
            String[] segments = enclosing.map(e -> append(e.segments(), dir.getFileName().toString())).orElse(new String[0]);
            open.push(enter(dir, segments, enclosing, false, errors));
            return FileVisitResult.CONTINUE;
          }
          String name = dir.getFileName().toString();
          if (name.equals(GIT_DIRECTORY) || excluded.test(absolute(dir) + "/")) return FileVisitResult.SKIP_SUBTREE;
          String[] segments = append(parent.segments(), name);
          boolean isNamed = named.contains(dir);
          if (!isNamed && ignoring != Ignoring.NOTHING && (BUILD_FOLDERS.contains(name) || compiledServerless(dir, name))) {
            if (!towardsNamed(dir)) return FileVisitResult.SKIP_SUBTREE;
            // Only on the way to the named path: nothing else in a build folder counts, tracked or not.
            open.push(new Directory(segments, parent.layers(), Optional.empty(), true));
            return FileVisitResult.CONTINUE;
          }
          boolean ignored = !isNamed && (parent.ignored() || ignoredByGit(segments, parent.layers(), true));
          if (ignored && !towardsNamed(dir) && !parent.tracks(segments, true)) return FileVisitResult.SKIP_SUBTREE;
          open.push(enter(dir, segments, Optional.of(parent), ignored, errors));
          return FileVisitResult.CONTINUE;
        }

        private boolean towardsNamed(Path dir) {
          return named.stream().anyMatch(n -> n.startsWith(dir));
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
          open.pop();
          if (e != null) errors.add(new FileError(display(dir), "cannot read: " + describe(e)));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (excluded.test(absolute(file))) return FileVisitResult.CONTINUE;
          Directory dir = open.peek();
          String[] segments = append(dir.segments(), file.getFileName().toString());
          if (!named.contains(file) && (dir.ignored() || ignoredByGit(segments, dir.layers(), false))
              && !dir.tracks(segments, false)) {
            return FileVisitResult.CONTINUE;
          }
          Path real;
          if (attrs.isSymbolicLink()) {
            Optional<Path> target = realPathInside(file, realRoot);
            // Linked directories are never entered; linked files only inside the root.
            if (target.isEmpty() || Files.isDirectory(target.get())) return FileVisitResult.CONTINUE;
            real = target.get();
          } else {
            // No link is followed on the way down (a linked directory is never entered): the file's
            // real path is the root's with the same names below it, known without a system call.
            real = realRoot.resolve(root.relativize(file).toString());
          }
          // Not a regular file (a FIFO, a device): never read, but reported when its name says it is a source.
          consider(file, Optional.of(real), root, false, reader, files, errors, unreadable, seen);
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

  /**
   * For a walk root below the top of a git work tree (a project marked by its own
   * {@code .iamlint.yaml}): the repository's ignore files from its top down to the root's parent,
   * and its index, as git applies them to the root. The walk's paths then start at the root's
   * path in the repository. Only these files are read above the root, never a source file.
   */
  private Optional<Directory> enclosingRepository(Path root, List<FileError> errors) {
    if (ignoring == Ignoring.NOTHING || Files.exists(root.resolve(GIT_DIRECTORY), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Path top = null;
    for (Path d = root.toAbsolutePath().normalize().getParent(); d != null; d = d.getParent()) {
      Path git = d.resolve(GIT_DIRECTORY);
      if (Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) {
        top = d;
        break;
      }
      // A worktree or submodule keeps its git directory elsewhere: not read, as below the root.
      if (Files.exists(git, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
    }
    if (top == null) return Optional.empty();
    Path relative = top.relativize(root.toAbsolutePath().normalize());
    String[] segments = new String[relative.getNameCount()];
    for (int i = 0; i < segments.length; i++) segments[i] = relative.getName(i).toString();
    List<Layer> layers = new ArrayList<>();
    Path git = top.resolve(GIT_DIRECTORY);
    readIgnoreFile(git.resolve("info").resolve("exclude"), errors).ifPresent(f -> layers.add(new Layer(f, 0)));
    Path dir = top;
    for (int depth = 0; depth < segments.length; depth++) {
      int d = depth;
      readIgnoreFile(dir.resolve(".gitignore"), errors).ifPresent(f -> layers.add(new Layer(f, d)));
      dir = dir.resolve(segments[depth]);
    }
    // The parent of the root as the walk sees it: the root's own .gitignore is read on entering it.
    String[] parentSegments = Arrays.copyOf(segments, segments.length - 1);
    return Optional.of(new Directory(parentSegments, List.copyOf(layers), Optional.of(new Repository(git, 0)), false));
  }

  private static String[] append(String[] segments, String name) {
    String[] out = Arrays.copyOf(segments, segments.length + 1);
    out[segments.length] = name;
    return out;
  }

  /** Whether git's ignore files leave out the path {@code segments} (below the walk root): the nearest deciding rule. */
  private boolean ignoredByGit(String[] segments, List<Layer> layers, boolean directory) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      Layer layer = layers.get(i);
      IgnoreFile.Verdict verdict = layer.file().match(segments, layer.depth(), directory);
      if (verdict != IgnoreFile.Verdict.UNDECIDED) return verdict == IgnoreFile.Verdict.IGNORED;
    }
    return false;
  }

  /**
   * A directory entered: the ignore files in force there are its parent's and its own
   * {@code .gitignore}. A repository (the root, a nested one) starts afresh with its
   * {@code info/exclude}: git never applies the outer rules inside it.
   */
  private Directory enter(Path dir, String[] segments, Optional<Directory> parent, boolean ignored,
      List<FileError> errors) {
    List<Layer> inherited = parent.map(Directory::layers).orElse(List.of());
    Optional<Repository> repository = parent.flatMap(Directory::repository);
    if (ignoring == Ignoring.NOTHING) return new Directory(segments, List.of(), Optional.empty(), ignored);
    List<Layer> layers = new ArrayList<>();
    Path git = dir.resolve(GIT_DIRECTORY);
    if (Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) {
      repository = Optional.of(new Repository(git, segments.length));
      readIgnoreFile(git.resolve("info").resolve("exclude"), errors).ifPresent(f -> layers.add(new Layer(f, segments.length)));
    } else if (Files.exists(git, LinkOption.NOFOLLOW_LINKS)) {
      // A worktree or submodule: its git directory is elsewhere, and is not read.
      repository = Optional.empty();
    } else {
      layers.addAll(inherited);
    }
    readIgnoreFile(dir.resolve(".gitignore"), errors).ifPresent(f -> layers.add(new Layer(f, segments.length)));
    return new Directory(segments, layers.equals(inherited) ? inherited : List.copyOf(layers), repository, ignored);
  }

  /**
   * An ignore file's patterns, when it is a regular file: like git (since 2.32), a symbolic link
   * is not followed, so no ignore file outside the tree is ever read.
   */
  private Optional<IgnoreFile> readIgnoreFile(Path file, List<FileError> errors) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
    try {
      if (Files.size(file) > IgnoreFile.MAX_BYTES) {
        errors.add(new FileError(display(file), "larger than " + IgnoreFile.MAX_BYTES / (1024 * 1024)
            + " MiB: not read, what it lists is scanned"));
        return Optional.empty();
      }
      IgnoreFile parsed = IgnoreFile.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      return parsed.isEmpty() ? Optional.empty() : Optional.of(parsed);
    } catch (IOException e) {
      errors.add(new FileError(display(file), "cannot read: " + describe(e)));
      return Optional.empty();
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

  /** {@code knownReal}: the file's real path, when the walk knows it. */
  private void consider(Path file, Optional<Path> knownReal, Path root, boolean explicit, SourceReader reader,
      List<SourceFile> files, List<FileError> errors, List<Unreadable> unreadable, Set<Path> seen) {
    Optional<Candidate> candidate = candidateKind(file.getFileName().toString(), explicit);
    if (candidate.isEmpty()) return;
    Path real;
    try {
      real = knownReal.isPresent() ? knownReal.get() : file.toRealPath();
    } catch (IOException e) {
      errors.add(new FileError(display(file), "cannot read: " + describe(e)));
      return;
    }
    if (!seen.add(real)) return;
    boolean yamlOrJson = candidate.get() == Candidate.YAML_OR_JSON;
    SourceReader.Outcome read = reader.readResolved(real, yamlOrJson ? SourceReader.Encoding.UNICODE : SourceReader.Encoding.UTF8);
    if (read instanceof SourceReader.Refused refused) {
      String shown = display(file);
      // A YAML or JSON file is a source only when it looks like one: what can be seen of it decides.
      // When nothing of it can be seen, it may be one: said, but not judged.
      Optional<String> head = yamlOrJson ? SourceReader.head(real, HEAD_BYTES) : Optional.empty();
      if (!yamlOrJson || head.flatMap(h -> classifyByContent(file.getFileName().toString(), h)).isPresent()) {
        unreadable.add(new Unreadable(shown, refused.reason(), Location.point(shown, refused.line(), refused.column())));
      } else if (head.isEmpty()) {
        errors.add(new FileError(shown, refused.reason()));
      }
      return;
    }
    String text = ((SourceReader.Text) read).text();
    Optional<FileKind> kind = switch (candidate.get()) {
      case TERRAFORM -> Optional.of(FileKind.TERRAFORM);
      case TERRAFORM_JSON -> Optional.of(FileKind.TERRAFORM_JSON);
      case TERRAFORM_VARS -> Optional.of(FileKind.TERRAFORM_VARS);
      case TERRAFORM_VARS_JSON -> Optional.of(FileKind.TERRAFORM_VARS_JSON);
      case YAML_OR_JSON -> classifyByContent(file.getFileName().toString(), text);
    };
    kind.ifPresent(k -> files.add(new SourceFile(file, display(file), k, root, text)));
  }

  /**
   * What discovery takes a file named {@code name} with {@code text} for (as when it is named on
   * the command line): for an editor's buffer, which has a name and a text but was not discovered.
   */
  public static Optional<FileKind> kindOf(String name, String text) {
    return candidateKind(name, true).flatMap(c -> switch (c) {
      case TERRAFORM -> Optional.of(FileKind.TERRAFORM);
      case TERRAFORM_JSON -> Optional.of(FileKind.TERRAFORM_JSON);
      case TERRAFORM_VARS -> Optional.of(FileKind.TERRAFORM_VARS);
      case TERRAFORM_VARS_JSON -> Optional.of(FileKind.TERRAFORM_VARS_JSON);
      case YAML_OR_JSON -> classifyByContent(name, text);
    });
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
  /** A top-level key only a Serverless service has ({@code service:} or {@code provider:} at the start of a line). */
  private static final Pattern SERVERLESS_SERVICE_KEY = Pattern.compile("(?m)^[\"']?(service|provider)[\"']?[ \t]*:");

  static Optional<FileKind> classifyByContent(String name, String text) {
    boolean json = startsLikeJson(text);
    if (json && text.contains("\"planned_values\"") && text.contains("\"format_version\"")) {
      return Optional.of(FileKind.TERRAFORM_PLAN);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    // The Serverless Framework reads its service from this name only; the content still decides:
    // a CloudFormation template may be named so too.
    if ((lower.equals("serverless.yml") || lower.equals("serverless.yaml")) && !json
        && SERVERLESS_SERVICE_KEY.matcher(text).find()) {
      return Optional.of(FileKind.SERVERLESS);
    }
    if (text.contains("AWSTemplateFormatVersion") || CFN_RESOURCE_TYPE.matcher(text).find()) {
      // OpenStack Heat takes templates of the same shape, with resource types of its own.
      if (mayBeHeat(text) && HEAT.matcher(text).find()) return Optional.empty();
      boolean jsonName = name.toLowerCase(Locale.ROOT).endsWith(".json");
      // CloudFormation reads a body that is not JSON as YAML: # comment lines before a JSON template.
      return Optional.of(json || (jsonName && !looksLikeYaml(text) && !opensWithComment(text))
          ? FileKind.CLOUDFORMATION_JSON : FileKind.CLOUDFORMATION_YAML);
    }
    return Optional.empty();
  }

  /** An OpenStack Heat template: its format version key, or a resource type of Heat's own ({@code OS::Nova::Server}). */
  private static final Pattern HEAT = Pattern.compile(
      "HeatTemplateFormatVersion|(?m)^heat_template_version\\s*:|(?<![A-Za-z0-9_\"'])[\"']?Type[\"']?\\s*:\\s*[\"']?OS::[A-Za-z0-9]+::");

  /** A cheap test first: the pattern's look-behind is tried at every position of a large template. */
  private static boolean mayBeHeat(String text) {
    return text.contains("OS::") || text.contains("HeatTemplateFormatVersion") || text.contains("heat_template_version");
  }

  private static boolean opensWithComment(String text) {
    int i = firstSignificant(text);
    return i < text.length() && text.charAt(i) == '#';
  }

  /** A JSON document's first character; Jinja markup ("{%", "{#", "{{") opens a YAML template source instead. */
  private static boolean startsLikeJson(String text) {
    int i = firstSignificant(text);
    if (i >= text.length()) return false;
    char c = text.charAt(i);
    if (c == '{' && i + 1 < text.length() && "%#{".indexOf(text.charAt(i + 1)) >= 0) return false;
    return c == '{' || c == '[';
  }

  /** The index of the first character that is neither white space nor a byte order mark (the length when none). */
  private static int firstSignificant(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == '\uFEFF' || Character.isWhitespace(text.charAt(i)))) i++;
    return i;
  }

  private static boolean looksLikeYaml(String text) {
    return text.contains("AWSTemplateFormatVersion:") || text.contains("Resources:");
  }

  /** The normalized absolute path, '/'-separated: what the exclusion predicate is asked about. */
  private static String absolute(Path p) {
    return p.toAbsolutePath().normalize().toString().replace('\\', '/');
  }

  /** Relative to the working directory when under it, else absolute; '/'-separated. */
  public String display(Path p) {
    // Most paths asked about are absolute, normal and below the working directory: their display
    // is the rest of their text (a path that could hold "." or ".." names takes the long way).
    String text = p.toString();
    if (p.isAbsolute() && text.startsWith(workingPrefix) && text.length() > workingPrefix.length() && !text.contains("/.")
        && text.indexOf('\\') < 0) {
      return text.substring(workingPrefix.length());
    }
    Path abs = workingDirectory.resolve(p).normalize();
    String s = abs.startsWith(workingDirectory) ? workingDirectory.relativize(abs).toString() : abs.toString();
    return s.isEmpty() ? "." : s.replace('\\', '/');
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName().replace("Exception", "") + (m == null ? "" : " " + m);
  }
}
