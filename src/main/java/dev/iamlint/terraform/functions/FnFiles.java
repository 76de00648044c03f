package dev.iamlint.terraform.functions;

import static dev.iamlint.terraform.functions.FnSupport.define;
import static dev.iamlint.terraform.functions.FnSupport.mkBool;
import static dev.iamlint.terraform.functions.FnSupport.mkStr;
import static dev.iamlint.terraform.functions.FnSupport.str;

import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FnSupport.FnError;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Filesystem functions: reads go through {@link FileAccess} only; paths follow Go's path rules. */
final class FnFiles {
  private FnFiles() {}

  static void into(Map<String, TfFunction> m) {
    m.put("file", define("file", 1, 1, (a, at, f) -> {
      String path = str(a.get(0), "the path");
      Optional<String> text = f.read(path);
      if (text.isEmpty()) return missing(path, at);
      // A JSON document keeps the places of its elements in the file it was read from.
      Optional<Value> structure = f.display(path).flatMap(shown -> JsonValues.fromFile(shown, text.get(),
          JsonValues.lineCount(text.get()), dev.iamlint.value.Provenance.of("read by file()", at)));
      return new Value.Str(text.get(), at, dev.iamlint.value.Provenance.LITERAL, structure);
    }));
    m.put("fileexists", define("fileexists", 1, 1, (a, at, f) -> {
      String path = str(a.get(0), "the path");
      return f.exists(path) ? mkBool(true, at) : missing(path, at);
    }));
    m.put("templatefile", define("templatefile", 2, 2, (a, at, f) -> {
      String path = str(a.get(0), "the path");
      Value vars = a.get(1);
      if (vars.isKnown() && !(vars instanceof Value.MapV)) {
        throw new FnError("invalid vars value: must be a map, not " + FnSupport.kind(vars));
      }
      Optional<String> text = f.read(path);
      if (text.isEmpty()) return missing(path, at);
      String t = text.get();
      if (t.contains("${") || t.contains("%{")) {
        return new Value.Unknown(Value.Cause.UNSUPPORTED, "templatefile is rendered by the evaluator", Optional.empty(),
            Optional.empty(), at, Provenance.LITERAL);
      }
      return mkStr(t, at);
    }));
    m.put("abspath", define("abspath", 1, 1, (a, at, f) -> {
      String path = str(a.get(0), "the path");
      try {
        Path p = Path.of(path);
        Path abs = p.isAbsolute() ? p : f.moduleDirectory().toAbsolutePath().resolve(p);
        return mkStr(clean(abs.normalize().toString().replace('\\', '/')), at);
      } catch (InvalidPathException e) {
        throw new FnError("invalid path \"" + path + "\"");
      }
    }));
    m.put("dirname", define("dirname", 1, 1, (a, at, f) -> mkStr(dir(str(a.get(0), "the path")), at)));
    m.put("basename", define("basename", 1, 1, (a, at, f) -> mkStr(base(str(a.get(0), "the path")), at)));
    m.put("pathexpand", define("pathexpand", 1, 1, (a, at, f) -> {
      String path = str(a.get(0), "the path");
      if (path.equals("~") || path.startsWith("~/")) {
        return new Value.Unknown(Value.Cause.INPUT,
            "pathexpand(\"" + path + "\") depends on the home directory of the machine that runs Terraform",
            Optional.empty(), Optional.empty(), at, Provenance.LITERAL);
      }
      return mkStr(path, at);
    }));
  }

  static Value missing(String path, Location at) {
    return new Value.Unknown(Value.Cause.INPUT, "file " + path + " is not in the scan root or does not exist",
        Optional.empty(), Optional.empty(), at, Provenance.LITERAL);
  }

  /** Go's filepath.Base. */
  static String base(String path) {
    if (path.isEmpty()) return ".";
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') end--;
    if (end == 0) return "/";
    String p = path.substring(0, end);
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Go's filepath.Dir. */
  static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return clean(path.substring(0, slash + 1));
  }

  /** Go's path.Clean. */
  static String clean(String path) {
    if (path.isEmpty()) return ".";
    boolean rooted = path.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!rooted) {
          parts.add("..");
        }
        continue;
      }
      parts.add(part);
    }
    String joined = String.join("/", parts);
    if (rooted) return "/" + joined;
    return joined.isEmpty() ? "." : joined;
  }
}
