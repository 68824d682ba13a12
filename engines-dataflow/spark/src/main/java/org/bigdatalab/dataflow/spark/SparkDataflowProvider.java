package org.bigdatalab.dataflow.spark;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/**
 * Registers {@code spark}. Options: {@code spark.master} (default {@code local[*]}), any other
 * {@code spark.*} key (passed to Spark's configuration), {@code log.level} (default ERROR).
 */
public final class SparkDataflowProvider implements EngineProvider {
  @Override public EngineInfo info() { return SparkDataflow.INFO; }
  @Override public Engine create(EngineOptions options) { return new SparkDataflow(options); }
}
