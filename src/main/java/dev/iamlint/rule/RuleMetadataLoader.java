package dev.iamlint.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads {@code rules/<ID>.yaml} from the class path (the build copies {@code rules/} there). */
public final class RuleMetadataLoader {
  private RuleMetadataLoader() {}

  public static RuleMetadata load(String id) {
    String resource = "rules/" + id + ".yaml";
    try (InputStream in = RuleMetadataLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing rule metadata " + resource);
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(new InputStreamReader(in, StandardCharsets.UTF_8));
      if (!(loaded instanceof Map<?, ?> map)) throw new IllegalStateException(resource + " is not a map");
      return fromMap(resource, map);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  static RuleMetadata fromMap(String resource, Map<?, ?> map) {
    String id = text(resource, map, "id");
    Severity severity = Severity.parse(text(resource, map, "severity"))
        .orElseThrow(() -> new IllegalStateException(resource + ": unknown severity"));
    List<RuleMetadata.Example> examples = new ArrayList<>();
    Object ex = map.get("examples");
    if (ex instanceof List<?> list) {
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> e)) throw new IllegalStateException(resource + ": an example is not a map");
        examples.add(new RuleMetadata.Example(text(resource, e, "title"), Boolean.TRUE.equals(e.get("compliant")),
            text(resource, e, "format"), text(resource, e, "code"), Boolean.TRUE.equals(e.get("baseline"))));
      }
    }
    List<RuleMetadata.Parameter> parameters = new ArrayList<>();
    if (map.get("parameters") instanceof List<?> list) {
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> p)) throw new IllegalStateException(resource + ": a parameter is not a map");
        String type = text(resource, p, "type");
        if (!type.equals("integer") && !type.equals("patterns")) throw new IllegalStateException(resource + ": parameter type " + type);
        parameters.add(new RuleMetadata.Parameter(text(resource, p, "name"), type, text(resource, p, "default"),
            text(resource, p, "description").strip()));
      }
    }
    return new RuleMetadata(id, text(resource, map, "slug"), text(resource, map, "title"), severity,
        text(resource, map, "category"), strings(map.get("formats")), text(resource, map, "description").strip(),
        text(resource, map, "rationale").strip(), text(resource, map, "remediation").strip(),
        strings(map.get("references")), strings(map.get("peers")), examples, parameters);
  }

  private static String text(String resource, Map<?, ?> map, String key) {
    Object v = map.get(key);
    if (v == null) throw new IllegalStateException(resource + ": missing key " + key);
    return v.toString();
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) list.forEach(o -> out.add(String.valueOf(o)));
    return out;
  }
}
