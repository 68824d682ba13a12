package org.bigdatalab.workloads;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending in {@code \n} or {@code \r\n} and decodes each line as
 * UTF-8 on its own. Why not a {@code BufferedReader}: its decoder reads ahead, so a bad byte is
 * reported before the lines in front of it and with no line number; here it belongs to its line,
 * which can then be reported or skipped like any other bad line.
 */
final class Utf8Lines implements Closeable {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private int len;
  private boolean malformed;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  Utf8Lines(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or null at the end. */
  String readLine() throws IOException {
    len = 0;
    if (pos == limit && !fill()) {
      return null;
    }
    while (true) {
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      append(start, pos - start);
      if (pos < limit) {
        pos++; // the '\n'
        break;
      }
      if (!fill()) {
        break; // last line, no terminator
      }
    }
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    return decode();
  }

  /** Whether the line last returned was not valid UTF-8 (it was decoded with U+FFFD then). */
  boolean malformed() {
    return malformed;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    int n = in.read(buf);
    pos = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  private void append(int from, int n) {
    if (len + n > line.length) {
      line = Arrays.copyOf(line, Math.max(2 * line.length, len + n));
    }
    System.arraycopy(buf, from, line, len, n);
    len += n;
  }

  private String decode() {
    malformed = false;
    boolean ascii = true;
    for (int i = 0; i < len && ascii; i++) {
      ascii = line[i] >= 0;
    }
    if (ascii) {
      return new String(line, 0, len, StandardCharsets.ISO_8859_1); // fast path, same chars
    }
    try {
      return decoder.decode(ByteBuffer.wrap(line, 0, len)).toString();
    } catch (CharacterCodingException e) {
      malformed = true;
      return new String(line, 0, len, StandardCharsets.UTF_8);
    }
  }
}
