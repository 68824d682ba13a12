package org.bigdatalab.mapreduce.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code mr-sequential}. It takes no options. */
public final class SequentialMapReduceProvider implements EngineProvider {
  @Override public EngineInfo info() { return SequentialMapReduce.INFO; }
  @Override public Engine create(EngineOptions options) { return new SequentialMapReduce(); }
}
