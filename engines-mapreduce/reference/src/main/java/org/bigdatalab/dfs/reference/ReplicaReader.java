package org.bigdatalab.dfs.reference;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** One published replica open for reading, bytes and checksums as stored (unchecked). */
interface ReplicaReader extends Closeable {

  long length();

  /** Fills {@code dst}'s remaining bytes with the replica's bytes from {@code position}. */
  void readData(long position, ByteBuffer dst) throws IOException;

  /**
   * The {@code n} bytes from {@code position} as a buffer of its own (position 0, limit n), valid
   * until this reader closes and not to be written: the stored bytes themselves where the store can
   * hand them out without a copy, else a copy.
   */
  default ByteBuffer view(long position, int n) throws IOException {
    ByteBuffer copy = ByteBuffer.allocate(n);
    readData(position, copy);
    return copy.flip();
  }

  /** Fills {@code dst}'s remaining bytes with stored checksums, the first for chunk {@code firstChunk}. */
  void readSums(int firstChunk, ByteBuffer dst) throws IOException;

  /**
   * Reads the {@code n} bytes from {@code from} (a chunk boundary) into {@code data} and their
   * checksums into {@code sums}, each cleared first and flipped after, ready for
   * {@link Checksums#firstBadChunk}.
   */
  default void readPiece(long from, int n, ByteBuffer data, ByteBuffer sums) throws IOException {
    data.clear().limit(n);
    readData(from, data);
    data.flip();
    sums.clear().limit(Checksums.chunks(n) * Checksums.SUM);
    readSums(Math.toIntExact(from / Checksums.CHUNK), sums);
    sums.flip();
  }
}
