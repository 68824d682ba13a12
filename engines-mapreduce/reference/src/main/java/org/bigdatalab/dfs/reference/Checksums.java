package org.bigdatalab.dfs.reference;

import java.util.zip.CRC32C;
import org.bigdatalab.dfs.ClusterSpec;

/**
 * Checksums as HDFS keeps them: one CRC32C per 512-byte chunk of a replica ({@code
 * dfs.bytes-per-checksum}), the last chunk possibly shorter. A reader recomputes them and compares,
 * so one flipped byte in a replica is caught before it reaches the user.
 */
final class Checksums {
  static final int CHUNK = ClusterSpec.BYTES_PER_CHECKSUM;

  private Checksums() {}

  static int[] of(byte[] data, int length) {
    int chunks = (length + CHUNK - 1) / CHUNK;
    int[] sums = new int[chunks];
    CRC32C crc = new CRC32C();
    for (int c = 0; c < chunks; c++) {
      crc.reset();
      int start = c * CHUNK;
      crc.update(data, start, Math.min(CHUNK, length - start));
      sums[c] = (int) crc.getValue();
    }
    return sums;
  }

  /** The index of the first chunk whose checksum does not match, or -1 when all match. */
  static int firstBadChunk(byte[] data, int[] sums) {
    int[] actual = of(data, data.length);
    if (actual.length != sums.length) {
      return Math.min(actual.length, sums.length);
    }
    for (int c = 0; c < sums.length; c++) {
      if (actual[c] != sums[c]) {
        return c;
      }
    }
    return -1;
  }
}
