package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;

/** One replica of a block being written on one DataNode; see {@link BlockStore#write}. */
interface ReplicaWriter {

  /**
   * Appends {@code data}'s remaining bytes and their checksums ({@code sums}' remaining bytes, one
   * int per chunk). Every append starts on a chunk boundary: all but the last before
   * {@link #publish()} hold whole chunks. Neither buffer's position moves.
   */
  void append(ByteBuffer data, ByteBuffer sums) throws IOException;

  /** Puts the replica in place, visible to {@link BlockStore#open} and block reports; the writer is done. */
  void publish() throws IOException;

  /** Drops what was written; the published replica, if any, stays as it was. */
  void abort();
}
