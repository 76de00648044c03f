package dev.iamlint.terraform.loader;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import java.nio.file.Path;
import java.util.Optional;

/** Modules that {@code terraform init} already downloaded, listed in {@code .terraform/modules/modules.json}. */
public final class InstalledModules {
  private InstalledModules() {}

  public static Path manifest(Path rootModule) {
    return rootModule.resolve(".terraform").resolve("modules").resolve("modules.json");
  }

  /** The directory {@code manifest} (the text of modules.json) gives the module call {@code callKey}. */
  public static Optional<Path> directory(Path rootModule, String callKey, String manifestText) {
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
        return ModulePaths.under(rootModule, dir.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(MapNode m, String key) {
    return m.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
  }
}
