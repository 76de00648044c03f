package dev.iamlint.fix;

import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.source.FileKind;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.yaml.YamlLoader;
import java.util.Optional;

/** Whether a fixed text still parses, with the loader the scan reads such a file with. */
public final class Reparse {
  private Reparse() {}

  /** The syntax error ({@code line:column: message}) the scan would report (SYN001) for {@code text}, if any. */
  public static Optional<String> syntaxError(FileKind kind, String displayPath, String text) {
    return switch (kind) {
      case TERRAFORM -> HclParser.parse(displayPath, text) instanceof HclParseResult.Failed f
          ? Optional.of(f.location().startLine() + ":" + f.location().startColumn() + ": " + f.message()) : Optional.empty();
      case CLOUDFORMATION_JSON -> failure(JsonLoader.parseTemplate(displayPath, text, YamlLoader::parse));
      case CLOUDFORMATION_YAML, SERVERLESS -> failure(YamlLoader.parse(displayPath, text));
      // iamlint writes no other kind of file.
      default -> Optional.of("iamlint does not fix this kind of file");
    };
  }

  private static Optional<String> failure(ParseResult parsed) {
    return parsed instanceof ParseResult.Failed f
        ? Optional.of(f.location().startLine() + ":" + f.location().startColumn() + ": " + f.message()) : Optional.empty();
  }
}
