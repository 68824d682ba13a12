package org.bigdatalab.lambda;

import org.bigdatalab.log.EventLog;
import org.bigdatalab.spi.Engine;

/**
 * A combination of a dataflow engine (the batch layer), a streaming engine (the speed layer, the
 * Kappa jobs) and an event log, built from their SPIs alone, so any three engines combine. Its id
 * names the parts: {@code lambda:df-parallel+stream-parallel+log-local}.
 */
public interface PipelineEngine extends Engine {

  /** The log the pipelines read; producers append to it. */
  EventLog log();

  /** A Lambda pipeline over {@code topic} computing {@code view}. */
  <T> LambdaPipeline lambda(String topic, ViewDefinition<T> view);

  /** A Kappa pipeline over {@code topic} whose live job computes {@code view} in polls of at most {@code pollRecords} records per partition. */
  <T> KappaPipeline kappa(String topic, ViewDefinition<T> view, int pollRecords);
}
