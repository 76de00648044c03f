package dev.iamlint.terraform;

import dev.iamlint.hcl.Body;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.source.Location;
import dev.iamlint.terraform.adapter.Deployments;
import dev.iamlint.terraform.adapter.TerraformAdapter;
import dev.iamlint.terraform.evaluation.TfResource;
import dev.iamlint.terraform.loader.ModuleConfig;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Numbers;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code terraform show -json} plan output: resources from {@code planned_values} of every
 * module, values the plan cannot know from {@code after_unknown} (linked, through the
 * configuration's references, to the resource they come from), addresses as Terraform prints
 * them. When the root module's .tf sources are next to the plan, resources and their arguments
 * are located in them.
 */
public final class PlanLoader {
  /** Marks that the configuration of a resource was present, so its argument list is complete. */
  private static final String CONFIGURED = "\u0000configured";

  private PlanLoader() {}

  /** Adds the plan's resources to {@code out}; {@code sources} is the module next to the plan, if any. */
  public static Optional<SyntaxError> load(String file, String text, Optional<ModuleConfig> sources, ModelBuilder out) {
    ParseResult parsed = JsonLoader.parse(file, text);
    if (parsed instanceof ParseResult.Failed f) return Optional.of(new SyntaxError(file, "JSON syntax error: " + f.message(), f.location()));
    if (!(((ParseResult.Parsed) parsed).root() instanceof MapNode root)) return Optional.empty();
    Map<String, MapNode> unknowns = new HashMap<>();
    root.get("resource_changes").filter(ListNode.class::isInstance).ifPresent(list -> {
      for (Node n : ((ListNode) list).items()) {
        if (!(n instanceof MapNode change)) continue;
        Optional<String> address = text(change, "address");
        Optional<MapNode> afterUnknown = change.map("change").flatMap(c -> c.map("after_unknown"));
        if (address.isPresent() && afterUnknown.isPresent()) unknowns.put(address.get(), afterUnknown.get());
      }
    });
    Map<String, Map<String, List<String>>> references = new HashMap<>();
    root.map("configuration").flatMap(c -> c.map("root_module")).ifPresent(m -> collectReferences(m, "", references));
    List<TfResource> resources = new ArrayList<>();
    root.map("planned_values").flatMap(p -> p.map("root_module"))
        .ifPresent(m -> module(file, m, unknowns, references, sources, resources));
    // A plan is what `terraform plan` made of a root module: always a deployment.
    TerraformAdapter.adapt(resources, Set.of(), Deployments.plan(file, providerAccounts(root)), out);
    return Optional.empty();
  }

  private static void module(String file, MapNode module, Map<String, MapNode> unknowns,
      Map<String, Map<String, List<String>>> references, Optional<ModuleConfig> sources, List<TfResource> out) {
    String moduleAddress = text(module, "address").orElse("");
    String scope = file + "#" + moduleAddress;
    module.get("resources").filter(ListNode.class::isInstance).ifPresent(list -> {
      for (Node n : ((ListNode) list).items()) {
        if (!(n instanceof MapNode r)) continue;
        String address = text(r, "address").orElse("?");
        String mode = text(r, "mode").orElse("managed");
        String type = text(r, "type").orElse("?");
        String name = text(r, "name").orElse("?");
        Optional<ModuleConfig.Decl> decl = moduleAddress.isEmpty() ? sources.flatMap(s ->
            Optional.ofNullable((mode.equals("data") ? s.dataSources() : s.resources()).get(type + "." + name))) : Optional.empty();
        Location location = decl.map(d -> d.block().range().location(d.file())).orElse(r.location());
        Location header = decl.map(d -> d.block().typeRange().location(d.file())
            .span(d.block().labels().get(d.block().labels().size() - 1).range().location(d.file()))).orElse(r.location());
        Optional<MapNode> after = Optional.ofNullable(unknowns.get(address));
        Map<String, List<String>> refs = references.getOrDefault(configAddress(moduleAddress, type, name, mode), Map.of());
        Value.MapV values = r.map("values").map(v -> (Value.MapV) convert(v, after, scope, address, "", decl, refs))
            .orElse(new Value.MapV(List.of(), r.location(), Provenance.LITERAL));
        out.add(new TfResource(scope, address, mode, type, name, values, location, header, false));
      }
    });
    module.get("child_modules").filter(ListNode.class::isInstance).ifPresent(list -> {
      for (Node n : ((ListNode) list).items()) {
        if (n instanceof MapNode child) module(file, child, unknowns, references, Optional.empty(), out);
      }
    });
  }

  private static String configAddress(String moduleAddress, String type, String name, String mode) {
    String module = moduleAddress.replaceAll("\\[[^]]*]", "");
    return (module.isEmpty() ? "" : module + ".") + (mode.equals("data") ? "data." : "") + type + "." + name;
  }

  /** configuration.root_module: for each resource, the references of each argument's expression. */
  private static void collectReferences(MapNode module, String prefix, Map<String, Map<String, List<String>>> out) {
    module.get("resources").filter(ListNode.class::isInstance).ifPresent(list -> {
      for (Node n : ((ListNode) list).items()) {
        if (!(n instanceof MapNode r)) continue;
        String address = prefix + text(r, "address").orElse("?");
        Map<String, List<String>> byArgument = new HashMap<>();
        // Every configured argument is listed, with or without references.
        r.map("expressions").ifPresent(exprs -> exprs.entries().forEach(e -> byArgument.put(e.name(), List.of())));
        byArgument.put(CONFIGURED, List.of());
        r.map("expressions").ifPresent(exprs -> exprs.entries().forEach(e -> {
          if (e.value() instanceof MapNode x) {
            x.get("references").filter(ListNode.class::isInstance).ifPresent(refs -> byArgument.put(e.name(),
                ((ListNode) refs).items().stream().filter(ScalarNode.class::isInstance).map(s -> ((ScalarNode) s).text()).toList()));
          }
        }));
        out.put(address, byArgument);
      }
    });
    module.map("module_calls").ifPresent(calls -> calls.entries().forEach(c -> {
      if (c.value() instanceof MapNode call) {
        call.map("module").ifPresent(m -> collectReferences(m, prefix + "module." + c.name() + ".", out));
      }
    }));
  }

  private static Value number(String text, Location at) {
    return Numbers.parse(text).<Value>map(d -> new Value.Num(d, at, Provenance.LITERAL))
        .orElseGet(() -> new Value.Unknown(Value.Cause.UNSUPPORTED, "the number " + text + " is out of range",
            Optional.empty(), Optional.empty(), at, Provenance.LITERAL));
  }

  private static Value convert(Node n, Optional<? extends Node> unknownNode, String scope, String address, String path,
      Optional<ModuleConfig.Decl> decl, Map<String, List<String>> refs) {
    Optional<MapNode> unknown = unknownNode.filter(MapNode.class::isInstance).map(MapNode.class::cast);
    Location at = n.location();
    if (path.indexOf('.') < 0 && !path.isEmpty() && decl.isPresent()) {
      Optional<Body.Attribute> a = decl.get().block().body().attribute(path);
      if (a.isPresent()) at = a.get().expression().range().location(decl.get().file());
    }
    if (n instanceof ScalarNode s) {
      return switch (s.kind()) {
        case NUMBER -> number(s.text(), at);
        case BOOLEAN -> new Value.Bool(Boolean.parseBoolean(s.text()), at, Provenance.LITERAL);
        case NULL -> unknownHere(unknown, at, scope, address, path, refs).orElse(new Value.Null(at, Provenance.LITERAL));
        default -> new Value.Str(s.text(), at, Provenance.LITERAL);
      };
    }
    if (n instanceof ListNode l) {
      List<Value> items = new ArrayList<>();
      Optional<ListNode> unknownItems = unknownNode.filter(ListNode.class::isInstance).map(ListNode.class::cast);
      for (int i = 0; i < l.items().size(); i++) {
        final int index = i;
        Optional<MapNode> itemUnknown = unknownItems.filter(u -> index < u.items().size())
            .map(u -> u.items().get(index)).filter(MapNode.class::isInstance).map(MapNode.class::cast);
        items.add(convert(l.items().get(i), itemUnknown, scope, address, path + "[" + i + "]", decl, refs));
      }
      return new Value.ListV(items, at, Provenance.LITERAL);
    }
    MapNode m = (MapNode) n;
    List<Value.MapV.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      // Beside its sources, an argument they do not write is the provider's default: leave it out.
      if (path.isEmpty() && decl.isPresent() && decl.get().block().body().attribute(e.name()).isEmpty()
          && decl.get().block().body().blocks(e.name()).isEmpty()) {
        continue;
      }
      Optional<Node> inner = unknown.flatMap(u -> u.get(e.name())).filter(x -> !(x instanceof ScalarNode));
      Optional<? extends Node> passed = inner.isPresent() ? inner : unknown.filter(u -> path.isEmpty() && u.get(e.name()).isPresent());
      Value v = convert(e.value(), passed, scope, address, path.isEmpty() ? e.name() : path + "." + e.name(), decl, refs);
      entries.add(new Value.MapV.Entry(e.name(), e.key().location(), v));
    }
    // Arguments the plan cannot know yet are absent (or null) in values and true in after_unknown.
    if (unknown.isPresent() && !path.isEmpty()) {
      for (MapNode.Entry e : unknown.get().entries()) {
        if (m.get(e.name()).isEmpty() && e.value() instanceof ScalarNode s && s.text().equals("true")) {
          entries.add(new Value.MapV.Entry(e.name(), m.location(), new Value.Unknown(Value.Cause.DEPLOY_TIME,
              address + "." + path + "." + e.name() + " is known only after apply", Optional.empty(), Optional.empty(),
              m.location(), Provenance.LITERAL)));
        }
      }
    }
    if (unknown.isPresent() && path.isEmpty()) {
      for (MapNode.Entry e : unknown.get().entries()) {
        // Computed by the provider because the configuration does not set it: absent, not unknown.
        if (refs.containsKey(CONFIGURED) && !refs.containsKey(e.name())) continue;
        if (m.get(e.name()).isEmpty() && e.value() instanceof ScalarNode s && s.text().equals("true")) {
          entries.add(new Value.MapV.Entry(e.name(), m.location(), deployTime(scope, address, e.name(), m.location(), refs)));
        }
      }
    }
    return new Value.MapV(entries, at, Provenance.LITERAL);
  }

  private static Optional<Value> unknownHere(Optional<MapNode> unknown, Location at, String scope, String address, String path,
      Map<String, List<String>> refs) {
    if (unknown.isEmpty() || path.contains(".") || path.contains("[")) return Optional.empty();
    Optional<Node> flag = unknown.get().get(path);
    if (flag.isPresent() && flag.get() instanceof ScalarNode s && s.text().equals("true")) {
      if (refs.containsKey(CONFIGURED) && !refs.containsKey(path)) return Optional.empty();
      return Optional.of(deployTime(scope, address, path, at, refs));
    }
    return Optional.empty();
  }

  /** An argument known after apply; the configuration says which resource it comes from. */
  private static Value deployTime(String scope, String address, String argument, Location at, Map<String, List<String>> refs) {
    Optional<Reference> ref = refs.getOrDefault(argument, List.of()).stream()
        .filter(r -> !r.startsWith("var.") && !r.startsWith("local.") && r.split("\\.").length >= 2)
        .map(r -> {
          String[] parts = r.split("\\.");
          boolean data = parts[0].equals("data");
          int n = data ? 3 : 2;
          if (parts.length < n) return null;
          String target = String.join(".", Arrays.copyOfRange(parts, 0, n));
          String attribute = parts.length > n ? parts[n] : "";
          String module = scope.substring(scope.indexOf('#') + 1);
          return new Reference(scope, (module.isEmpty() ? "" : module + ".") + target, attribute);
        })
        .filter(Objects::nonNull).findFirst();
    return new Value.Unknown(Value.Cause.DEPLOY_TIME, address + "." + argument + " is known only after apply", ref,
        Optional.empty(), at, Provenance.LITERAL);
  }

  /**
   * The accounts the plan's AWS providers are pinned to, from the configuration's constant
   * {@code allowed_account_ids} or the account of {@code assume_role.role_arn}; empty when any
   * AWS provider is not pinned (or the plan has no configuration).
   */
  private static List<String> providerAccounts(MapNode root) {
    Optional<MapNode> providers = root.map("configuration").flatMap(c -> c.map("provider_config"));
    if (providers.isEmpty()) return List.of();
    TreeSet<String> accounts = new TreeSet<>();
    for (MapNode.Entry e : providers.get().entries()) {
      if (!(e.value() instanceof MapNode provider) || !text(provider, "name").orElse(e.name()).equals("aws")) continue;
      Optional<MapNode> expressions = provider.map("expressions");
      List<String> pinned = expressions.flatMap(x -> x.map("allowed_account_ids")).flatMap(a -> a.get("constant_value"))
          .filter(ListNode.class::isInstance).map(l -> ((ListNode) l).items().stream()
              .filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text()).toList())
          .orElse(List.of());
      if (pinned.isEmpty()) {
        pinned = expressions.flatMap(x -> x.get("assume_role")).filter(ListNode.class::isInstance)
            .flatMap(l -> ((ListNode) l).items().stream().findFirst()).filter(MapNode.class::isInstance)
            .flatMap(b -> ((MapNode) b).map("role_arn")).flatMap(r -> text(r, "constant_value"))
            .flatMap(Deployments::roleAccount).map(List::of).orElse(List.of());
      }
      if (pinned.isEmpty()) return List.of();
      accounts.addAll(pinned);
    }
    return List.copyOf(accounts);
  }

  private static Optional<String> text(MapNode m, String key) {
    return m.get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
  }
}
