package org.bigdatalab.mapreduce.hadoop;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/**
 * Registers {@code mr-hadoop}. Every option is set in Hadoop's configuration as given (for
 * example {@code mapreduce.framework.name=yarn}, {@code fs.defaultFS=hdfs://…}); see
 * {@link HadoopMapReduce}.
 */
public final class HadoopMapReduceProvider implements EngineProvider {
  @Override public EngineInfo info() { return HadoopMapReduce.LOCAL_INFO; }
  @Override public Engine create(EngineOptions options) { return new HadoopMapReduce(options); }
}
