package org.bigdatalab.mapreduce.reference;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of one {@link InputSplit} the way Hadoop's LineRecordReader does: a split that
 * does not start at 0 skips through the first line break (that line belongs to the previous
 * split), and every split reads on past its end to finish the line that starts at or before it.
 * Lines end at {@code '\n'}; a trailing {@code '\r'} is dropped; offsets are byte offsets. The
 * file is read sequentially from the split's start, locally or through the DFS SPI
 * ({@link SplitFile}), so a line that crosses a block boundary is read whole by the split it
 * starts in.
 */
public class SplitLineReader implements AutoCloseable {
  private final ReadableByteChannel channel;
  private final long end;
  private long position;
  private long offset;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkLen;
  private byte[] buffer = new byte[256];
  // The line nextLine() found: lineLength bytes of lineBytes from lineFrom (the chunk, or buffer).
  private byte[] lineBytes;
  private int lineFrom;
  private int lineLength;

  public SplitLineReader(InputSplit split) throws IOException {
    this.channel = split.file().openAt(split.start());
    this.end = split.end();
    this.position = split.start();
    if (split.start() != 0) {
      while (chunkPos < chunkLen || fill()) {
        int i = indexOfNewline();
        position += (i < 0 ? chunkLen : i + 1) - chunkPos;
        chunkPos = i < 0 ? chunkLen : i + 1;
        if (i >= 0) {
          break;
        }
      }
    }
  }

  /** The next line of the split, or null; {@link #offset()} is then its byte offset. */
  public String next() throws IOException {
    return nextLine() ? new String(lineBytes, lineFrom, lineLength, StandardCharsets.UTF_8) : null;
  }

  /**
   * Moves to the next line of the split without decoding it: false at the end; else
   * {@link #lineBytes()}, {@link #lineFrom()} and {@link #lineLength()} hold its UTF-8 bytes
   * (until the next call) and {@link #offset()} its byte offset.
   */
  public boolean nextLine() throws IOException {
    if (position > end) {
      return false;
    }
    offset = position;
    int length = 0;
    boolean any = false;
    while (chunkPos < chunkLen || fill()) {
      any = true;
      int i = indexOfNewline();
      int stop = i < 0 ? chunkLen : i;
      if (i >= 0 && length == 0) {
        // the whole line lies in the chunk: decode it from there (the common case)
        int from = chunkPos;
        int n = i - from;
        position += n + 1;
        chunkPos = i + 1;
        if (n > 0 && chunk[i - 1] == '\r') {
          n--;
        }
        return line(chunk, from, n);
      }
      int n = stop - chunkPos;
      if (length + n > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(length + n, buffer.length * 2));
      }
      System.arraycopy(chunk, chunkPos, buffer, length, n);
      length += n;
      position += n;
      chunkPos = stop;
      if (i >= 0) {
        position++;
        chunkPos++;
        break;
      }
    }
    if (!any) {
      return false;
    }
    if (length > 0 && buffer[length - 1] == '\r') {
      length--;
    }
    return line(buffer, 0, length);
  }

  private boolean line(byte[] bytes, int from, int length) {
    lineBytes = bytes;
    lineFrom = from;
    lineLength = length;
    return true;
  }

  public byte[] lineBytes() {
    return lineBytes;
  }

  public int lineFrom() {
    return lineFrom;
  }

  public int lineLength() {
    return lineLength;
  }

  /** The index of the next {@code '\n'} in the chunk from {@code chunkPos}, or -1. */
  private int indexOfNewline() {
    byte[] c = chunk;
    for (int i = chunkPos, n = chunkLen; i < n; i++) {
      if (c[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Reads the next chunk of the file (sequentially, past the split's end if need be); false at the end of the file. */
  private boolean fill() throws IOException {
    chunkPos = 0;
    chunkLen = 0;
    int read;
    do {
      read = channel.read(ByteBuffer.wrap(chunk));
    } while (read == 0);
    if (read < 0) {
      return false;
    }
    chunkLen = read;
    return true;
  }

  public long offset() {
    return offset;
  }

  /** The 1-based line number of a byte offset: counted only when an error needs it. */
  public static long lineNumberAt(SplitFile file, long offset) throws IOException {
    long line = 1;
    try (InputStream s = new BufferedInputStream(Channels.newInputStream(file.openAt(0)), 1 << 16)) {
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
    channel.close();
  }
}
