package org.bigdatalab.dfs.reference;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.bigdatalab.dfs.ClusterSpec;

/**
 * Checksums as HDFS keeps them: one CRC32C per 512-byte chunk of a replica ({@code
 * dfs.bytes-per-checksum}), the last chunk possibly shorter, stored as big-endian ints. The writer
 * computes them once and every replica stores the same ones; a reader recomputes them over what it
 * read and compares, so one flipped byte in a replica is caught before it reaches the user.
 *
 * <p>Both directions work on whole buffers of chunks (a packet on the way in, a read piece on the
 * way out), with {@link CRC32C}'s intrinsic over each chunk in place: no per-byte work, no copy.
 */
final class Checksums {
  static final int CHUNK = ClusterSpec.BYTES_PER_CHECKSUM;
  /** Bytes of one stored checksum. */
  static final int SUM = Integer.BYTES;

  private Checksums() {}

  /** Chunks that hold {@code bytes} bytes. */
  static int chunks(long bytes) {
    return Math.toIntExact((bytes + CHUNK - 1) / CHUNK);
  }

  /** The largest chunk boundary at or before {@code position}. */
  static long chunkFloor(long position) {
    return position - position % CHUNK;
  }

  /**
   * Appends to {@code sums} one checksum per chunk of {@code data}'s remaining bytes (the first chunk
   * starting at its position). Neither buffer's position moves except {@code sums}', past what was put.
   */
  static void compute(ByteBuffer data, ByteBuffer sums) {
    CRC32C crc = new CRC32C();
    ByteBuffer view = data.duplicate();
    for (int at = data.position(); at < data.limit(); at += CHUNK) {
      sums.putInt(crcOf(crc, view, at, Math.min(at + CHUNK, data.limit())));
    }
  }

  /**
   * The index (0 for the chunk at {@code data}'s position) of the first chunk of {@code data}'s
   * remaining bytes whose CRC32C differs from the one at the same index in {@code sums} (read from its
   * position), or -1 when all match. Neither buffer's position moves.
   *
   * <p>The whole chunks are checked together: one CRC32C over all of them (the intrinsic runs about
   * twice as fast on one long buffer as on many 512-byte ones) against the stored per-chunk CRCs
   * combined into the CRC of their concatenation, since CRC(a + b) = CRC(a) * x^(8|b|) + CRC(b)
   * (mod the polynomial). Only when that fails are the chunks checked one by one to find the bad one.
   */
  static int firstBadChunk(ByteBuffer data, ByteBuffer sums) {
    CRC32C crc = new CRC32C();
    ByteBuffer view = data.duplicate();
    int whole = data.remaining() / CHUNK;
    if (whole > 0) {
      int combined = sums.getInt(sums.position());
      for (int c = 1; c < whole; c++) {
        combined = CrcShift.CHUNK_SHIFT.apply(combined) ^ sums.getInt(sums.position() + c * SUM);
      }
      if (crcOf(crc, view, data.position(), data.position() + whole * CHUNK) != combined) {
        return firstBadChunk(crc, view, data.position(), data.position() + whole * CHUNK, sums);
      }
    }
    int tail = data.position() + whole * CHUNK;
    return tail < data.limit() && crcOf(crc, view, tail, data.limit()) != sums.getInt(sums.position() + whole * SUM) ? whole : -1;
  }

  /** Chunk by chunk: the index of the first chunk in [from, to) whose CRC differs from its stored one, or -1. */
  private static int firstBadChunk(CRC32C crc, ByteBuffer view, int from, int to, ByteBuffer sums) {
    int index = 0;
    for (int at = from; at < to; at += CHUNK, index++) {
      if (crcOf(crc, view, at, Math.min(at + CHUNK, to)) != sums.getInt(sums.position() + index * SUM)) {
        return index;
      }
    }
    return -1;
  }

  /** The CRC32C of {@code view}'s bytes [from, to), computed in place (the view's bounds move). */
  private static int crcOf(CRC32C crc, ByteBuffer view, int from, int to) {
    crc.reset();
    view.limit(to).position(from);
    crc.update(view);
    return (int) crc.getValue();
  }
}
