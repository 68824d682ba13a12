package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A whole replica read a piece at a time and checked against its checksums: the DataNode's block
 * scanner ({@link #healthy}) and the copy re-replication makes ({@link #copy}), which, as in HDFS,
 * sends the bytes with their stored checksums and stops at the first chunk that fails them.
 */
final class ReplicaTransfer {
  private static final int PIECE = 1 << 20;

  private ReplicaTransfer() {}

  /** Whether the node holds a replica of the block that matches its checksums. */
  static boolean healthy(BlockStore store, long blockId) throws IOException {
    return copy(store, blockId, null);
  }

  /**
   * Copies the replica of a block from one store to another ({@code to} null: only checks it);
   * returns false, leaving {@code to} as it was, when the source is missing, unreadable or corrupt.
   */
  static boolean copy(BlockStore from, long blockId, BlockStore to) throws IOException {
    Optional<ReplicaReader> source = from.open(blockId);
    if (source.isEmpty()) {
      return false;
    }
    ReplicaWriter target = to == null ? null : to.write(blockId, 0);
    try (ReplicaReader r = source.get()) {
      int size = (int) Math.min(PIECE, Checksums.chunks(r.length()) * (long) Checksums.CHUNK);
      ByteBuffer data = ByteBuffer.allocate(Math.max(size, Checksums.CHUNK));
      ByteBuffer sums = ByteBuffer.allocate(data.capacity() / Checksums.CHUNK * Checksums.SUM);
      for (long at = 0; at < r.length(); at += data.limit()) {
        r.readPiece(at, (int) Math.min(data.capacity(), r.length() - at), data, sums);
        if (Checksums.firstBadChunk(data, sums) >= 0) {
          abort(target);
          return false;
        }
        if (target != null) {
          target.append(data, sums);
        }
      }
    } catch (IOException e) {
      abort(target);
      return false;
    }
    if (target != null) {
      target.publish();
    }
    return true;
  }

  private static void abort(ReplicaWriter target) {
    if (target != null) {
      target.abort();
    }
  }
}
