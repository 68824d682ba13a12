package org.bigdatalab.mapreduce.reference;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;

/**
 * Reads the lines of one {@link InputSplit} the way Hadoop's LineRecordReader does: a split that
 * does not start at 0 skips through the first line break (that line belongs to the previous
 * split), and every split reads on past its end to finish the line that starts at or before it.
 * Lines end at {@code '\n'}; a trailing {@code '\r'} is dropped; offsets are byte offsets.
 */
public class SplitLineReader implements AutoCloseable {
  private final InputStream in;
  private final long end;
  private long position;
  private long offset;
  private byte[] buffer = new byte[256];

  public SplitLineReader(InputSplit split) throws IOException {
    FileChannel channel = FileChannel.open(split.file(), StandardOpenOption.READ);
    channel.position(split.start());
    this.in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    this.end = split.end();
    this.position = split.start();
    if (split.start() != 0) {
      int b;
      while ((b = in.read()) >= 0) {
        position++;
        if (b == '\n') {
          break;
        }
      }
    }
  }

  /** The next line of the split, or null; {@link #offset()} is then its byte offset. */
  public String next() throws IOException {
    if (position > end) {
      return null;
    }
    offset = position;
    int length = 0;
    int b;
    boolean any = false;
    while ((b = in.read()) >= 0) {
      any = true;
      position++;
      if (b == '\n') {
        break;
      }
      if (length == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, length * 2);
      }
      buffer[length++] = (byte) b;
    }
    if (!any) {
      return null;
    }
    if (length > 0 && buffer[length - 1] == '\r') {
      length--;
    }
    return new String(buffer, 0, length, StandardCharsets.UTF_8);
  }

  public long offset() {
    return offset;
  }

  /** The 1-based line number of a byte offset: counted only when an error needs it. */
  public static long lineNumberAt(java.nio.file.Path file, long offset) throws IOException {
    long line = 1;
    try (InputStream s = new BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
      for (long i = 0; i < offset; i++) {
        if (s.read() == '\n') {
          line++;
        }
      }
    }
    return line;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
