package org.bigdatalab.streaming.flink;

import java.io.IOException;
import java.util.Map;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.ClusterRow;
import org.bigdatalab.streaming.StreamingClauses;

/**
 * {@code flink@session}: the adapter's remote path ({@code rest.address}, {@code rest.port},
 * {@code flink.jars}; {@link RemoteCluster}) against a session cluster it starts as JVMs of its own
 * on 127.0.0.1 ({@link FlinkSessionJvm}) and stops on close; {@code rest.*} and {@code flink.jars}
 * in the options give way to its own cluster's.
 */
public final class FlinkOnSession extends FlinkStreaming {
  static final EngineInfo INFO = FlinkStreaming.INFO.on("session", "a session cluster (JobManager, TaskManager in separate JVMs)",
      Map.of(StreamingClauses.NEXMARK_STATELESS, "the remote path runs windowed jobs only: a stateless job's outputs are"
          + " collected in the MiniCluster's JVM (see RemoteCluster)"));

  private final FlinkSessionJvm cluster;

  private FlinkOnSession(EngineOptions options, FlinkSessionJvm cluster) {
    super(options);
    this.cluster = cluster;
  }

  @Override
  public EngineInfo info() { return INFO; }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      cluster.close();
    }
  }

  /** Registers {@code flink@session}. */
  public static final class Provider implements EngineProvider {
    @Override public EngineInfo info() { return INFO; }

    @Override
    public Engine create(EngineOptions options) {
      return ClusterRow.start("flink@session", "the cluster", FlinkSessionJvm::start, cluster -> {
        return new FlinkOnSession(ClusterRow.options(Map.of(), options, Map.of("rest.address", "127.0.0.1",
            "rest.port", Integer.toString(cluster.restPort()), "flink.jars", String.join(",", cluster.jars()))), cluster);
      });
    }
  }
}
