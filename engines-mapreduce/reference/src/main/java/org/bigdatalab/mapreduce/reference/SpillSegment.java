package org.bigdatalab.mapreduce.reference;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.bigdatalab.spi.Codec;

/**
 * Reads the records of one partition of one {@link SpillFile}, in order, through its own buffer.
 * After {@link #next()} the current record's key and value bytes lie in {@link #buf} at
 * {@link #keyOff}/{@link #valueOff}; they stay valid until the next call. {@link #key} holds the
 * decoded key while the segment takes part in a {@link KWayMerge}.
 */
final class SpillSegment implements Closeable {
  /** Position among the runs being merged: ties between equal keys go to the lower index (stable merge). */
  final int index;
  private final FileChannel channel;
  private final boolean ownsChannel;
  private final long end;
  private long filePos;
  byte[] buf;
  private int pos;
  private int lim;
  int keyOff;
  int keyLen;
  int valueOff;
  int valueLen;
  Object key;
  private final SpillBytes.In in = new SpillBytes.In();

  /**
   * @param channel     the file, read with positional reads (so segments may share it)
   * @param ownsChannel whether {@link #close()} closes the channel
   * @param bufferBytes read buffer size; it grows if one record needs more
   */
  SpillSegment(int index, FileChannel channel, boolean ownsChannel, long start, long end, int bufferBytes) {
    this.index = index;
    this.channel = channel;
    this.ownsChannel = ownsChannel;
    this.filePos = start;
    this.end = end;
    this.buf = new byte[(int) Math.max(16, Math.min(bufferBytes, end - start))];
  }

  /** Moves to the next record; false at the end of the segment. */
  boolean next() throws IOException {
    long remaining = (lim - pos) + (end - filePos);
    if (remaining == 0) {
      return false;
    }
    ensure((int) Math.min(2 * SpillBytes.MAX_VARINT, remaining));
    int p = pos;
    int kl = 0;
    int shift = 0;
    byte b;
    do {
      b = buf[p++];
      kl |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    int vl = 0;
    shift = 0;
    do {
      b = buf[p++];
      vl |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    int header = p - pos;
    ensure(header + kl + vl);
    keyOff = pos + header;
    keyLen = kl;
    valueOff = keyOff + kl;
    valueLen = vl;
    pos = valueOff + vl;
    return true;
  }

  <K> K decodeKey(Codec<K> codec) throws IOException {
    return codec.read(in.reset(buf, keyOff, keyOff + keyLen));
  }

  <V> V decodeValue(Codec<V> codec) throws IOException {
    return codec.read(in.reset(buf, valueOff, valueOff + valueLen));
  }

  /** Makes at least {@code n} bytes from {@code pos} available in the buffer. */
  private void ensure(int n) throws IOException {
    if (lim - pos >= n) {
      return;
    }
    if (n > buf.length) {
      byte[] bigger = new byte[Math.max(n, buf.length * 2)];
      System.arraycopy(buf, pos, bigger, 0, lim - pos);
      buf = bigger;
    } else {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
    }
    lim -= pos;
    pos = 0;
    while (lim < n) {
      int want = (int) Math.min(buf.length - lim, end - filePos);
      int read = want <= 0 ? -1 : channel.read(ByteBuffer.wrap(buf, lim, want), filePos);
      if (read < 0) {
        throw new EOFException("spill segment ends early at byte " + filePos + " (wanted " + (n - lim) + " more)");
      }
      filePos += read;
      lim += read;
    }
  }

  @Override
  public void close() throws IOException {
    if (ownsChannel) {
      channel.close();
    }
  }
}
