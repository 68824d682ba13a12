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
      if (crcOf(crc, view, data.position(), data.position() + whole * CHUNK) != combined(sums, whole)) {
        return firstBadChunk(crc, view, data.position(), data.position() + whole * CHUNK, sums);
      }
    }
    int tail = data.position() + whole * CHUNK;
    return tail < data.limit() && crcOf(crc, view, tail, data.limit()) != sums.getInt(sums.position() + whole * SUM) ? whole : -1;
  }

  /**
   * The CRC32C of {@code whole} whole chunks from the stored CRCs at {@code sums}' position: four
   * Horner chains, each over every fourth chunk, merged, then the last {@code whole % 4} chunks one
   * by one. One chain waits on each table lookup before the next (a fifth of a check's time at 1 MB
   * reads, perf); four independent ones overlap.
   */
  static int combined(ByteBuffer sums, int whole) {
    int base = sums.position();
    int quads = whole / 4 * 4;
    int result = 0;
    if (quads > 0) {
      int c0 = sums.getInt(base);
      int c1 = sums.getInt(base + SUM);
      int c2 = sums.getInt(base + 2 * SUM);
      int c3 = sums.getInt(base + 3 * SUM);
      for (int at = base + 4 * SUM; at < base + quads * SUM; at += 4 * SUM) {
        c0 = CrcShift.FOUR_CHUNKS.apply(c0) ^ sums.getInt(at);
        c1 = CrcShift.FOUR_CHUNKS.apply(c1) ^ sums.getInt(at + SUM);
        c2 = CrcShift.FOUR_CHUNKS.apply(c2) ^ sums.getInt(at + 2 * SUM);
        c3 = CrcShift.FOUR_CHUNKS.apply(c3) ^ sums.getInt(at + 3 * SUM);
      }
      result = CrcShift.THREE_CHUNKS.apply(c0) ^ CrcShift.TWO_CHUNKS.apply(c1) ^ CrcShift.CHUNK_SHIFT.apply(c2) ^ c3;
    }
    for (int c = quads; c < whole; c++) {
      result = CrcShift.CHUNK_SHIFT.apply(result) ^ sums.getInt(base + c * SUM);
    }
    return result;
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
