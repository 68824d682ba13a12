package org.bigdatalab.lambda.reference;

import java.io.IOException;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.lambda.KappaPipeline;
import org.bigdatalab.lambda.LambdaPipeline;
import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.streaming.StreamingEngine;

/**
 * A pipeline engine made of three engines, each used through its SPI only: any dataflow engine for
 * the batch layer, any streaming engine for the speed layer and the Kappa jobs, any log. It owns
 * them and closes them with itself.
 */
public class ComposedPipeline implements PipelineEngine {
  private final EngineInfo info;
  private final DataflowEngine dataflow;
  private final StreamingEngine streaming;
  private final EventLog log;

  public ComposedPipeline(EngineInfo info, DataflowEngine dataflow, StreamingEngine streaming, EventLog log) {
    this.info = info;
    this.dataflow = dataflow;
    this.streaming = streaming;
    this.log = log;
  }

  @Override public EngineInfo info() { return info; }

  @Override public EventLog log() { return log; }

  protected DataflowEngine dataflow() { return dataflow; }

  protected StreamingEngine streaming() { return streaming; }

  @Override
  public <T> LambdaPipeline lambda(String topic, ViewDefinition<T> view) {
    return new LambdaArchitecture<>(log, topic, dataflow, streaming, view);
  }

  @Override
  public <T> KappaPipeline kappa(String topic, ViewDefinition<T> view, int pollRecords) {
    return new KappaArchitecture(log, topic, streaming, view, pollRecords);
  }

  @Override
  public void close() throws IOException {
    try (log; streaming; dataflow) {
      // closes all three, the last opened first, even when one fails
    }
  }
}
