package org.bigdatalab.mapreduce.reference;

import java.nio.file.Path;
import java.util.List;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;

/**
 * The reference engines' two ways in: local files or files of a DFS store, both turned into the
 * same {@link InputSplit.Plan} (splits of at most the job's split size; on a store, one per block,
 * see {@link org.bigdatalab.mapreduce.BlockSplits}), which each engine then runs its own way.
 */
abstract class SplitPlanningMapReduce implements MapReduceEngine {

  @Override
  public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path outputDir)
      throws JobFailedException {
    return run(job, () -> InputSplit.plan(inputs, job.maxSplitBytes()), outputDir);
  }

  /** Reads the files through the DFS SPI; each map task opens its own reader at its split. */
  @Override
  public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, DistributedFileSystem fs,
      List<DfsPath> inputs, Path outputDir) throws JobFailedException {
    return run(job, () -> InputSplit.plan(fs, inputs, job.maxSplitBytes()), outputDir);
  }

  /** Runs the job over the splits {@code plan} gives once the output directory is known to be new. */
  protected abstract <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, InputSplit.Plan plan,
      Path outputDir) throws JobFailedException;
}
