package org.bigdatalab.dfs.hadoop;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.MiniDFSCluster.DataNodeProperties;
import org.apache.hadoop.hdfs.server.blockmanagement.BlockManager;
import org.apache.hadoop.hdfs.server.blockmanagement.BlockManagerTestUtil;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.bigdatalab.dfs.DataNodeSpec;

/**
 * One running MiniDFSCluster: a NameNode and one DataNode per {@link DataNodeSpec}, on the racks
 * the spec gives (a static rack table, as {@code net.topology.table.file.name} would be), with the
 * DataNode capacities set. It outlives a case: {@link HdfsStore} keeps one per topology and
 * {@link #reset()} empties it for the next case (stopped DataNodes started again, every path
 * deleted), because starting one takes seconds.
 *
 * <p>DataNodes are named by their spec id; inside HDFS they are {@code 127.0.0.1:<transfer port>},
 * and the port stays the same across a DataNode's stop and start.
 */
final class MiniHdfs implements Closeable {

  /** How long a maintenance step may take before it is reported as not converging. */
  static final long CONVERGE_MS = 20_000;

  private static final java.util.concurrent.atomic.AtomicInteger CLUSTERS = new java.util.concurrent.atomic.AtomicInteger();

  final List<DataNodeSpec> topology;
  final MiniDFSCluster cluster;
  private final Map<String, Integer> portOf = new LinkedHashMap<>();
  private final Map<Integer, String> nodeOfPort = new HashMap<>();
  private final Map<String, String> rackOf = new HashMap<>();
  private final Map<String, DataNodeProperties> stopped = new HashMap<>();
  private final org.apache.hadoop.hdfs.DistributedFileSystem client;

  private MiniHdfs(List<DataNodeSpec> topology, MiniDFSCluster cluster) throws IOException {
    this.topology = List.copyOf(topology);
    this.cluster = cluster;
    List<DataNode> dns = cluster.getDataNodes();
    for (int i = 0; i < topology.size(); i++) {
      DataNodeSpec spec = topology.get(i);
      int port = dns.get(i).getXferPort();
      portOf.put(spec.id(), port);
      nodeOfPort.put(port, spec.id());
      rackOf.put(spec.id(), spec.rack());
    }
    this.client = cluster.getFileSystem();
  }

  /**
   * Lets the DataNodes' block scanners read the scan-period keys below. Hadoop reads them only in
   * its own tests (a package-private switch, {@code BlockScanner.Conf.allowUnitTestSettings});
   * without it a scanner verifies each replica once every three weeks.
   */
  private static void allowFastBlockScanner() {
    try {
      java.lang.reflect.Field f = Class.forName("org.apache.hadoop.hdfs.server.datanode.BlockScanner$Conf")
          .getDeclaredField("allowUnitTestSettings");
      f.setAccessible(true);
      f.setBoolean(null, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // then corrupt replicas are found by readers only
    }
  }

  static MiniHdfs start(List<DataNodeSpec> topology, Configuration base, File dir) throws IOException {
    allowFastBlockScanner();
    Configuration conf = new Configuration(base);
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.getAbsolutePath());
    // Blocks of 512 bytes and up (the spec's), checksummed every 512 bytes as in HDFS.
    conf.setLong("dfs.namenode.fs-limits.min-block-size", 0);
    conf.setInt("dfs.bytes-per-checksum", 512);
    conf.set("dfs.block.replicator.classname", PipelineRecorder.class.getName());
    // Every DataNode runs on this host: HDFS's load check would count them as one busy machine.
    conf.setBoolean("dfs.namenode.redundancy.considerLoad", false);
    conf.setInt("dfs.heartbeat.interval", 1);
    conf.setInt("dfs.namenode.safemode.extension", 0);
    conf.setBoolean("dfs.permissions.enabled", false);
    conf.setLong("dfs.datanode.du.reserved", 0);
    // The DataNodes' block scanners (VolumeScanner) re-verify every replica's checksums every
    // 200 ms instead of every three weeks, and see new blocks within 100 ms: a corrupt replica is
    // found and reported by the DataNode itself, as HDFS does, only sooner.
    conf.setLong("internal.dfs.datanode.scan.period.ms.key", 200);
    conf.setLong("internal.dfs.block.scanner.max_staleness.ms", 100);
    conf.setLong("dfs.block.scanner.volume.bytes.per.second", 64L << 20);
    String[] racks = topology.stream().map(n -> "/" + n.rack()).toArray(String[]::new);
    long[][] capacities = topology.stream().map(n -> new long[] {n.capacityBytes()}).toArray(long[][]::new);
    // Host names unique to this cluster: MiniDFSCluster puts host -> rack into StaticMapping, which
    // is one table for the whole JVM, and resolves a restarted DataNode's rack by its host name.
    // With its default names (host0.foo.com…) a second kept cluster would move the first one's
    // DataNodes to its own racks when they restart.
    int seq = CLUSTERS.incrementAndGet();
    String[] hosts = new String[topology.size()];
    for (int i = 0; i < hosts.length; i++) {
      hosts[i] = "c" + seq + "-n" + i + ".bigdatalab";
    }
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, dir).numDataNodes(topology.size()).storagesPerDatanode(1)
        .racks(racks).hosts(hosts).storageCapacities(capacities).format(true).build();
    try {
      cluster.waitActive();
      MiniHdfs mini = new MiniHdfs(topology, cluster);
      mini.awaitPlaceable();
      return mini;
    } catch (IOException | RuntimeException e) {
      cluster.shutdown();
      throw e;
    }
  }

  org.apache.hadoop.hdfs.DistributedFileSystem client() { return client; }

  PipelineRecorder recorder() {
    return (PipelineRecorder) cluster.getNamesystem().getBlockManager().getBlockPlacementPolicy();
  }

  /** The spec id of the DataNode at {@code 127.0.0.1:port}, or null when it is not one of ours. */
  String nodeOfPort(int port) { return nodeOfPort.get(port); }

  String rackOf(String node) { return rackOf.get(node); }

  /**
   * The NameNode's record of the DataNode, as {@link PipelineRecorder#writeFrom} takes it; null
   * while it is stopped (the NameNode counts it dead, so the writer is no DataNode's neighbour).
   */
  org.apache.hadoop.net.Node descriptor(String node) {
    if (stopped.containsKey(node)) {
      return null;
    }
    try {
      return cluster.getNamesystem().getBlockManager().getDatanodeManager().getDatanode(dataNode(node).getDatanodeId());
    } catch (IOException e) {
      throw new IllegalStateException("DataNode " + node + " is not registered with the NameNode", e);
    }
  }

  private int port(String node) {
    Integer port = portOf.get(node);
    if (port == null) {
      throw new IllegalArgumentException("no DataNode '" + node + "' in this cluster; its nodes: " + portOf.keySet());
    }
    return port;
  }

  /** The running DataNode {@code node}; fails when it is stopped. */
  DataNode dataNode(String node) {
    int port = port(node);
    for (DataNode dn : cluster.getDataNodes()) {
      if (dn.getXferPort() == port) {
        return dn;
      }
    }
    throw new IllegalStateException("DataNode " + node + " is not running");
  }

  boolean isStopped(String node) { return stopped.containsKey(node); }

  /** Stops the DataNode and tells the NameNode it is dead, as the heartbeat check would after its timeout. */
  void stopDataNode(String node) throws IOException {
    if (stopped.containsKey(node)) {
      return;
    }
    DataNode dn = dataNode(node);
    org.apache.hadoop.hdfs.protocol.DatanodeID id = dn.getDatanodeId();
    stopped.put(node, cluster.stopDataNode(cluster.getDataNodes().indexOf(dn)));
    cluster.setDataNodeDead(id);
  }

  /** Starts a stopped DataNode on its old port and waits for its full block report. */
  void startDataNode(String node) throws IOException {
    DataNodeProperties props = stopped.remove(node);
    if (props == null) {
      return;
    }
    cluster.restartDataNode(props, true);
    cluster.waitActive();
    cluster.triggerHeartbeats();
    cluster.triggerBlockReports();
    awaitPlaceable(List.of(node));
  }

  /**
   * Waits until the NameNode could place a replica on each running DataNode of {@code nodes}:
   * alive, in its topology on the spec's rack, with its storage reported. waitActive counts a
   * DataNode live before all of that holds after a (re)start of it or of the NameNode, and a block
   * allocated in that window skips the node even when it is the writer's, which a placement clause
   * would then count against HDFS.
   */
  void awaitPlaceable(java.util.Collection<String> nodes) throws IOException {
    long deadline = System.currentTimeMillis() + CONVERGE_MS;
    while (true) {
      String reason = null;
      for (String node : nodes) {
        if (!stopped.containsKey(node) && (reason = unplaceable(node)) != null) {
          break;
        }
      }
      if (reason == null) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("HDFS did not become ready for writes in " + CONVERGE_MS + " ms: " + reason);
      }
      cluster.triggerHeartbeats();
      pause(20);
    }
  }

  /** Every running DataNode; see {@link #awaitPlaceable(java.util.Collection)}. */
  void awaitPlaceable() throws IOException { awaitPlaceable(portOf.keySet()); }

  /** Why the NameNode could not place a replica on {@code node} now, or null when it could. */
  private String unplaceable(String node) throws IOException {
    org.apache.hadoop.hdfs.server.blockmanagement.DatanodeManager dm = cluster.getNamesystem().getBlockManager().getDatanodeManager();
    org.apache.hadoop.hdfs.server.blockmanagement.DatanodeDescriptor d = dm.getDatanode(dataNode(node).getDatanodeId());
    if (d == null || !d.isAlive()) {
      return "DataNode " + node + " is not registered and alive";
    }
    if (!dm.getNetworkTopology().contains(d) || !d.getNetworkLocation().equals("/" + rackOf.get(node))) {
      return "DataNode " + node + " is not in the topology on /" + rackOf.get(node) + " (it is at " + d.getNetworkLocation() + ")";
    }
    if (d.getStorageInfos().length == 0 || d.getCapacity() <= 0) {
      return "DataNode " + node + " has not reported its storage";
    }
    return null;
  }

  /**
   * Drives the NameNode's redundancy work until nothing is left to do: compute the replication
   * and deletion work (what the RedundancyMonitor does every few seconds), let the DataNodes pick
   * their commands up with a heartbeat, wait for their reports. Ends when two rounds in a row
   * schedule nothing and nothing is pending; blocks that cannot reach their replication (too few
   * live nodes or racks) stay under-replicated, as in HDFS.
   */
  void settleRedundancy() throws IOException {
    BlockManager bm = cluster.getNamesystem().getBlockManager();
    long deadline = System.currentTimeMillis() + CONVERGE_MS;
    int quiet = 0;
    while (quiet < 2) {
      BlockManagerTestUtil.rescanPostponedMisreplicatedBlocks(bm);
      BlockManagerTestUtil.updateState(bm);
      int work = BlockManagerTestUtil.computeAllPendingWork(bm);
      cluster.triggerHeartbeats();
      pause(50);
      BlockManagerTestUtil.updateState(bm);
      boolean idle = work == 0 && bm.getPendingReconstructionBlocksCount() == 0 && bm.getPendingDeletionBlocksCount() == 0
          && bm.getExcessBlocksCount() == 0 && bm.getPendingDataNodeMessageCount() == 0
          && bm.getPostponedMisreplicatedBlocksCount() == 0;
      quiet = idle ? quiet + 1 : 0;
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("HDFS redundancy work did not settle in " + CONVERGE_MS + " ms: pending reconstruction "
            + bm.getPendingReconstructionBlocksCount() + ", pending deletion " + bm.getPendingDeletionBlocksCount()
            + ", excess " + bm.getExcessBlocksCount() + ", low redundancy " + bm.getLowRedundancyBlocksCount());
      }
    }
  }

  static void pause(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    }
  }

  /** Empties the cluster for the next case: every DataNode running, no path but the root, no records. */
  void reset() throws IOException {
    for (String node : List.copyOf(stopped.keySet())) {
      startDataNode(node);
    }
    for (org.apache.hadoop.fs.FileStatus s : client.listStatus(new Path("/"))) {
      client.delete(s.getPath(), true);
    }
    PipelineRecorder recorder = recorder();
    recorder.forgetAll();
    recorder.writeFrom(null);
    awaitPlaceable();
  }

  @Override public void close() {
    cluster.shutdown(true);
  }
}
