package dev.iamlint.terraform;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Modules that {@code terraform init} already downloaded, listed in {@code .terraform/modules/modules.json}. */
final class InstalledModules {
  private InstalledModules() {}

  static Path manifest(Path rootModule) {
    return rootModule.resolve(".terraform").resolve("modules").resolve("modules.json");
  }

  static Optional<Path> directory(Path rootModule, String callKey) {
    Path manifest = manifest(rootModule);
    if (!Files.isRegularFile(manifest)) return Optional.empty();
    try {
      ParseResult r = JsonLoader.parse(manifest.toString(), Files.readString(manifest, StandardCharsets.UTF_8));
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
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<String> text(MapNode m, String key) {
    return m.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
  }
}
