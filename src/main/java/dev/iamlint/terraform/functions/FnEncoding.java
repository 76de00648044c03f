package dev.iamlint.terraform.functions;

import static dev.iamlint.terraform.functions.FnSupport.define;
import static dev.iamlint.terraform.functions.FnSupport.mkStr;
import static dev.iamlint.terraform.functions.FnSupport.str;

import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FnSupport.FnError;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Encodings, hashes, and the functions whose result differs on every run. */
final class FnEncoding {
  private FnEncoding() {}

  static void into(Map<String, TfFunction> m) {
    m.put("base64encode", define("base64encode", 1, 1, (a, at, f) -> {
      byte[] bytes = str(a.get(0), "the string").getBytes(StandardCharsets.UTF_8);
      Budget.characters((bytes.length + 2L) / 3 * 4);
      return mkStr(Base64.getEncoder().encodeToString(bytes), at);
    }));
    m.put("base64decode", define("base64decode", 1, 1, (a, at, f) -> {
      String s = str(a.get(0), "the string").replace("\r", "").replace("\n", "");
      byte[] bytes;
      try {
        if (s.length() % 4 != 0) throw new IllegalArgumentException("length");
        bytes = Base64.getDecoder().decode(s);
      } catch (IllegalArgumentException e) {
        throw new FnError("failed to decode base64 data \"" + s + "\"");
      }
      try {
        return mkStr(StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString(), at);
      } catch (CharacterCodingException e) {
        throw new FnError("the result of decoding the provided string is not valid UTF-8");
      }
    }));
    hash(m, "md5", "MD5", false);
    hash(m, "sha1", "SHA-1", false);
    hash(m, "sha256", "SHA-256", false);
    hash(m, "sha512", "SHA-512", false);
    hash(m, "base64sha256", "SHA-256", true);
    hash(m, "base64sha512", "SHA-512", true);
    m.put("urlencode", define("urlencode", 1, 1, (a, at, f) -> mkStr(queryEscape(str(a.get(0), "the string")), at)));
    m.put("uuidv5", define("uuidv5", 2, 2, (a, at, f) ->
        mkStr(uuidV5(str(a.get(0), "the namespace"), str(a.get(1), "the name")), at)));
    perRun(m, "uuid", 0, 0, "uuid() gives a different value on every run");
    perRun(m, "timestamp", 0, 0, "timestamp() is the time of the run");
    perRun(m, "plantimestamp", 0, 0, "plantimestamp() is the time of the plan");
    perRun(m, "bcrypt", 1, 2, "bcrypt() uses a random salt on every run");
  }

  private static void hash(Map<String, TfFunction> m, String name, String algorithm, boolean base64) {
    m.put(name, define(name, 1, 1, (a, at, f) -> {
      byte[] digest = digest(algorithm, str(a.get(0), "the string"));
      return mkStr(base64 ? Base64.getEncoder().encodeToString(digest) : HexFormat.of().formatHex(digest), at);
    }));
  }

  private static byte[] digest(String algorithm, String s) {
    try {
      return MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new FnError("the " + algorithm + " algorithm is not available");
    }
  }

  private static void perRun(Map<String, TfFunction> m, String name, int min, int max, String reason) {
    m.put(name, define(name, min, max, (a, at, f) -> deployTime(reason, at)));
  }

  static Value deployTime(String reason, Location at) {
    return new Value.Unknown(Value.Cause.DEPLOY_TIME, reason, Optional.empty(), Optional.empty(), at, Provenance.LITERAL);
  }

  /** Go's url.QueryEscape. */
  static String queryEscape(String s) {
    StringBuilder sb = new StringBuilder();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    // At most three characters a byte.
    Budget.characters(3L * bytes.length);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
          || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }

  /** A name-based (SHA-1) UUID, RFC 4122 version 5. */
  static String uuidV5(String namespace, String name) {
    String ns;
    switch (namespace) {
      case "dns": ns = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"; break;
      case "url": ns = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"; break;
      case "oid": ns = "6ba7b812-9dad-11d1-80b4-00c04fd430c8"; break;
      case "x500": ns = "6ba7b814-9dad-11d1-80b4-00c04fd430c8"; break;
      default: ns = namespace;
    }
    byte[] nsBytes;
    try {
      String hex = ns.replace("-", "");
      if (hex.startsWith("urn:uuid:")) hex = hex.substring(9);
      if (hex.length() != 32) throw new IllegalArgumentException();
      nsBytes = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new FnError("uuidv5() doesn't support namespace \"" + namespace + "\"");
    }
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new FnError("SHA-1 is not available");
    }
    sha1.update(nsBytes);
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0F) | 0x50);
    h[8] = (byte) ((h[8] & 0x3F) | 0x80);
    String x = HexFormat.of().formatHex(h, 0, 16);
    return x.substring(0, 8) + "-" + x.substring(8, 12) + "-" + x.substring(12, 16) + "-" + x.substring(16, 20) + "-"
        + x.substring(20);
  }
}
