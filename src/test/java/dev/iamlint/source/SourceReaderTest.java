package dev.iamlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one reader: only regular files, within the size limit, decoded as the format allows. */
class SourceReaderTest {

  /**
   * A file is read into an array of the size it said it has; a size that is wrong (a file still
   * being written, shrunk or grown since) still gives every byte there is, never more than the limit.
   */
  @ParameterizedTest
  @CsvSource({
      // bytes there are, size the file said, limit, bytes read
      "10, 10, 100, 10",
      "10, 4, 100, 10",
      "10, 40, 100, 10",
      "0, 0, 100, 0",
      "0, 5, 100, 0",
      "200, 200, 101, 101",
      "200, 50, 101, 101",
      "101, 101, 101, 101",
      "5, 0, 100, 5"})
  void aFileIsReadWholeWhateverSizeItSaid(int there, long said, int limit, int read) throws IOException {
    byte[] content = new byte[there];
    for (int i = 0; i < there; i++) content[i] = (byte) (i * 7);
    byte[] got = SourceReader.readUpTo(new java.io.ByteArrayInputStream(content), said, limit);
    assertEquals(read, got.length);
    assertEquals(HexFormat.of().formatHex(content, 0, read), HexFormat.of().formatHex(got));
  }
  @TempDir
  Path dir;

  private static final String TEXT = "a: 1\nb: \"é\"\n";

  private static byte[] bytes(String bom, String charset, String text) {
    byte[] body = text.getBytes(Charset.forName(charset));
    byte[] mark = bom.isEmpty() ? new byte[0] : HexFormat.of().parseHex(bom);
    byte[] out = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, out, 0, mark.length);
    System.arraycopy(body, 0, out, mark.length, body.length);
    return out;
  }

  /** JSON and YAML: UTF-8, UTF-16 and UTF-32, with or without a byte order mark. */
  @ParameterizedTest(name = "{0} bom={1}")
  @CsvSource({
      "UTF-8, ''", "UTF-8, efbbbf",
      "UTF-16LE, ''", "UTF-16LE, fffe", "UTF-16BE, ''", "UTF-16BE, feff",
      "UTF-32LE, ''", "UTF-32LE, fffe0000", "UTF-32BE, ''", "UTF-32BE, 0000feff",
  })
  void unicodeTextIsDecodedWhateverItsEncoding(String charset, String bom) {
    SourceReader.Outcome o = SourceReader.decode(bytes(bom, charset, TEXT), SourceReader.Encoding.UNICODE);
    assertEquals(TEXT, assertInstanceOf(SourceReader.Text.class, o).text());
  }

  /** HCL is UTF-8 only; HashiCorp's scanner skips a UTF-8 byte order mark. */
  @ParameterizedTest(name = "{0} bom={1}")
  @CsvSource({
      "UTF-16LE, '',       not UTF-8 (looks like UTF-16LE)",
      "UTF-16LE, fffe,     not UTF-8 (looks like UTF-16LE)",
      "UTF-16BE, feff,     not UTF-8 (looks like UTF-16BE)",
      "UTF-32LE, fffe0000, not UTF-8 (looks like UTF-32LE)",
      "UTF-32BE, '',       not UTF-8 (looks like UTF-32BE)",
  })
  void hclRefusesOtherUnicodeEncodingsAndSaysWhichItLooksLike(String charset, String bom, String reason) {
    SourceReader.Outcome o = SourceReader.decode(bytes(bom, charset, TEXT), SourceReader.Encoding.UTF8);
    assertTrue(assertInstanceOf(SourceReader.Refused.class, o).reason().startsWith(reason), o.toString());
    assertEquals(TEXT, assertInstanceOf(SourceReader.Text.class,
        SourceReader.decode(bytes("efbbbf", "UTF-8", TEXT), SourceReader.Encoding.UTF8)).text());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ISO-8859-1, 2, 5, 0xE9", "Shift_JIS, 2, 5, 0x93", "windows-1252, 2, 5, 0xE9"})
  void legacyEncodingsAreRefusedWhereTheFirstBadByteIs(String charset, int line, int column, String bad) {
    String text = charset.equals("Shift_JIS") ? "a: 1\nb: \"日本\"\n" : TEXT;
    for (SourceReader.Encoding e : SourceReader.Encoding.values()) {
      SourceReader.Refused r = assertInstanceOf(SourceReader.Refused.class,
          SourceReader.decode(text.getBytes(Charset.forName(charset)), e));
      assertTrue(r.reason().startsWith("not UTF-8") && r.reason().contains(bad), r.reason());
      assertEquals(line, r.line(), r.toString());
      assertEquals(column, r.column(), r.toString());
    }
  }

  // The fast decoder replaces malformed bytes with U+FFFD; a file that holds that character itself is text.
  @Test
  void aReplacementCharacterWrittenInTheFileIsText() {
    String text = "a = \"\uFFFD\"\n";
    for (SourceReader.Encoding e : SourceReader.Encoding.values()) {
      assertEquals(text, assertInstanceOf(SourceReader.Text.class,
          SourceReader.decode(text.getBytes(StandardCharsets.UTF_8), e)).text());
    }
  }

  /** Found on a public repository: git-crypt's ciphertext was said to look like UTF-16, with the advice to save it as UTF-8. */
  @Test
  void aFileEncryptedByGitCryptIsSaidToBeSo() {
    byte[] encrypted = {0, 'G', 'I', 'T', 'C', 'R', 'Y', 'P', 'T', 0, (byte) 0x93, 0x12, (byte) 0xAB, (byte) 0xCD, 0x01, 0x7F};
    for (SourceReader.Encoding e : SourceReader.Encoding.values()) {
      SourceReader.Refused r = assertInstanceOf(SourceReader.Refused.class, SourceReader.decode(encrypted, e));
      assertEquals("encrypted by git-crypt: its text is not readable here (unlock the repository to scan it)", r.reason());
      assertEquals(1, r.line());
    }
  }

  @Test
  void aNulCharacterIsNotText() {
    SourceReader.Refused r = assertInstanceOf(SourceReader.Refused.class,
        SourceReader.decode("a = 1\nb = \0\n".getBytes(StandardCharsets.UTF_8), SourceReader.Encoding.UTF8));
    assertTrue(r.reason().contains("NUL"), r.reason());
    assertEquals(2, r.line());
    assertEquals(5, r.column());
  }

  @Test
  void aFileOverTheLimitIsRefusedAndOneAtItIsRead() throws IOException {
    Path at = dir.resolve("at.tf");
    Path over = dir.resolve("over.tf");
    Files.write(at, new byte[100]);
    Files.write(over, new byte[101]);
    assertInstanceOf(SourceReader.Refused.class, SourceReader.UNCONFINED.read(at, SourceReader.Encoding.UTF8, 100));
    Files.writeString(at, "#".repeat(100));
    assertEquals("#".repeat(100), assertInstanceOf(SourceReader.Text.class,
        SourceReader.UNCONFINED.read(at, SourceReader.Encoding.UTF8, 100)).text());
    assertEquals("file is larger than 16 MiB", SourceReader.tooLarge(SourceReader.MAX_BYTES));
    SourceReader.Refused r = assertInstanceOf(SourceReader.Refused.class,
        SourceReader.UNCONFINED.read(over, SourceReader.Encoding.UTF8, 100));
    assertEquals(1, r.line());
    assertEquals(1, r.column());
  }

  @Test
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("main.tf");
    assumeTrue(mkfifo(fifo), "mkfifo unavailable");
    SourceReader.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> SourceReader.UNCONFINED.read(fifo, SourceReader.Encoding.UTF8));
    assertTrue(assertInstanceOf(SourceReader.Refused.class, o).reason().startsWith("not a regular file"), o.toString());
    assertEquals(Optional.empty(), assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SourceReader.head(fifo, 1024)));
  }

  @Test
  void aConfinedReaderDoesNotFollowALinkOutOfItsRoot() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path outside = Files.writeString(dir.resolve("secret.tf"), "a = 1\n");
    Path link = Files.createSymbolicLink(root.resolve("link.tf"), outside);
    SourceReader.Outcome o = SourceReader.confinedTo(root).read(link, SourceReader.Encoding.UTF8);
    assertTrue(assertInstanceOf(SourceReader.Refused.class, o).reason().contains("outside"), o.toString());
    assertInstanceOf(SourceReader.Text.class, SourceReader.UNCONFINED.read(link, SourceReader.Encoding.UTF8));
  }

  @Test
  void missingAndDirectoryAreSaidPlainly() throws IOException {
    assertEquals("no such file", assertInstanceOf(SourceReader.Refused.class,
        SourceReader.UNCONFINED.read(dir.resolve("none.tf"), SourceReader.Encoding.UTF8)).reason());
    assertEquals("a directory, not a file", assertInstanceOf(SourceReader.Refused.class,
        SourceReader.UNCONFINED.read(dir, SourceReader.Encoding.UTF8)).reason());
  }

  @Test
  void anUnreadableFileSaysPermissionDenied() throws IOException {
    Path f = Files.writeString(dir.resolve("locked.tf"), "a = 1\n");
    assumeTrue(f.toFile().setReadable(false, false) && !Files.isReadable(f), "running as a user who reads everything");
    assertEquals("permission denied", assertInstanceOf(SourceReader.Refused.class,
        SourceReader.UNCONFINED.read(f, SourceReader.Encoding.UTF8)).reason());
  }

  /** The head of a file that cannot be read whole, decoded well enough to tell what the file is. */
  @Test
  void theHeadOfALegacyOrWideFileStillShowsItsAsciiWords() throws IOException {
    Path latin = Files.write(dir.resolve("l.yaml"), "AWSTemplateFormatVersion: é\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(SourceReader.head(latin, 1024).orElseThrow().contains("AWSTemplateFormatVersion"));
    Path wide = Files.write(dir.resolve("w.yaml"), "AWSTemplateFormatVersion: x\n".getBytes(StandardCharsets.UTF_16LE));
    assertTrue(SourceReader.head(wide, 1024).orElseThrow().contains("AWSTemplateFormatVersion"));
  }

  static boolean mkfifo(Path p) {
    try {
      Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
      return mk.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
