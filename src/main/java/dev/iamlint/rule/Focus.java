package dev.iamlint.rule;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The files in which a run may report or match a finding. A full scan covers every file; a
 * partial scan (pre-commit's changed files, an editor's one file) reads the whole project as
 * context but reports only what lies in its paths, so a rule may leave out work whose every
 * finding would lie, and would name its resource, in other files. Leaving it out must never
 * change what is reported: a rule that cannot tell where a finding would lie does the work.
 */
public sealed interface Focus {
  Focus EVERYTHING = new Everything();

  /** The files {@code covers} accepts (display paths, as locations name them). */
  static Focus on(Predicate<String> covers) {
    return new Files(covers, new ConcurrentHashMap<>());
  }

  /** Whether a finding located in {@code file}, or naming a resource there, may be reported or matched. */
  boolean covers(String file);

  /** The files a partial scan reports ({@link #covers}); empty when every file is: then nothing may be left out. */
  Optional<Predicate<String>> partial();

  /** Every file: a full scan, or a partial one whose config file is scanned too (its ignore entries are judged). */
  record Everything() implements Focus {
    @Override
    public boolean covers(String file) {
      return true;
    }

    @Override
    public Optional<Predicate<String>> partial() {
      return Optional.empty();
    }
  }

  /** Some files; each answer is remembered (a rule asks about the same few files many times). */
  record Files(Predicate<String> test, Map<String, Boolean> answers) implements Focus {
    @Override
    public boolean covers(String file) {
      return answers.computeIfAbsent(file, test::test);
    }

    @Override
    public Optional<Predicate<String>> partial() {
      return Optional.of(this::covers);
    }
  }
}
