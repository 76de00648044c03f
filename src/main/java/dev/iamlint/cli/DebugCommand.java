package dev.iamlint.cli;

import dev.iamlint.hcl.Hcl2Json;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "debug", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Tools for developers of iamlint.", subcommands = {DebugCommand.Hcl2JsonCommand.class})
final class DebugCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.ERROR;
  }

  @Command(name = "hcl2json", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = {"Parse HCL files and print, one line per file, the canonical JSON that ../shared/tools/hcl-oracle",
          "prints for HashiCorp's parser: {\"file\", \"ok\": true, \"json\"} or {\"file\", \"ok\": false, \"error\"}."})
  static final class Hcl2JsonCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (Path f : files) out.println(line(f));
      out.flush();
      return ExitCodes.CLEAN;
    }

    static String line(Path f) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("file", f.toString());
      String text;
      try {
        text = Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        line.put("ok", false);
        line.put("error", "cannot read: " + e.getMessage());
        return Hcl2Json.toJson(line);
      }
      HclParseResult r = HclParser.parse(f.getFileName().toString(), text);
      if (r instanceof HclParseResult.Failed failed) {
        line.put("ok", false);
        line.put("error", failed.location().shortForm() + ": " + failed.message());
        return Hcl2Json.toJson(line);
      }
      try {
        Map<String, Object> json = Hcl2Json.convert(((HclParseResult.Parsed) r).file());
        line.put("ok", true);
        line.put("json", json);
      } catch (Hcl2Json.Unconvertible e) {
        line.put("ok", false);
        line.put("error", "convert: " + e.getMessage());
      }
      return Hcl2Json.toJson(line);
    }
  }
}
