package org.bigdatalab.dfs;

import static org.bigdatalab.spi.Clause.Level.OPTIONAL;
import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * The HDFS-semantics clauses, in the order the guide teaches them: blocks, replicas and where they
 * go, then what writers and readers may rely on, then the namespace, then faults. The ids are
 * constants so tests can name them in annotations; {@link #CATALOGUE} is the one place they are
 * described.
 *
 * <p>Note on the seed: its rack-awareness answer is right (first replica on the writer's node, the
 * second on another rack, the third on the second's rack, on another node); write-ups that put two
 * replicas on the writer's rack describe a different (older) policy and are not what HDFS does.
 */
public final class DfsClauses {
  private DfsClauses() {}

  public static final String BLOCKS_LAYOUT = "dfs.blocks.layout";
  public static final String REPLICATION_FACTOR = "dfs.replication.factor";
  public static final String PLACEMENT_FIRST_REPLICA_LOCAL = "dfs.placement.first-replica-local";
  public static final String PLACEMENT_SECOND_REPLICA_OFF_RACK = "dfs.placement.second-replica-off-rack";
  public static final String PLACEMENT_THIRD_REPLICA = "dfs.placement.third-replica-second-rack-other-node";
  public static final String PLACEMENT_RACK_LIMIT = "dfs.placement.rack-limit";
  public static final String WRITE_ONCE = "dfs.write-once";
  public static final String VISIBILITY = "dfs.visibility";
  public static final String APPEND = "dfs.append";
  public static final String NAMESPACE = "dfs.namespace";
  public static final String READ_ROUNDTRIP = "dfs.read.roundtrip";
  public static final String FAULT_DATANODE_LOSS = "dfs.fault.datanode-loss";
  public static final String FAULT_CORRUPT_REPLICA = "dfs.fault.corrupt-replica";
  public static final String FAULT_RESTART = "dfs.fault.restart";
  public static final String ERRORS = "dfs.errors";

  private static final String ARCH = "HDFS Architecture guide (hadoop.apache.org, 'Data Replication', 'Replica Placement')";
  private static final String POLICY = "Hadoop BlockPlacementPolicyDefault (chooseTarget, maxNodesPerRack)";
  private static final String FS_SPEC = "Hadoop FileSystem specification (filesystem.html)";
  private static final String OUT_SPEC = "Hadoop output stream specification (outputstream.html: Syncable.hflush, visibility)";
  private static final String SEED = "seed: Hadoop Ecosystem > HDFS; interview question 'Explain HDFS rack awareness'";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.DFS,
      new Clause(BLOCKS_LAYOUT, Topic.DFS, REQUIRED,
          "A closed file of n bytes has ceil(n / blockSize) blocks at consecutive offsets, all of blockSize bytes but the last.",
          ARCH + "; " + SEED + " (block-based storage)",
          "how the writer cuts blocks: an empty last block, or a block cut at a write() call instead of at blockSize"),
      new Clause(REPLICATION_FACTOR, Topic.DFS, REQUIRED,
          "With at least r live DataNodes, every block has exactly r replicas on r distinct DataNodes; never two on one node.",
          ARCH + " ('Data Replication')",
          "the target choice: a node picked twice, or a pipeline shorter than r"),
      new Clause(PLACEMENT_FIRST_REPLICA_LOCAL, Topic.DFS, REQUIRED,
          "When the writer runs on a live DataNode with space, the first replica of every block is on that node.",
          POLICY + "; " + SEED,
          "whether the placement policy knows the writer's node (the client's location)"),
      new Clause(PLACEMENT_SECOND_REPLICA_OFF_RACK, Topic.DFS, REQUIRED,
          "With two or more racks, the second replica of a block is on a different rack from the first.",
          POLICY + "; " + ARCH + "; " + SEED,
          "a placement policy that ignores the rack topology, or a topology not read from configuration"),
      new Clause(PLACEMENT_THIRD_REPLICA, Topic.DFS, REQUIRED,
          "When the second replica's rack has another live node with space, the third replica is on that rack, on a node other than the second's.",
          POLICY + "; " + SEED + " (the seed's answer is right here)",
          "the third target chosen on the writer's rack (two replicas on the local rack) or at random"),
      new Clause(PLACEMENT_RACK_LIMIT, Topic.DFS, REQUIRED,
          "No rack holds more than (r - 1) / racks + 2 replicas of a block (integer division), when the cluster allows it.",
          POLICY + " (maxNodesPerRack)",
          "the per-rack limit in the placement policy, especially for replication above 3"),
      new Clause(WRITE_ONCE, Topic.DFS, REQUIRED,
          "Creating an existing file fails unless overwrite is asked; closed bytes never change except by append;"
              + " a file has one writer at a time: create without overwrite, or append, of a file open for writing is refused."
              + " (Not promised: create with overwrite of an open file replaces it in HDFS, and its first writer then fails.)",
          FS_SPEC + " (create, lease); " + SEED + " (write-once, read-many)",
          "the existence check in create, and the lease kept for a file open for writing"),
      new Clause(VISIBILITY, Topic.DFS, REQUIRED,
          "After hflush, a newly opened reader sees at least every byte written before the hflush, and only bytes written, in order;"
              + " after close, it sees exactly the file. Nothing is promised for bytes written but not flushed.",
          OUT_SPEC,
          "hflush that only buffers, or a reader that reads past the acknowledged length"),
      new Clause(APPEND, Topic.DFS, REQUIRED,
          "Append adds bytes after the old ones, which stay unchanged; the result reads as old + new and is laid out as one file of that length.",
          FS_SPEC + " (append); HDFS append design (HDFS-265)",
          "append that starts a fresh file, or a last partial block overwritten instead of extended"),
      new Clause(NAMESPACE, Topic.DFS, REQUIRED,
          "mkdirs, rename, delete, listStatus and getFileStatus behave as Hadoop's FileSystem spec says: rename is atomic and refused"
              + " onto an existing file (false or an error, as the store declares), delete of a non-empty directory needs recursive,"
              + " and any sequence of operations gives the namespace model's answers.",
          FS_SPEC + " (mkdirs, rename, delete, listStatus, getFileStatus)",
          "the operation named in the failure; rerun with the printed seed and the printed operation list"),
      new Clause(READ_ROUNDTRIP, Topic.DFS, REQUIRED,
          "Bytes read equal bytes written, whole or from any seek position, for sizes at and around block boundaries; seeking past the end fails.",
          FS_SPEC + " (FSDataInputStream: seek, read)",
          "the reader crossing from one block to the next, or seek inside a block"),
      new Clause(FAULT_DATANODE_LOSS, Topic.DFS, REQUIRED,
          "With replication r, stopping any r - 1 DataNodes loses no readable byte, and a replication check restores r replicas on live nodes.",
          ARCH + " ('Data Disk Failure, Heartbeats and Re-Replication')",
          "a reader that gives up on the first dead replica, or a replication check that ignores dead nodes"),
      new Clause(FAULT_CORRUPT_REPLICA, Topic.DFS, REQUIRED,
          "A flipped byte in one replica is caught by its checksum; the read is served from a healthy replica;"
              + " a replication check replaces the corrupt replica with a healthy one on another node.",
          ARCH + " ('Data Integrity'); HDFS checksums (CRC32C per 512 bytes, dfs.bytes-per-checksum)",
          "a reader that skips checksum verification, or corrupt replicas still counted as live"),
      new Clause(FAULT_RESTART, Topic.DFS, OPTIONAL,
          "After a NameNode restart, the whole namespace (directories, files, their bytes) is as it was before, for stores that persist.",
          ARCH + " ('The Persistence of File System Metadata': EditLog and FsImage)",
          "an operation missing from the edit log, or a checkpoint written without its edits"),
      new Clause(ERRORS, Topic.DFS, REQUIRED,
          "Writing with no live DataNodes, writing more than the cluster can hold, reading a missing path and using a path outside"
              + " the namespace rules each fail with a DfsException naming the problem and the path.",
          FS_SPEC + "; this project's error rule (say what is wrong, and where)",
          "an exception that is not a DfsException, or one with the wrong problem; the failure prints the message"));
}
