package org.bigdatalab.mapreduce.reference;

import java.nio.file.Path;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/**
 * Registers {@code mr-parallel}. Options: {@code threads} (default: available processors),
 * {@code sort.buffer} (per running map task, e.g. {@code 64MB}, the default), {@code spill.dir}
 * (default: {@code java.io.tmpdir}) and {@code merge.factor} (runs merged at once, default 32).
 */
public final class ParallelMapReduceProvider implements EngineProvider {
  @Override public EngineInfo info() { return ParallelMapReduce.INFO; }

  @Override
  public Engine create(EngineOptions options) {
    return new ParallelMapReduce(
        options.getInt("threads", Runtime.getRuntime().availableProcessors()),
        options.getBytes("sort.buffer", ParallelMapReduce.DEFAULT_SORT_BUFFER_BYTES),
        Path.of(options.get("spill.dir").orElse(System.getProperty("java.io.tmpdir"))),
        options.getInt("merge.factor", ParallelMapReduce.DEFAULT_MERGE_FACTOR));
  }
}
