package org.bigdatalab.dfs.hadoop;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.PropertyDefaults;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.spec.DfsGenerators;
import org.bigdatalab.dfs.spec.DfsSpec;

/**
 * Runs the whole DFS spec against {@code dfs-hdfs}. A MiniDFSCluster takes seconds to start, so
 * generated cases draw from two fixed topologies, kept running by the store between cases: two
 * racks of two DataNodes (the spec's {@code smallCluster}) and two racks of three (the seed's
 * diagram). Replication, block size, writer and files still vary per case. A property whose
 * bounds neither topology meets falls back to the spec's generated topologies.
 *
 * <p>Three tries per property (the module's default is 8, for mr-hadoop): the fault properties
 * restart DataNodes or the NameNode, 5-8 s a case on two cores, and the whole binding stays near
 * two minutes. {@code -Pexhaustive} does not raise this number; run with
 * {@code -Djqwik.tries.default=N} after removing the annotation for a longer run.
 */
@PropertyDefaults(tries = 3)
class HdfsConformanceTest extends DfsSpec {

  /** Nodes per rack of the kept topologies. */
  static final List<List<Integer>> TOPOLOGIES = List.of(List.of(2, 2), List.of(3, 3));

  @Override
  protected DfsEngine createEngine() {
    return new HdfsStore();
  }

  @Override
  protected Arbitrary<ClusterSpec> clusters(int minRacks, int maxRacks, int minPerRack, int maxPerRack,
                                            int minR, int maxR, Boolean writer) {
    List<List<Integer>> fitting = TOPOLOGIES.stream()
        .filter(t -> t.size() >= minRacks && t.size() <= maxRacks)
        .filter(t -> t.stream().allMatch(n -> n >= minPerRack && n <= maxPerRack))
        .toList();
    if (fitting.isEmpty()) {
      return super.clusters(minRacks, maxRacks, minPerRack, maxPerRack, minR, maxR, writer);
    }
    return DfsGenerators.clusters(Arbitraries.of(fitting), minR, maxR, writer);
  }
}
