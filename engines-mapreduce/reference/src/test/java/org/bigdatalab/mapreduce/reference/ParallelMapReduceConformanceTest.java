package org.bigdatalab.mapreduce.reference;

import java.nio.file.Path;
import java.util.List;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;

/**
 * Runs the whole MapReduce spec against {@code mr-parallel}, with a 4 KB sort buffer and a merge
 * factor of 3, so the spec's small inputs still spill, merge spills, and merge in several passes.
 * Its DFS input is read from {@code dfs-memory} and from {@code dfs-local} (blocks on disk).
 */
class ParallelMapReduceConformanceTest extends MapReduceSpec {
  @Override
  protected MapReduceEngine createEngine() {
    return new ParallelMapReduce(2, 4 << 10, Path.of(System.getProperty("java.io.tmpdir")), 3);
  }

  @Override
  protected List<String> inputStoreIds() {
    return List.of("dfs-memory", "dfs-local");
  }
}
