package org.bigdatalab.guide;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;

/*
 * Why: "explain HDFS rack awareness" is a standard interview question, and the usual answer is a
 * list of three rules: first replica on the writer's node, second on another rack, third on the
 * second's rack, on another node. That answer is right for a writer that runs on a DataNode, but
 * a list of rules proves nothing. This program asks a running store: it uploads a file to a
 * two-rack cluster, prints where every replica of every block went, checks the rules against it,
 * then stops a DataNode, reads the file anyway, and lets one pass of the replication monitor bring
 * every block back to three replicas.
 *
 * The wrong way, beside it: older write-ups (and early versions of the HDFS architecture guide) put
 * TWO replicas on the writer's rack and one off it. Current HDFS does the opposite, one on the
 * writer's rack and two on the remote rack: the write pipeline still crosses racks only once, but a
 * block's replicas now share a rack two at a time on the side the writer is NOT on, so losing the
 * writer's whole rack (a switch, a power feed) leaves two replicas, not one. The program counts,
 * per block, how many replicas sit on the writer's rack.
 *
 * How: dfs-memory (and dfs-local, if present), the cluster of Ch03_HdfsOperations, an 8 KiB file (eight blocks).
 * Stopping a node is a scripted fault (DfsFaults), and so is the replication check: nothing waits
 * on a heartbeat timer.
 */
public final class Ch03_RackAwareness {
  static final List<String> ENGINES = List.of("dfs-memory", "dfs-local");
  static final DfsPath FILE = new DfsPath("/logs/events.log");
  static final int FILE_BYTES = 8 * 1024;

  private Ch03_RackAwareness() {}

  /** One placement check per block: the three rules, and how many replicas share the writer's rack. */
  public record Placement(int block, List<String> replicas, boolean firstOnWriter, boolean secondOffRack,
                          boolean thirdOnSecondsRack, long onWritersRack) {
    boolean followsTheRules() { return firstOnWriter && secondOffRack && thirdOnSecondsRack; }
  }

  // tag::check[]
  static Placement check(BlockLocation block, ClusterSpec cluster) {
    List<String> nodes = block.nodes();
    List<String> racks = block.racks();
    String writerRack = cluster.rackOf(cluster.writerNode());
    return new Placement(block.index(), block.replicas().stream().map(Object::toString).toList(),
        nodes.get(0).equals(cluster.writerNode()),
        !racks.get(1).equals(racks.get(0)),
        racks.get(2).equals(racks.get(1)) && !nodes.get(2).equals(nodes.get(1)),
        racks.stream().filter(writerRack::equals).count());
  }
  // end::check[]

  /** What the program saw, for the tests. */
  public record Outcome(String engine, List<Placement> placements, String stopped, List<Integer> replicasAfterStop,
                        boolean readAfterStop, List<Integer> replicasAfterCheck, List<Integer> racksAfterCheck,
                        boolean stoppedNodeHoldsNothing, boolean readAfterCheck) {}

  static byte[] content() {
    byte[] bytes = new byte[FILE_BYTES];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  static byte[] readAll(DistributedFileSystem fs) throws IOException {
    try (DfsInput in = fs.open(FILE)) {
      return in.readRemaining();
    }
  }

  public static Outcome run(String engineId, PrintStream out) throws Exception {
    ClusterSpec cluster = Ch03_HdfsOperations.cluster();
    byte[] bytes = content();
    try (DfsEngine engine = GuideEngines.create(engineId, DfsEngine.class);
         DistributedFileSystem fs = engine.start(cluster)) {
      // tag::upload[]
      try (DfsOutput file = fs.create(FILE, false)) {
        file.write(bytes);
      }
      List<Placement> placements = new ArrayList<>();
      for (BlockLocation block : fs.blockLocations(FILE)) {
        placements.add(check(block, cluster));
      }
      // end::upload[]
      out.printf("engine %s: %,d bytes written from %s@%s, blocks of %,d bytes, replication %d%n", engineId,
          bytes.length, cluster.writerNode(), cluster.rackOf(cluster.writerNode()), cluster.blockSize(),
          cluster.replication());
      out.println("  block  replicas (pipeline order)   1st on writer  2nd off-rack  3rd on 2nd's rack  on writer's rack");
      for (Placement p : placements) {
        out.printf("  %5d  %-27s  %-13s  %-12s  %-17s  %d of 3%n", p.block(), String.join(" ", p.replicas()),
            p.firstOnWriter(), p.secondOffRack(), p.thirdOnSecondsRack(), p.onWritersRack());
      }

      // tag::fail[]
      Map<String, Integer> replicasPerNode = new LinkedHashMap<>();
      for (BlockLocation block : fs.blockLocations(FILE)) {
        block.nodes().forEach(n -> replicasPerNode.merge(n, 1, Integer::sum));
      }
      String victim = replicasPerNode.entrySet().stream()           // the remote node holding the most
          .filter(e -> !e.getKey().equals(cluster.writerNode()))
          .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      fs.faults().stopDataNode(victim);
      List<Integer> afterStop = replicaCounts(fs);
      boolean readAfterStop = Arrays.equals(readAll(fs), bytes);     // served from the other replicas
      fs.faults().runReplicationCheck();                             // one pass of the replication monitor
      List<BlockLocation> repaired = fs.blockLocations(FILE);
      // end::fail[]
      List<Integer> afterCheck = repaired.stream().map(b -> b.replicas().size()).toList();
      List<Integer> racksAfter = repaired.stream().map(b -> (int) b.racks().stream().distinct().count()).toList();
      boolean victimEmpty = repaired.stream().noneMatch(b -> b.nodes().contains(victim));
      boolean readAfterCheck = Arrays.equals(readAll(fs), bytes);

      out.printf("  stop %s (it held %d replicas): replicas per block %s; read the whole file: %s%n", victim,
          replicasPerNode.get(victim), afterStop, readAfterStop ? "ok, bytes equal" : "FAILED");
      out.printf("  one replication check: replicas per block %s, racks per block %s%n", afterCheck, racksAfter);
      for (BlockLocation b : repaired) {
        out.printf("    block %d  %s%n", b.index(), b.replicas());
      }
      out.printf("  %s holds none of them; read again: %s%n%n", victim, readAfterCheck ? "ok, bytes equal" : "FAILED");
      return new Outcome(engineId, placements, victim, afterStop, readAfterStop, afterCheck, racksAfter, victimEmpty,
          readAfterCheck);
    }
  }

  static List<String> firstReplicas(DistributedFileSystem fs) throws IOException {
    return fs.blockLocations(FILE).stream().map(b -> b.replicas().get(0).toString()).toList();
  }

  static List<Integer> replicaCounts(DistributedFileSystem fs) throws IOException {
    return fs.blockLocations(FILE).stream().map(b -> b.replicas().size()).toList();
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    for (String id : GuideEngines.available(ENGINES, out)) {
      run(id, out);
    }
    // A client that is not a DataNode (an edge node, a laptop): no "local" node to put the first replica on.
    try (DfsEngine engine = GuideEngines.create("dfs-memory", DfsEngine.class);
         DistributedFileSystem fs = engine.start(Ch03_HdfsOperations.cluster().withWriter(null))) {
      try (DfsOutput file = fs.create(FILE, false)) {
        file.write(content());
      }
      out.println("dfs-memory, the same upload from a client off the cluster: first replica of each block "
          + firstReplicas(fs));
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch03_RackAwareness
end::run[]
 */
