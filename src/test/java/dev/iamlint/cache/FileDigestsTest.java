package dev.iamlint.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digests known by a file's status: recorded only when the file was last changed well before the
 * run, and given back only while the status is unchanged.
 */
class FileDigestsTest {
  @TempDir
  Path project;
  @TempDir
  Path cacheDir;

  private ParseCache cache;
  private Path file;
  private final byte[] digest = Keys.sha256().digest("text".getBytes(StandardCharsets.UTF_8));

  /** A run that started this long after the files were written: they are no longer "racy". */
  private static long later() {
    return System.currentTimeMillis() + 10_000;
  }

  @BeforeEach
  void setUp() throws IOException {
    cache = DiskCache.open(cacheDir, "test", DiskCache.DEFAULT_MAX_BYTES, n -> {});
    file = Files.writeString(project.resolve("main.tf"), "text");
  }

  private FileDigests learnedAndSaved(long runStarted) {
    FileDigests digests = FileDigests.of(cache, project, runStarted);
    digests.learn(file, digest);
    digests.save();
    return FileDigests.of(cache, project, System.currentTimeMillis());
  }

  @Test
  void anUnchangedFileIsKnownByItsStatus() {
    Optional<byte[]> known = learnedAndSaved(later()).digest(file);
    assertTrue(known.isPresent());
    assertArrayEquals(digest, known.get());
  }

  @Test
  void aFileChangedJustBeforeTheRunIsNotRecorded() {
    // Written moments ago: a change in the same clock tick would not show in its status.
    assertEquals(Optional.empty(), learnedAndSaved(System.currentTimeMillis()).digest(file));
  }

  @Test
  void aChangeOfTheTextOrOfTheTimesForgetsTheDigest() throws IOException, InterruptedException {
    learnedAndSaved(later());
    Files.writeString(file, "text, longer");
    assertEquals(Optional.empty(), FileDigests.of(cache, project, System.currentTimeMillis()).digest(file));

    Files.writeString(file, "text");
    learnedAndSaved(later());
    // Same size, the modification time set back as a tool may: the change time still moved.
    FileTime before = Files.getLastModifiedTime(file);
    // File times move by clock ticks of a few milliseconds: the change lands in a later tick (in
    // a real run the margin before the run's start does that).
    Thread.sleep(50);
    Files.writeString(file, "TEXT");
    Files.setLastModifiedTime(file, before);
    assertEquals(Optional.empty(), FileDigests.of(cache, project, System.currentTimeMillis()).digest(file));
  }

  @Test
  void aReplacedFileIsNotTheRecordedOne() throws IOException {
    learnedAndSaved(later());
    Path other = Files.writeString(project.resolve("other.tf"), "text");
    Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(Optional.empty(), FileDigests.of(cache, project, System.currentTimeMillis()).digest(file));
  }

  @Test
  void digestsBelongToTheirProjectRoot() throws IOException {
    learnedAndSaved(later());
    Path elsewhere = Files.createDirectories(cacheDir.resolve("elsewhere"));
    assertEquals(Optional.empty(), FileDigests.of(cache, elsewhere, System.currentTimeMillis()).digest(file));
  }

  @Test
  void withoutACacheNothingIsKnownOrKept() {
    FileDigests none = FileDigests.of(ParseCache.NONE, project, later());
    none.learn(file, digest);
    none.save();
    assertEquals(Optional.empty(), none.digest(file));
    assertEquals(Optional.empty(), FileDigests.NONE.digest(file));
  }

  @Test
  void aMalformedPayloadIsNoIndex() {
    byte[] good = FileDigests.encode(Map.of());
    assertTrue(FileDigests.decode(good).isPresent());
    assertEquals(Optional.empty(), FileDigests.decode(new byte[] {0, 0, 0, 5, 1, 2}));
    assertEquals(Optional.empty(), FileDigests.decode(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertEquals(Optional.empty(), FileDigests.decode(trailing));
  }

  @Test
  void aDigestOfTheWrongLengthIsNotRecorded() {
    FileDigests digests = FileDigests.of(cache, project, later());
    digests.learn(file, new byte[5]);
    digests.save();
    assertEquals(Optional.empty(), FileDigests.of(cache, project, System.currentTimeMillis()).digest(file));
  }
}
