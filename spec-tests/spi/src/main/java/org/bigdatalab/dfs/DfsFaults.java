package org.bigdatalab.dfs;

import java.io.IOException;

/**
 * The faults a test may inject, and the explicit maintenance steps that repair them. Nothing here
 * waits on a clock: where HDFS would act after a heartbeat timeout or on its replication monitor's
 * next pass, a test calls {@link #runReplicationCheck()}.
 */
public interface DfsFaults {

  /** Stops a DataNode; the NameNode treats it as dead at once (as after the heartbeat timeout). */
  void stopDataNode(String node) throws IOException;

  /** Starts a stopped DataNode again; it reports the replicas it still holds. */
  void startDataNode(String node) throws IOException;

  /** Flips one byte of the replica of block {@code blockIndex} of {@code file} held by {@code node}. */
  void corruptReplica(DfsPath file, int blockIndex, String node) throws IOException;

  /**
   * One pass of the replication monitor: drops replicas known to be corrupt, copies
   * under-replicated blocks from a healthy replica to new targets chosen by the placement policy,
   * and removes excess replicas.
   */
  void runReplicationCheck() throws IOException;

  /**
   * Restarts the NameNode: it forgets its memory and recovers the namespace from what it
   * persisted. Stores that persist nothing throw UnsupportedOperationException and declare
   * {@link DfsClauses#FAULT_RESTART} unsupported.
   */
  void restartNameNode() throws IOException;
}
