package org.bigdatalab.mapreduce;

import java.nio.file.Path;
import java.util.List;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.spi.Engine;

/**
 * A MapReduce engine: runs a {@link MapReduceJob} over text files and commits its output to a
 * directory that must not exist yet. On success the directory holds {@code part-r-NNNNN} files
 * (one per reducer, empty ones included) and a {@code _SUCCESS} marker; on failure it holds no
 * part file. See {@link MapReduceClauses} for everything an engine promises.
 */
public interface MapReduceEngine extends Engine {

  /** Reads local files, cut into splits of at most {@code job.maxSplitBytes()}. */
  <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path outputDir)
      throws JobFailedException;

  /**
   * Reads files of a distributed file system, cut as {@link BlockSplits#plan} cuts them (one split
   * per block, as Hadoop's FileInputFormat), and writes the output to a local directory. The output
   * is the one the job gives on local files of the same bytes
   * ({@link MapReduceClauses#INPUT_DFS_EQUALS_LOCAL}); the result's splits name each block's
   * replica hosts. An engine that cannot read a store throws {@link JobFailedException} saying why,
   * and declares the clause unsupported when it can read none.
   */
  <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, DistributedFileSystem fs, List<DfsPath> inputs,
      Path outputDir) throws JobFailedException;
}
