package dev.iamlint.terraform;

import dev.iamlint.cache.Keys;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.cache.RecordCodec;
import dev.iamlint.model.Linkage;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What evaluating a root module gave, kept across runs, as a compiler cache keeps object files:
 * a pre-commit run that changed one module evaluates that one and takes the other deployments'
 * model elements from the cache.
 *
 * <p>An evaluation records every input it reads (module directories, files read by
 * {@code file()}, variable files, the installed-modules list) with the state it saw. The
 * manifest, keyed by the root module and the options, lists those inputs; the result is kept
 * under a key made of the manifest's key and each input's state. A later run reads the manifest,
 * takes each input's state now, and uses the result kept under that key: it exists only when an
 * evaluation read those very inputs in those very states, and evaluation depends on nothing else
 * (the iamlint build is part of every key, through the cache's own version).
 */
final class DeploymentCache {
  /** The format of manifests and results; bump it with any change to what a result holds. */
  private static final String FORMAT = "iamlint deployment 2";

  /** One input, as a manifest lists it. */
  record Input(Inputs.Kind kind, String path) {
    // Written out: the record's own equals and hashCode are bound on first use through a chain of
    // method handles, which a fresh JVM builds at some cost, on every run's first manifest.
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Input i && kind == i.kind && Objects.equals(path, i.path);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(kind) * 31 + Objects.hashCode(path);
    }
  }

  /**
   * What the last evaluation kept read, and what ties its result to other root modules: {@code
   * linkage} is that result's (its key is {@code result}), read with the manifest so that a partial
   * scan decides whether it needs the result without reading it.
   */
  record Manifest(List<Input> inputs, String result, Linkage linkage) {}

  /** What one evaluation gave: the model elements, and what reading its variable files added. */
  record Evaluated(ModelBuilder model, List<SyntaxError> syntaxErrors, List<String> filesRead) {}

  private static final Optional<Codecs> CODECS = Codecs.make();

  private record Codecs(RecordCodec<Manifest> manifest, RecordCodec<Evaluated> evaluated,
      RecordCodec<TerraformLoader.Outline> outline) {
    static Optional<Codecs> make() {
      try {
        return Optional.of(new Codecs(RecordCodec.of(Manifest.class),
            RecordCodec.of(Evaluated.class, Location.class, Provenance.class), RecordCodec.of(TerraformLoader.Outline.class)));
      } catch (IllegalArgumentException e) {
        // A model type the codec cannot write: evaluate every time (DeploymentCacheTest fails first).
        return Optional.empty();
      }
    }
  }

  private final ParseCache cache;
  private final byte[] manifestKey;
  private final Function<Input, String> stateNow;
  /** The manifest read and its inputs' states now, once {@link #peek} has taken them. */
  private Optional<Optional<Looked>> looked = Optional.empty();

  /** A manifest read from the cache, with its inputs' states now (the key of the result they make). */
  private record Looked(Manifest manifest, byte[] resultKey) {}

  /** The linkage of the result this run evaluated and kept, once {@link #get} has. */
  private Optional<Linkage> made = Optional.empty();

  /** What a kept result read, and what ties its elements to other deployments. */
  record Peek(List<Input> inputs, Linkage linkage) {}

  /**
   * The cache of the root module {@code rootKey} names (its directory, how reports name it, the
   * options); {@code stateNow} gives an input's state as it is now.
   */
  DeploymentCache(ParseCache cache, Map<String, String> rootKey, Function<Input, String> stateNow) {
    this.cache = cache;
    this.stateNow = stateNow;
    MessageDigest digest = sha256();
    Keys.update(digest, FORMAT);
    CODECS.ifPresent(c -> {
      c.evaluated().describeTo(digest);
      c.manifest().describeTo(digest);
    });
    new TreeMap<>(rootKey).forEach((k, v) -> {
      Keys.update(digest, k);
      Keys.update(digest, v);
    });
    this.manifestKey = digest.digest();
  }

  static boolean usable(ParseCache cache) {
    return cache.keeps() && CODECS.isPresent();
  }

  /**
   * The kept result of this root module's evaluation, when its inputs are as they were (then
   * {@code reused} is told which inputs that result read); else {@code evaluate}'s.
   */
  Evaluated get(Supplier<Recorded> evaluate, Consumer<List<Input>> reused) {
    Codecs codecs = CODECS.orElseThrow();
    Optional<Looked> manifest = look();
    if (manifest.isPresent()) {
      Optional<Evaluated> kept = cache.kept(ParseCache.Kept.EVALUATION, manifest.get().resultKey())
          .flatMap(codecs.evaluated()::decode);
      if (kept.isPresent()) {
        reused.accept(manifest.get().manifest().inputs());
        return kept.get();
      }
    }
    Recorded fresh = evaluate.get();
    if (!fresh.lasting()) return fresh.evaluated();
    // Too large or too deep to keep: evaluated again next time.
    Optional<byte[]> result = codecs.evaluated().encode(fresh.evaluated());
    byte[] key = resultKey(fresh.inputs());
    made = Optional.of(Linkage.of(fresh.evaluated().model()));
    Optional<byte[]> inputs = codecs.manifest().encode(new Manifest(new ArrayList<>(fresh.inputs().keySet()),
        HexFormat.of().formatHex(key), made.get()));
    if (result.isPresent() && inputs.isPresent()) {
      cache.keep(ParseCache.Kept.EVALUATION, key, result.get());
      cache.keep(ParseCache.Kept.MANIFEST, manifestKey, inputs.get());
    }
    return fresh.evaluated();
  }

  /**
   * What the kept result of this root module read and what ties it to other deployments, when its
   * inputs are as the last evaluation kept saw them; empty when it is to be evaluated (or an
   * older result matches them, whose linkage the manifest no longer holds). The result itself is
   * not read.
   */
  Optional<Peek> peek() {
    return look().filter(l -> l.manifest().result().equals(HexFormat.of().formatHex(l.resultKey())))
        .map(l -> new Peek(l.manifest().inputs(), l.manifest().linkage()));
  }

  /** The linkage of what {@link #get} evaluated and kept in this run, if it did. */
  Optional<Linkage> made() {
    return made;
  }

  /** The manifest and the key of the result its inputs make now, read once. */
  private Optional<Looked> look() {
    if (looked.isEmpty()) looked = Optional.of(readManifest());
    return looked.get();
  }

  private Optional<Looked> readManifest() {
    Optional<Manifest> manifest = cache.kept(ParseCache.Kept.MANIFEST, manifestKey).flatMap(CODECS.orElseThrow().manifest()::decode);
    if (manifest.isEmpty()) return Optional.empty();
    try {
      Map<Input, String> now = new LinkedHashMap<>();
      for (Input input : manifest.get().inputs()) now.put(input, stateNow.apply(input));
      return Optional.of(new Looked(manifest.get(), resultKey(now)));
    } catch (RuntimeException e) {
      // A manifest that names something no evaluation reads is not trusted: evaluated again, and rewritten.
      return Optional.empty();
    }
  }

  /** The outline kept for a module directory whose files have {@code fingerprint}. */
  static Optional<TerraformLoader.Outline> outline(ParseCache cache, String fingerprint) {
    if (!usable(cache)) return Optional.empty();
    return cache.kept(ParseCache.Kept.OUTLINE, outlineKey(fingerprint)).flatMap(CODECS.get().outline()::decode);
  }

  static void keepOutline(ParseCache cache, String fingerprint, TerraformLoader.Outline outline) {
    if (!usable(cache)) return;
    CODECS.get().outline().encode(outline).ifPresent(p -> cache.keep(ParseCache.Kept.OUTLINE, outlineKey(fingerprint), p));
  }

  private static byte[] outlineKey(String fingerprint) {
    MessageDigest digest = sha256();
    Keys.update(digest, FORMAT + " outline");
    CODECS.get().outline().describeTo(digest);
    Keys.update(digest, fingerprint);
    return digest.digest();
  }

  /**
   * An evaluation and the inputs it read, with the state it saw each in; {@code lasting}: whether
   * it is worth keeping (not when it read an editor's unsaved buffer, which the next keystroke changes).
   */
  record Recorded(Evaluated evaluated, Map<Input, String> inputs, boolean lasting) {
    Recorded(Evaluated evaluated, Map<Input, String> inputs) {
      this(evaluated, inputs, true);
    }
  }

  private byte[] resultKey(Map<Input, String> states) {
    MessageDigest digest = sha256();
    digest.update(manifestKey);
    states.forEach((input, state) -> {
      Keys.update(digest, input.kind().name());
      Keys.update(digest, input.path());
      Keys.update(digest, state);
    });
    return digest.digest();
  }


  static MessageDigest sha256() {
    return Keys.sha256();
  }
}
