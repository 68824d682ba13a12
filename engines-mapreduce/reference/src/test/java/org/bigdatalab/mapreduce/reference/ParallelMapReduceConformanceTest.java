package org.bigdatalab.mapreduce.reference;

import java.nio.file.Path;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;

/**
 * Runs the whole MapReduce spec against {@code mr-parallel}, with a 4 KB sort buffer and a merge
 * factor of 3, so the spec's small inputs still spill, merge spills, and merge in several passes.
 */
class ParallelMapReduceConformanceTest extends MapReduceSpec {
  @Override
  protected MapReduceEngine createEngine() {
    return new ParallelMapReduce(2, 4 << 10, Path.of(System.getProperty("java.io.tmpdir")), 3);
  }
}
