package org.bigdatalab.dataflow.reference;

import java.util.concurrent.ExecutorService;
import org.bigdatalab.dataflow.SkewClauses;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * {@code df-sequential}: the reference dataflow engine. One thread runs every task of every stage
 * in partition order, so a run is easy to follow in a debugger; stages, shuffles, map-side combine,
 * broadcast joins, the cache and atomic saves are the same as {@code df-parallel}'s. It does not
 * split skewed join partitions: each join partition is one task.
 */
public class SequentialDataflow extends PartitionedDataflow {

  public static final EngineInfo INFO = EngineInfo.builder("df-sequential", Topic.DATAFLOW)
      .displayName("Sequential dataflow (reference)")
      .description("One thread, stages split at shuffles, in-memory shuffle, map-side combine. Simple on purpose.")
      .unsupported(SkewClauses.JOIN_SPLIT, "runs each join partition as one task; adaptive skew-join splitting lives in df-parallel")
      .build();

  @Override public EngineInfo info() { return INFO; }

  @Override protected ExecutorService pool() { return null; }
}
