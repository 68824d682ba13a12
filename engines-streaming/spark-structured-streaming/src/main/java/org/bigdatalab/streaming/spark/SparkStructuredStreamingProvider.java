package org.bigdatalab.streaming.spark;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/**
 * Registers {@code spark-streaming}. Options: {@code spark.master} (default {@code local[*]}), any
 * other {@code spark.*} key (passed to Spark's configuration), {@code checkpoint.dir} (where each
 * run's checkpoint directory is made; default a temporary directory), {@code max.batches} (most micro-batches per run, default 16: longer scripts are cut into groups of
 * consecutive lines), {@code log.level} (default ERROR).
 */
public final class SparkStructuredStreamingProvider implements EngineProvider {
  @Override public EngineInfo info() { return SparkStructuredStreaming.INFO; }
  @Override public Engine create(EngineOptions options) { return new SparkStructuredStreaming(options); }
}
