package dev.iamlint.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An in-memory pipe between a test and the language server it runs in-process. Unlike
 * {@link java.io.PipedInputStream}, which ends the stream ("Write end dead") when the last thread
 * that wrote to it has ended, it ends only when closed: the server writes from worker threads that
 * come and go (one ends on shutdown, before the shutdown response is written).
 */
final class MemoryPipe {
  private byte[] data = new byte[1 << 16];
  private int start;
  private int end;
  private boolean closed;

  /** What was written, in order; blocks until there is some, or the pipe is closed. */
  final InputStream in = new InputStream() {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) return 0;
      synchronized (MemoryPipe.this) {
        while (start == end && !closed) {
          try {
            MemoryPipe.this.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the pipe");
          }
        }
        if (start == end) return -1;
        int n = Math.min(len, end - start);
        System.arraycopy(data, start, b, off, n);
        start += n;
        return n;
      }
    }

    @Override
    public void close() {
      closePipe();
    }
  };

  /** Never blocks: the buffer grows as needed. */
  final OutputStream out = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      synchronized (MemoryPipe.this) {
        if (closed) throw new IOException("the pipe is closed");
        if (end + len > data.length) {
          System.arraycopy(data, start, data, 0, end - start);
          end -= start;
          start = 0;
          if (end + len > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, end + len));
        }
        System.arraycopy(b, off, data, end, len);
        end += len;
        MemoryPipe.this.notifyAll();
      }
    }

    @Override
    public void close() {
      closePipe();
    }
  };

  private synchronized void closePipe() {
    closed = true;
    notifyAll();
  }
}
