package org.bigdatalab.mapreduce;

import java.nio.file.Path;
import java.util.List;
import org.bigdatalab.spi.Engine;

/**
 * A MapReduce engine: runs a {@link MapReduceJob} over text files and commits its output to a
 * directory that must not exist yet. On success the directory holds {@code part-r-NNNNN} files
 * (one per reducer, empty ones included) and a {@code _SUCCESS} marker; on failure it holds no
 * part file. See {@link MapReduceClauses} for everything an engine promises.
 */
public interface MapReduceEngine extends Engine {

  <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path outputDir)
      throws JobFailedException;
}
