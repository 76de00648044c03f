package dev.iamlint.cloudformation;

import dev.iamlint.cache.Keys;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.cache.RecordCodec;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.source.Location;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What mapping a template into the model gave, kept across runs by the template's text, its
 * name, the parameter values and the partition: all a template's mapping reads, unless it
 * imports another template's export. A template that imports (its text names {@code
 * ImportValue}) is mapped on every run, since what it imports may change in another file.
 */
public final class AdaptationCache {
  private AdaptationCache() {}

  private static final String FORMAT = "iamlint template mapping 1";

  private static final Optional<RecordCodec<ModelBuilder>> CODEC = codec();

  private static Optional<RecordCodec<ModelBuilder>> codec() {
    try {
      return Optional.of(RecordCodec.of(ModelBuilder.class, Location.class, Provenance.class));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code template} (whose file reads {@code text}) mapped into {@code out}, from the cache when it
   * kept it; the places where its evaluation reached a limit. A mapping cut by a limit is not kept:
   * the next run evaluates it again and says so again.
   */
  public static List<Budget.Note> adapt(ParseCache cache, Template template, String text, Map<String, String> parameters,
      String partition, Exports exports, ModelBuilder out) {
    return adapt(cache, template, text, parameters, partition, exports, NestedStacks.NONE, out);
  }

  /** The same, with the scanned templates its nested stacks deploy: a template that nests one is mapped on every run. */
  public static List<Budget.Note> adapt(ParseCache cache, Template template, String text, Map<String, String> parameters,
      String partition, Exports exports, NestedStacks nested, ModelBuilder out) {
    if (!cache.keeps() || CODEC.isEmpty() || text.contains("ImportValue") || nested.nestsAny(template)) {
      return CloudFormationAdapter.adapt(template, parameters, partition, exports, nested, out);
    }
    RecordCodec<ModelBuilder> codec = CODEC.get();
    byte[] key = key(codec, template.file(), text, parameters, partition);
    Optional<ModelBuilder> kept = cache.kept(ParseCache.Kept.EVALUATION, key).flatMap(codec::decode);
    if (kept.isPresent()) {
      out.addAll(kept.get());
      return List.of();
    }
    ModelBuilder fresh = new ModelBuilder();
    List<Budget.Note> limits = CloudFormationAdapter.adapt(template, parameters, partition, exports, fresh);
    if (limits.isEmpty()) codec.encode(fresh).ifPresent(payload -> cache.keep(ParseCache.Kept.EVALUATION, key, payload));
    out.addAll(fresh);
    return limits;
  }

  private static byte[] key(RecordCodec<ModelBuilder> codec, String file, String text, Map<String, String> parameters,
      String partition) {
    MessageDigest digest = Keys.sha256();
    Keys.update(digest, FORMAT);
    codec.describeTo(digest);
    Keys.update(digest, file);
    Keys.update(digest, text);
    Keys.update(digest, partition);
    new TreeMap<>(parameters).forEach((k, v) -> {
      Keys.update(digest, k);
      Keys.update(digest, v);
    });
    return digest.digest();
  }

}
