package org.bigdatalab.dfs.hadoop;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.hdfs.AddBlockFlag;
import org.apache.hadoop.hdfs.protocol.BlockStoragePolicy;
import org.apache.hadoop.hdfs.server.blockmanagement.BlockPlacementPolicyDefault;
import org.apache.hadoop.hdfs.server.blockmanagement.DatanodeDescriptor;
import org.apache.hadoop.hdfs.server.blockmanagement.DatanodeStorageInfo;
import org.apache.hadoop.net.Node;

/**
 * HDFS's own default placement policy ({@link BlockPlacementPolicyDefault}, every choice made by
 * its code), with two things added for a cluster whose DataNodes all run on 127.0.0.1:
 *
 * <ol>
 *   <li><b>Where the writer is.</b> The NameNode finds the writer's node by the client's IP
 *       address; in a MiniDFSCluster every DataNode has the client's address, so it would pick
 *       one of them at random. The store says which DataNode the writer runs on
 *       ({@link #writeFrom}, or null for a client off the cluster) and this policy hands that
 *       node to the default policy as the writer of new blocks.
 *   <li><b>The order of placement.</b> {@code getBlockLocations} sorts replicas by distance to the
 *       reader and forgets the pipeline order, which the placement clauses are about. This policy
 *       records, for each new block of each path, the targets in the order it chose them (first
 *       replica first; the pipeline it returns is sorted by distance from the writer instead).
 * </ol>
 *
 * <p>Calls for re-replication or pipeline recovery (they pass the replicas already chosen) go to
 * the default policy unchanged and are not recorded. Installed by {@code dfs.block.replicator.classname}.
 */
public class PipelineRecorder extends BlockPlacementPolicyDefault {

  /** The JDK's logger: this module compiles against Hadoop's shaded client, which keeps SLF4J to itself. */
  private static final System.Logger LOG = System.getLogger(PipelineRecorder.class.getName());

  private volatile Node writerNode;
  /** The list chooseTargetInOrder fills, in placement order, for the chooseTarget call running on this thread. */
  private final ThreadLocal<List<DatanodeStorageInfo>> placed = new ThreadLocal<>();
  private final Map<String, List<List<String>>> pipelines = new ConcurrentHashMap<>();

  /** The DataNode the next writes come from (the NameNode's record of it); null: a client off the cluster. */
  public void writeFrom(Node dataNode) { this.writerNode = dataNode; }

  /** The pipelines of new blocks of {@code path}, in allocation order, as DataNode transfer addresses. */
  public List<List<String>> pipelines(String path) {
    return List.copyOf(pipelines.getOrDefault(path, List.of()));
  }

  public void forget(String path) { pipelines.remove(path); }

  /** Moves the records of {@code src} and everything under it to {@code dst}, as a rename does. */
  public void moved(String src, String dst) {
    for (String key : List.copyOf(pipelines.keySet())) {
      if (key.equals(src) || key.startsWith(src + "/")) {
        List<List<String>> records = pipelines.remove(key);
        if (records != null) {
          pipelines.put(dst + key.substring(src.length()), records);
        }
      }
    }
  }

  public void forgetAll() { pipelines.clear(); }

  @Override
  protected Node chooseTargetInOrder(int numOfReplicas, Node writer, Set<Node> excludedNodes, long blocksize,
      int maxNodesPerRack, List<DatanodeStorageInfo> results, boolean avoidStaleNodes, boolean newBlock,
      java.util.EnumMap<org.apache.hadoop.fs.StorageType, Integer> storageTypes)
      throws NotEnoughReplicasException {
    placed.set(results);
    return super.chooseTargetInOrder(numOfReplicas, writer, excludedNodes, blocksize, maxNodesPerRack, results,
        avoidStaleNodes, newBlock, storageTypes);
  }

  @Override
  public DatanodeStorageInfo[] chooseTarget(String srcPath, int numOfReplicas, Node writer,
      List<DatanodeStorageInfo> chosen, boolean returnChosenNodes, Set<Node> excludedNodes, long blocksize,
      BlockStoragePolicy storagePolicy, EnumSet<AddBlockFlag> flags) {
    boolean newBlock = chosen.isEmpty() && !returnChosenNodes;
    if (!newBlock) {
      return super.chooseTarget(srcPath, numOfReplicas, writer, chosen, returnChosenNodes, excludedNodes, blocksize,
          storagePolicy, flags);
    }
    Node client = writerNode;
    placed.remove();
    DatanodeStorageInfo[] targets = super.chooseTarget(srcPath, numOfReplicas, client, chosen, false, excludedNodes,
        blocksize, storagePolicy, flags);
    // The order the policy chose them in (first replica first); the array it returns is the
    // pipeline order, sorted by distance from the writer, which differs from it for r > 3.
    List<DatanodeStorageInfo> order = placed.get();
    placed.remove();
    List<String> pipeline = new ArrayList<>();
    for (DatanodeStorageInfo t : order != null && order.size() == targets.length ? order : List.of(targets)) {
      pipeline.add(t.getDatanodeDescriptor().getXferAddr());
    }
    pipelines.computeIfAbsent(srcPath, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(List.copyOf(pipeline));
    if (client instanceof DatanodeDescriptor local && !pipeline.isEmpty() && !pipeline.get(0).equals(local.getXferAddr())) {
      LOG.log(System.Logger.Level.WARNING, "new block of " + srcPath + " placed off the writer's node " + local.getXferAddr()
          + ": pipeline " + pipeline + "; " + whyNotLocal(local, excludedNodes));
    }
    return targets;
  }

  /**
   * Why the default policy passed over the writer's own node, in the terms of its checks: a
   * placement clause that fails on a real cluster then says whether HDFS saw the node as
   * unusable (and why) or broke its own rule.
   */
  private String whyNotLocal(DatanodeDescriptor writer, Set<Node> excludedNodes) {
    if (!clusterMap.contains(writer)) {
      return "the writer's node is not in the NameNode's topology (it is re-registering, or its record was replaced)";
    }
    if (excludedNodes != null && excludedNodes.contains(writer)) {
      return "the client excluded the writer's node (a pipeline to it failed)";
    }
    return "the writer's node: alive " + writer.isAlive() + ", in service " + writer.isInService() + ", rack "
        + writer.getNetworkLocation() + ", storages " + writer.getStorageInfos().length + ", remaining "
        + writer.getRemaining() + " bytes, blocks scheduled " + writer.getBlocksScheduled();
  }
}
