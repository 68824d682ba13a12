package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Where a DataNode keeps its replicas: in memory ({@code dfs-memory}) or as block files with
 * checksum files in a directory ({@code dfs-local}). It stores what it is given and hands back what
 * it holds, checksums included; checking them is the reader's job, as in HDFS.
 *
 * <p>Replicas stream both ways. A replica being written is private to its writer until
 * {@link ReplicaWriter#publish()} puts it in place whole (replacing the one it continues, if any);
 * a published replica never changes after that, except by {@link #corrupt}. So a reader that
 * opened one reads a fixed replica however long it takes.
 */
interface BlockStore {

  /**
   * Starts writing a replica of {@code blockId}: empty, or (to continue a block after hflush or for
   * an append) beginning with the first {@code keep} bytes of the published replica and their
   * checksums. {@code keep} is a multiple of {@link Checksums#CHUNK}.
   */
  ReplicaWriter write(long blockId, long keep) throws IOException;

  /** The published replica of a block, open for reading, or empty when this node holds none. */
  Optional<ReplicaReader> open(long blockId) throws IOException;

  /** The length of the published replica of a block, or -1 when this node holds none. */
  long length(long blockId) throws IOException;

  void delete(long blockId) throws IOException;

  /** The ids of every published block held (a DataNode's block report). */
  Set<Long> blockIds() throws IOException;

  /** Flips one byte of the replica's data, leaving its checksums as they were. */
  void corrupt(long blockId, int offset) throws IOException;

  /** Bytes of published replica data held. */
  long used() throws IOException;

  /** Lets go of whatever the store keeps open between reads; the cluster calls this when it closes. */
  default void close() throws IOException {}
}
