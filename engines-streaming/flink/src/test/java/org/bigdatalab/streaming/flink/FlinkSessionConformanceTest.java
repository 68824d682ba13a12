package org.bigdatalab.streaming.flink;

import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.spec.StreamingSpec;
import org.junit.jupiter.api.Tag;

/**
 * The streaming spec against {@code flink@session}: a JobManager and a TaskManager in JVMs of their
 * own on 127.0.0.1, jobs submitted through REST with the lab's classes as {@code flink.jars}, results
 * through the collect sink (logs under {@code target/cluster-logs/}). Two cases per property; the
 * stateless Nexmark clause is declared for this mode (the remote path runs windowed jobs only).
 */
@Tag("cluster")
@PropertyDefaults(tries = 2, triesProperty = "flink.session.tries")
class FlinkSessionConformanceTest extends StreamingSpec {
  @Override
  protected StreamingEngine createEngine() {
    return (StreamingEngine) new FlinkOnSession.Provider().create(EngineOptions.NONE);
  }
}
