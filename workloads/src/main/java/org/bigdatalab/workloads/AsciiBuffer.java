package org.bigdatalab.workloads;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A byte buffer in front of an {@link OutputStream} that writes ASCII text without creating
 * strings: the generators write 100+ MB/s only because lines never become {@code String}s.
 */
final class AsciiBuffer {
  static final int CAPACITY = 1 << 16;

  private final OutputStream out;
  private final byte[] buf = new byte[CAPACITY];
  private int pos;
  private long flushed;

  AsciiBuffer(OutputStream out) {
    this.out = out;
  }

  /** Bytes written so far, buffered ones included. */
  long written() {
    return flushed + pos;
  }

  /** Makes room for {@code n} more bytes ({@code n} at most the capacity). */
  void reserve(int n) throws IOException {
    if (pos + n > buf.length) {
      drain();
    }
  }

  /** The backing array, for callers that {@link #reserve} and then fill it in place. */
  byte[] array() {
    return buf;
  }

  int position() {
    return pos;
  }

  void advance(int n) {
    pos += n;
  }

  void put(byte b) throws IOException {
    reserve(1);
    buf[pos++] = b;
  }

  void put(byte[] bytes) throws IOException {
    reserve(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  /** Writes an ASCII string (every char must be below 128). */
  void putAscii(String s) throws IOException {
    reserve(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
  }

  /** Writes {@code v} in decimal, as {@link Long#toString(long)} would. */
  void putLong(long v) throws IOException {
    reserve(20);
    if (v == Long.MIN_VALUE) {
      putAscii(Long.toString(v));
      return;
    }
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int end = pos + digits(v);
    int i = end;
    do {
      buf[--i] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    } while (v != 0);
    pos = end;
  }

  /** Writes {@code v >= 0} in decimal, left-padded with zeros to at least {@code width} digits. */
  void putPadded(long v, int width) throws IOException {
    int len = Math.max(width, digits(v));
    reserve(len);
    for (int i = pos + len - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    }
    pos += len;
  }

  /** Writes buffered bytes and flushes the stream. */
  void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    out.write(buf, 0, pos);
    flushed += pos;
    pos = 0;
  }

  private static int digits(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }
}
