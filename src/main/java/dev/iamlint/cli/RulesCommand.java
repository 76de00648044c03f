package dev.iamlint.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.iamlint.rule.RuleSummary;
import dev.iamlint.rules.Catalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List the rules: id, slug, severity, title.")
final class RulesCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
  String format = "text";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      JsonArray rules = new JsonArray();
      for (RuleSummary m : Catalog.summaries()) {
        JsonObject o = new JsonObject();
        o.addProperty("id", m.id());
        o.addProperty("slug", m.slug());
        o.addProperty("severity", m.severity().label());
        o.addProperty("title", m.title());
        o.addProperty("category", m.category());
        JsonArray formats = new JsonArray();
        m.formats().forEach(formats::add);
        o.add("formats", formats);
        rules.add(o);
      }
      JsonObject root = new JsonObject();
      root.add("rules", rules);
      out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
      return ExitCodes.CLEAN;
    }
    if (!format.equals("text")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "' (text, json)");
    }
    printText(out);
    return ExitCodes.CLEAN;
  }

  /** The text listing: a rule a line, in columns (padded by hand: a format string is parsed on each call). */
  static void printText(PrintWriter out) {
    StringBuilder text = new StringBuilder();
    for (RuleSummary m : Catalog.summaries()) {
      pad(text, m.id(), 8).append(' ');
      pad(text, m.slug(), 36).append(' ');
      pad(text, m.severity().label(), 9).append(' ').append(m.title()).append(System.lineSeparator());
    }
    out.print(text);
  }

  private static StringBuilder pad(StringBuilder text, String s, int width) {
    text.append(s);
    for (int i = s.length(); i < width; i++) text.append(' ');
    return text;
  }
}
