package dev.iamlint.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.tree.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad input never breaks the review: every export of the fixtures cut short at every few
 * characters is read without an internal failure, and a cut JSON document is a located problem.
 */
class TruncatedExportsTest {

  @Test
  void everyCutIsReadOrReported() throws IOException {
    List<Path> exports = new ArrayList<>();
    for (String dir : List.of("healthy", "findings")) {
      try (Stream<Path> files = Files.list(Path.of("testdata", "review", dir))) {
        files.filter(Files::isRegularFile).sorted().forEach(exports::add);
      }
    }
    int cuts = 0;
    for (Path p : exports) {
      String text = Files.readString(p);
      for (int end = 0; end < text.length(); end += 7) {
        String cut = text.substring(0, end);
        AccountExports.Reading r = AccountExports.read(List.of(new AccountExports.Export(p.getFileName().toString(), cut)),
            Optional.of(LocalDate.of(2026, 6, 15)));
        cuts++;
        for (Problem problem : r.problems()) {
          assertTrue(!problem.message().startsWith("not reviewed:"), p + " cut at " + end + ": " + problem.message());
        }
        // A cut that ends a page of a paginated export leaves complete documents.
        boolean broken = JsonLoader.parseSequence("cut", cut) instanceof ParseResult.Failed;
        if (p.toString().endsWith(".json") && broken) {
          assertTrue(!r.problems().isEmpty(), p + " cut at " + end + " is read without a problem");
        }
      }
    }
    assertTrue(cuts > 1000, "cuts tried: " + cuts);
  }
}
