package dev.iamlint.review;

import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Trail;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trails of {@code aws cloudtrail describe-trails}, completed by {@code get-trail-status}
 * (whether the trail logs) and {@code get-event-selectors} (what it records), from any number of
 * files in any order. The selectors name their trail; a status does not: it is matched only when
 * the export describes one trail, else whether each trail logs is not known.
 */
final class Trails {
  private final Map<String, MapNode> described = new LinkedHashMap<>();
  private final Map<String, String> files = new LinkedHashMap<>();
  private final List<MapNode> statuses = new ArrayList<>();
  private final Map<String, MapNode> selectors = new LinkedHashMap<>();

  static boolean describes(MapNode root) {
    return root.get("trailList").isPresent();
  }

  static boolean isStatus(MapNode root) {
    return root.get("IsLogging").isPresent();
  }

  static boolean isSelectors(MapNode root) {
    return root.get("TrailARN").isPresent()
        && (root.get("EventSelectors").isPresent() || root.get("AdvancedEventSelectors").isPresent());
  }

  private final Map<String, String> pointers = new LinkedHashMap<>();

  void describe(String file, MapNode root) {
    for (Values.Indexed indexed : Values.indexed(root, "trailList")) {
      MapNode t = indexed.map();
      String key = Values.text(t, "TrailARN").or(() -> Values.text(t, "Name")).orElse("trail " + (described.size() + 1));
      described.put(key, t);
      files.put(key, file);
      pointers.put(key, "/trailList/" + indexed.index());
    }
  }

  void status(MapNode root) {
    statuses.add(root);
  }

  void selectors(MapNode root) {
    selectors.put(Values.text(root, "TrailARN").orElse(""), root);
  }

  void addTo(ModelBuilder out) {
    for (Map.Entry<String, MapNode> e : described.entrySet()) {
      MapNode t = e.getValue();
      String name = Values.text(t, "Name").orElse(e.getKey());
      Node header = t.get("Name").orElse(t);
      ResourceRef ref = new ResourceRef(files.get(e.getKey()), "trail/" + name, "account-trail", t.location(),
          header.location(), List.of(), AccountExports.DEPLOYMENT, Optional.empty(),
          Optional.empty(), Optional.of(pointers.get(e.getKey())));
      out.resources.add(ref);
      List<Trail.EventSelector> basic = new ArrayList<>();
      List<Trail.AdvancedEventSelector> advanced = new ArrayList<>();
      MapNode chosen = selectors.get(e.getKey());
      if (chosen != null) {
        for (MapNode s : Values.maps(chosen, "EventSelectors")) {
          basic.add(new Trail.EventSelector(s.location(), Values.value(s, "IncludeManagementEvents"),
              Values.value(s, "ReadWriteType")));
        }
        for (MapNode s : Values.maps(chosen, "AdvancedEventSelectors")) {
          List<Trail.FieldSelector> fields = new ArrayList<>();
          for (MapNode f : Values.maps(s, "FieldSelectors")) {
            fields.add(new Trail.FieldSelector(Values.value(f, "Field").orElseGet(() -> new Value.Str("", f.location(),
                Provenance.LITERAL)), Values.value(f, "Equals").map(Value::items).orElse(List.of()), f.location()));
          }
          advanced.add(new Trail.AdvancedEventSelector(s.location(), Values.value(s, "Name"), fields));
        }
      }
      out.trails.add(new Trail(ref, logging(t), Values.value(t, "IsMultiRegionTrail"),
          Values.value(t, "IncludeGlobalServiceEvents"), Values.value(t, "LogFileValidationEnabled"),
          Values.value(t, "KmsKeyId"), Values.value(t, "CloudWatchLogsLogGroupArn"), Values.value(t, "CloudWatchLogsRoleArn"),
          basic, advanced));
    }
  }

  /** Whether the trail logs: from its status when it is certainly this trail's, else not known. */
  private Optional<Value> logging(MapNode trail) {
    if (described.size() == 1 && statuses.size() == 1) return Values.value(statuses.get(0), "IsLogging");
    String why = statuses.isEmpty() ? "no get-trail-status export was given"
        : "a get-trail-status export does not name its trail, and several trails are described";
    return Optional.of(new Value.Unknown(Value.Cause.UNSUPPORTED, why, Optional.empty(), Optional.empty(),
        trail.location(), Provenance.LITERAL));
  }
}
