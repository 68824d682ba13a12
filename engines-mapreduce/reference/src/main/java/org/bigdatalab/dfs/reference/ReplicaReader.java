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
   * The {@code n} bytes from {@code position}: a view of the stored bytes where the store hands them
   * out without a copy (position 0, limit n, valid until this reader closes, not to be written), else
   * {@code scratch} (at least n bytes) cleared, filled with them and flipped. A reader and its
   * {@link ReadHelper} may ask for views of disjoint ranges at once, each with its own scratch.
   */
  default ByteBuffer view(long position, int n, ByteBuffer scratch) throws IOException {
    scratch.clear().limit(n);
    readData(position, scratch);
    return scratch.flip();
  }

  /**
   * Copies the {@code n} bytes from {@code position} into {@code out} from {@code off}: out of the
   * {@link #view} by default; a store may read them through {@code scratch} (a direct buffer of at
   * least n bytes) instead. A reader and its {@link ReadHelper} call this at once, for disjoint
   * ranges, each with its own scratch.
   */
  default void copyTo(long position, byte[] out, int off, int n, ByteBuffer scratch) throws IOException {
    view(position, n, scratch).get(0, out, off, n);
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
