package org.bigdatalab.lambda.reference;

import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.StreamingEngine;

/**
 * Registers one combination of engines as a pipeline engine, id {@code lambda:DATAFLOW+STREAMING+LOG}.
 * The parts are found by id in the engine registry, so a combination is three names, and each part
 * gets the options given (a part ignores keys it does not read).
 */
public abstract class CombinationProvider implements EngineProvider {
  private final String dataflow;
  private final String streaming;
  private final String log;
  private final EngineInfo info;

  protected CombinationProvider(String dataflow, String streaming, String log, EngineInfo.Kind kind, String description) {
    this.dataflow = dataflow;
    this.streaming = streaming;
    this.log = log;
    this.info = EngineInfo.builder(idOf(dataflow, streaming, log), Topic.LAMBDA).kind(kind).description(description).build();
  }

  public static String idOf(String dataflow, String streaming, String log) {
    return "lambda:" + dataflow + "+" + streaming + "+" + log;
  }

  @Override public EngineInfo info() { return info; }

  @Override
  public Engine create(EngineOptions options) {
    EngineRegistry registry = EngineRegistry.load(CombinationProvider.class.getClassLoader());
    DataflowEngine batch = registry.create(dataflow, DataflowEngine.class, options);
    StreamingEngine speed = registry.create(streaming, StreamingEngine.class, streamingOptions(options));
    EventLog events = registry.create(log, EventLog.class, options);
    return new ComposedPipeline(info, batch, speed, events);
  }

  /**
   * The options the streaming part is made with: those given, unless a combination needs its own
   * defaults for the bounded stretches the pipelines run (a stretch is read whole, so it may be one
   * micro-batch).
   */
  protected EngineOptions streamingOptions(EngineOptions given) {
    return given;
  }

  /** The reference combination: the three oracles. */
  public static final class Reference extends CombinationProvider {
    public Reference() {
      super("df-sequential", "stream-sequential", "log-memory", EngineInfo.Kind.REFERENCE,
          "Lambda and Kappa over the oracles: df-sequential batch, stream-sequential speed, log-memory.");
    }
  }

  /** The fast combination: the parallel engines over the log on disk. */
  public static final class Fast extends CombinationProvider {
    public Fast() {
      super("df-parallel", "stream-parallel", "log-local", EngineInfo.Kind.REFERENCE,
          "Lambda and Kappa over df-parallel batch, stream-parallel speed, log-local segment files.");
    }
  }
}
