package org.bigdatalab.streaming.flink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;

/**
 * A Flink cluster elsewhere, reached through its REST endpoint: options {@code rest.address}
 * (selects this mode), {@code rest.port} (default 8081), and {@code flink.jars}, a comma-separated
 * list of jars shipped with each job (this adapter, the SPI and the job's own classes; the cluster
 * has none of them). The job is the same; what differs is how its output comes back: there is no
 * shared JVM, so outputs come through Flink's collect sink ({@code collectAsync}), whose client
 * only hands out what a completed checkpoint covers when checkpointing is on (exactly-once across a
 * restart), and the restarts through an accumulator. Watermarks cannot be observed from the
 * client; they are recomputed from the script with the rule the job's generator runs.
 *
 * <p>Not tested against a real cluster here (none is reachable); the adapter's tests run this mode
 * against a MiniCluster's REST endpoint.
 */
final class RemoteCluster {
  private final String host;
  private final int port;
  private final String[] jars;

  private RemoteCluster(String host, int port, String[] jars) {
    this.host = host;
    this.port = port;
    this.jars = jars;
  }

  /** The remote cluster the options name, or null for the embedded MiniCluster. */
  static RemoteCluster from(EngineOptions options) {
    if (options.get("jobmanager.address").isPresent() && options.get("rest.address").isEmpty()) {
      throw new IllegalArgumentException("flink: a remote cluster is reached through its REST endpoint:"
          + " give rest.address (and rest.port), not jobmanager.address");
    }
    return options.get("rest.address").map(host -> new RemoteCluster(host, options.getInt("rest.port", 8081),
        options.get("flink.jars").map(j -> Arrays.stream(j.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .toArray(String[]::new)).orElse(new String[0]))).orElse(null);
  }

  StreamExecutionEnvironment environment(Configuration job) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(host, port, job, jars);
    env.setParallelism(1);
    return env;
  }

  /** Runs the job and gathers its outputs from the collect sink. */
  <R> StreamingResult<R> run(StreamExecutionEnvironment env, DataStream<Object> outputs, String name,
      Functions.ScriptWatermarks.Rule<?> rule, List<Tuple3<Integer, Integer, String>> steps) throws Exception {
    Runs.Sink collected = new Runs.Sink();
    JobExecutionResult done;
    try (CloseableIterator<Object> it = outputs.collectAsync()) {
      JobClient client = env.executeAsync(name);
      List<Object> all = new ArrayList<>();
      it.forEachRemaining(all::add);
      collected.publish(0, all);
      done = client.getJobExecutionResult().get();
    }
    List<Long> marks = new ArrayList<>();
    long mark = Long.MIN_VALUE;
    for (Tuple3<Integer, Integer, String> step : steps) {
      long next = rule.advance(mark, step);
      if (next > mark) {
        marks.add(next);
        mark = next;
      }
    }
    marks.add(Long.MAX_VALUE);
    @SuppressWarnings("unchecked")
    List<WindowResult<R>> results = (List<WindowResult<R>>) (List<?>) new ArrayList<>(collected.results);
    return new StreamingResult<>(results, marks, collected.late, 0, collected.dead, CrashOnce.restarts(done));
  }
}
