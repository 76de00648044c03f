package dev.iamlint.terraform.loader;

import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.Expression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of one module directory: every block of its files, by kind and name, each
 * remembering its file. Override files ({@code override.tf}, {@code *_override.tf}) are merged
 * into the blocks they name, as Terraform merges them: their arguments replace the originals,
 * and a nested block type they mention replaces all nested blocks of that type.
 */
public final class ModuleConfig {

  /** A block and the file it is written in. */
  public record Decl(Body.Block block, String file) {
    public String name() {
      return block.labels().isEmpty() ? "" : block.labels().get(block.labels().size() - 1).value();
    }

    public String type() {
      return block.labels().isEmpty() ? "" : block.labels().get(0).value();
    }
  }

  /** One local value. */
  public record Local(Body.Attribute attribute, String file) {}

  /** A parsed file of the module. */
  public record File(String displayPath, Body body) {
    boolean isOverride() {
      return ModuleConfig.isOverride(Path.of(displayPath));
    }
  }

  /** Whether Terraform merges the file into its module's other files instead of adding it. */
  public static boolean isOverride(Path file) {
    String name = file.getFileName().toString();
    String stem = name.endsWith(".tf.json") ? name.substring(0, name.length() - 8)
        : name.substring(0, name.lastIndexOf('.') < 0 ? name.length() : name.lastIndexOf('.'));
    return stem.equals("override") || stem.endsWith("_override");
  }

  private final Path directory;
  private final String displayDirectory;
  /** The first of its files in name order: where a note about the whole module is placed. */
  private final String firstFile;
  private final Map<String, Decl> variables = new LinkedHashMap<>();
  private final Map<String, Local> locals = new LinkedHashMap<>();
  private final Map<String, Decl> resources = new LinkedHashMap<>();
  private final Map<String, Decl> dataSources = new LinkedHashMap<>();
  private final Map<String, Decl> moduleCalls = new LinkedHashMap<>();
  private final Map<String, Decl> outputs = new LinkedHashMap<>();
  private final List<Decl> providers = new ArrayList<>();
  /** A {@code terraform { backend "x" {} }} or {@code cloud {}} block: the directory is run as a root. */
  private boolean backend;
  /** Attributes and blocks merged in from override files, with the file they come from. */
  private final Map<Object, String> overrideFiles = new IdentityHashMap<>();

  public ModuleConfig(Path directory, String displayDirectory, List<File> files) {
    this.directory = directory;
    this.displayDirectory = displayDirectory;
    this.firstFile = files.stream().map(File::displayPath).findFirst().orElse(displayDirectory);
    List<File> ordered = new ArrayList<>(files.stream().filter(f -> !f.isOverride()).toList());
    List<File> overrides = files.stream().filter(File::isOverride).toList();
    for (File f : ordered) add(f, false);
    for (File f : overrides) add(f, true);
  }

  public Path directory() {
    return directory;
  }

  public String displayDirectory() {
    return displayDirectory;
  }

  public String firstFile() {
    return firstFile;
  }

  public Map<String, Decl> variables() {
    return Collections.unmodifiableMap(variables);
  }

  public Map<String, Local> locals() {
    return Collections.unmodifiableMap(locals);
  }

  public Map<String, Decl> resources() {
    return Collections.unmodifiableMap(resources);
  }

  public Map<String, Decl> dataSources() {
    return Collections.unmodifiableMap(dataSources);
  }

  public Map<String, Decl> moduleCalls() {
    return Collections.unmodifiableMap(moduleCalls);
  }

  public Map<String, Decl> outputs() {
    return Collections.unmodifiableMap(outputs);
  }

  public List<Decl> providers() {
    return Collections.unmodifiableList(providers);
  }

  /** Whether it has a {@code terraform { backend "x" {} }} or {@code cloud {}} block: the directory is run as a root. */
  public boolean backend() {
    return backend;
  }

  private void add(File f, boolean override) {
    for (Body.Block b : f.body().blocks()) {
      switch (b.type()) {
        case "variable" -> put(variables, key(b, 1), new Decl(b, f.displayPath()), override);
        case "resource" -> put(resources, key(b, 2), new Decl(b, f.displayPath()), override);
        case "data" -> put(dataSources, key(b, 2), new Decl(b, f.displayPath()), override);
        case "module" -> put(moduleCalls, key(b, 1), new Decl(b, f.displayPath()), override);
        case "output" -> put(outputs, key(b, 1), new Decl(b, f.displayPath()), override);
        case "provider" -> providers.add(new Decl(b, f.displayPath()));
        // A backend or cloud block (.tf.json writes them as attributes): the directory is run as a root.
        case "terraform" -> backend |= b.body().blocks().stream().anyMatch(t -> t.type().equals("backend") || t.type().equals("cloud"))
            || b.body().attributes().stream().anyMatch(a -> a.name().equals("backend") || a.name().equals("cloud"));
        case "locals" -> {
          for (Body.Attribute a : b.body().attributes()) locals.put(a.name(), new Local(a, f.displayPath()));
        }
        default -> { }
      }
    }
  }

  private static String key(Body.Block b, int labels) {
    if (b.labels().size() < labels) return "";
    return String.join(".", b.labelValues().subList(0, labels));
  }

  private void put(Map<String, Decl> map, String key, Decl decl, boolean override) {
    if (key.isEmpty()) return;
    Decl base = map.get(key);
    if (!override || base == null) {
      if (base == null) map.put(key, decl);
      return;
    }
    decl.block().body().attributes().forEach(a -> overrideFiles.put(a, decl.file()));
    decl.block().body().blocks().forEach(b -> overrideFiles.put(b, decl.file()));
    map.put(key, new Decl(merge(base.block(), decl.block()), base.file()));
  }

  /** The file an attribute or nested block of {@code decl} is written in. */
  public String fileOf(Object node, Decl decl) {
    return overrideFiles.getOrDefault(node, decl.file());
  }

  /** Terraform's override merge: arguments replace, nested block types replace wholesale. */
  static Body.Block merge(Body.Block base, Body.Block override) {
    Map<String, Body.Attribute> attributes = new LinkedHashMap<>();
    base.body().attributes().forEach(a -> attributes.put(a.name(), a));
    override.body().attributes().forEach(a -> attributes.put(a.name(), a));
    List<String> replaced = override.body().blocks().stream().map(Body.Block::type).distinct().toList();
    List<Body.Block> blocks = new ArrayList<>();
    base.body().blocks().stream().filter(b -> !replaced.contains(b.type())).forEach(blocks::add);
    blocks.addAll(override.body().blocks());
    Body body = new Body(new ArrayList<>(attributes.values()), blocks, base.body().range());
    return new Body.Block(base.type(), base.labels(), body, base.typeRange(), base.range());
  }

  public static Optional<Expression> attribute(Body.Block block, String name) {
    return block.body().attribute(name).map(Body.Attribute::expression);
  }
}
