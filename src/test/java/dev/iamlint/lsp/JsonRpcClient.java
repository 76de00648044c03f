package dev.iamlint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A language client as small as the protocol allows: it frames JSON-RPC messages with their
 * {@code Content-Length} header on one stream and reads the server's from the other on a thread
 * of its own, so a test can wait for a response or a notification (or see that none came).
 */
final class JsonRpcClient implements AutoCloseable {
  private final OutputStream toServer;
  private final List<JsonObject> received = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Thread reader;
  private volatile boolean ended;

  JsonRpcClient(InputStream fromServer, OutputStream toServer) {
    this.toServer = toServer;
    this.reader = new Thread(() -> read(fromServer), "test-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends a request; its id. */
  int request(String method, JsonElement params) {
    int id = ids.incrementAndGet();
    JsonObject m = message(method, params);
    m.addProperty("id", id);
    send(m.toString());
    return id;
  }

  void notify(String method, JsonElement params) {
    send(message(method, params).toString());
  }

  /** Sends {@code body} framed as a message, whatever it holds. */
  void send(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    sendBytes(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), bytes);
  }

  /** Sends raw bytes, framing and all. */
  synchronized void sendBytes(byte[]... parts) {
    try {
      for (byte[] p : parts) toServer.write(p);
      toServer.flush();
    } catch (IOException e) {
      throw new IllegalStateException("the server closed its input", e);
    }
  }

  /** The response to request {@code id}. */
  JsonObject response(int id, Duration within) {
    return await(m -> m.has("id") && !m.has("method") && m.get("id").getAsInt() == id, within)
        .orElseThrow(() -> new AssertionError("no response to request " + id + " within " + within + "; received " + received));
  }

  /** The first notification of {@code method} that {@code matches}, taken from what was received. */
  Optional<JsonObject> notification(String method, Predicate<JsonObject> matches, Duration within) {
    return await(m -> method.equals(m.has("method") ? m.get("method").getAsString() : null) && !m.has("id")
        && matches.test(m.getAsJsonObject("params")), within).map(m -> m.getAsJsonObject("params"));
  }

  /** Every message received and not taken yet. */
  synchronized List<JsonObject> pending() {
    return List.copyOf(received);
  }

  private synchronized Optional<JsonObject> await(Predicate<JsonObject> wanted, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      for (Iterator<JsonObject> it = received.iterator(); it.hasNext(); ) {
        JsonObject m = it.next();
        if (wanted.test(m)) {
          it.remove();
          return Optional.of(m);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || ended) return Optional.empty();
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  boolean ended() {
    return ended;
  }

  private static JsonObject message(String method, JsonElement params) {
    JsonObject m = new JsonObject();
    m.addProperty("jsonrpc", "2.0");
    m.addProperty("method", method);
    if (params != null) m.add("params", params);
    return m;
  }

  private void read(InputStream in) {
    try {
      while (true) {
        int length = -1;
        String header;
        while (!(header = line(in)).isEmpty()) {
          if (header.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(header.substring(15).trim());
        }
        if (length < 0) throw new IOException("a message without Content-Length");
        byte[] body = in.readNBytes(length);
        if (body.length < length) break;
        JsonObject m = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        synchronized (this) {
          received.add(m);
          notifyAll();
        }
      }
    } catch (IOException | RuntimeException e) {
      // The stream ended: the server is gone.
    } finally {
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') b.write(c);
    }
    if (c == -1 && b.size() == 0) throw new IOException("end of stream");
    return b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    toServer.close();
  }
}
