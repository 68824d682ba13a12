package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Where a DataNode keeps its replicas: in memory ({@code dfs-memory}) or as block files with
 * checksum files in a directory ({@code dfs-local}). It stores what it is given and hands back what
 * it holds, checksums included; checking them is the reader's job, as in HDFS.
 */
interface BlockStore {

  void put(Replica replica) throws IOException;

  Optional<Replica> get(long blockId) throws IOException;

  void delete(long blockId) throws IOException;

  /** The ids of every block held (a DataNode's block report). */
  Set<Long> blockIds() throws IOException;

  /** Flips one byte of the replica's data, leaving its checksums as they were. */
  void corrupt(long blockId, int offset) throws IOException;

  /** Bytes of replica data held. */
  long used() throws IOException;
}
