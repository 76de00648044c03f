package dev.iamlint.terraform;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.source.SourceReader;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Modules that {@code terraform init} already downloaded, listed in {@code .terraform/modules/modules.json}. */
final class InstalledModules {
  private InstalledModules() {}

  static Path manifest(Path rootModule) {
    return rootModule.resolve(".terraform").resolve("modules").resolve("modules.json");
  }

  /** {@code reader} reads the manifest, with the limits of every other file. */
  static Optional<Path> directory(Path rootModule, String callKey, SourceReader reader) {
    Path manifest = manifest(rootModule);
    if (!Files.exists(manifest)
        || !(reader.read(manifest, SourceReader.Encoding.UTF8) instanceof SourceReader.Text manifestText)) {
      return Optional.empty();
    }
    return directory(rootModule, callKey, manifestText.text());
  }

  /** The directory {@code manifest} (the text of modules.json) gives the module call {@code callKey}. */
  static Optional<Path> directory(Path rootModule, String callKey, String manifestText) {
    Path manifest = manifest(rootModule);
    ParseResult r = JsonLoader.parse(manifest.toString(), manifestText);
    if (!(r instanceof ParseResult.Parsed p) || !(p.root() instanceof MapNode m)) return Optional.empty();
    Optional<Node> list = m.get("Modules");
    if (list.isEmpty() || !(list.get() instanceof ListNode l)) return Optional.empty();
    for (Node item : l.items()) {
      if (!(item instanceof MapNode entry)) continue;
      Optional<String> key = text(entry, "Key");
      Optional<String> dir = text(entry, "Dir");
      if (key.isPresent() && key.get().equals(callKey) && dir.isPresent()) {
        return TerraformLoader.under(rootModule, dir.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(MapNode m, String key) {
    return m.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
  }
}
