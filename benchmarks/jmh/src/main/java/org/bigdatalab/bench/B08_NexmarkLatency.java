package org.bigdatalab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/*
 * End-to-end latency of Nexmark's windowed queries on every streaming engine: from the ingest of
 * the event whose watermark makes a window due to the engine making that window's result, for
 * every result of every measured run (NexmarkLatencyProbe: a comparison per event, no clock read
 * per event). Warm-up runs are not recorded. The percentiles (p50, p99, p99.9, max, in
 * microseconds) and the runs recorded go to a file the parent reads (latencyFile, per engine,
 * query and source); JMH's own time per run is only a by-product here (B06 measures throughput
 * without the probe). The query parameter takes the windowed queries only (NexmarkWorkload names
 * them); each runs from lines and from typed events. The probe wraps the job's aggregate to stamp
 * results, so stream-parallel's primitive tumbling count (TumblingCount, which needs
 * Aggregate.count() itself) is not what B08 times for COUNT: its latency is that of the generic
 * window state behind the same typed hand-off.
 *
 * Real engines run here too, each in the JVM ForkedBench starts with its module's class path (JMH's
 * fork inherits it), with their tasks embedded in that JVM. Flink serializes the job's functions,
 * so the instrumented time function and aggregate hold the probe's id, not the probe, and find it
 * in a static registry of the JVM (once per deserialized copy); noting a new millisecond is
 * synchronized, since Flink's source task, the watermark generator and stream-parallel's shards
 * may read times on different threads. Every engine puts on a result the watermark that fired it,
 * so "due" is never derived from the window's end (which would be end + d + L here, d = L = 0):
 *   stream-sequential / stream-parallel: result() when the window fires, in its shard; the time
 *     is read where the source hands the event over (a typed scan: whichever of the source thread
 *     and the shards reads it first).
 *   flink (MiniCluster, parallelism 1): ingest = the timestamp assigner chained to the source
 *     task; result() = getResult when the window operator's trigger fires (in the window task,
 *     after the network hand-off from the source task: default 100 ms buffer timeout, watermarks
 *     in-band behind the records), with the SPI watermark (Flink's + 1) of that firing. Not
 *     counted: the way to the two-phase sink, which publishes at a checkpoint or the job's end.
 *   kafka-streams (TopologyTestDriver, the engine's default): ingest = the adapter reading the
 *     line's time just before piping it; result() is called in the foreach after suppression lets
 *     the window out, i.e. at emission, and the watermark is the adapter's stream time − bound
 *     before that record, so the latency is the driver processing the one record that closes the
 *     windows (repartition and suppression included, synchronously). On a broker (BrokerRun)
 *     result() runs when the lab reads the output topic after the end marker, so a stamp there
 *     would measure the rest of the run: not what B08 is for, and not what lab bench runs.
 *   spark-streaming (if named): ingest = the driver parsing a line into its micro-batch (at most
 *     max.batches batches a run); result() = SpiAggregator.finish in the batch that emits the
 *     window (the one after the batch whose watermark closes it), watermark = that batch's.
 * Real engines take seconds to minutes per run, so above NexmarkWorkload.REAL_LATENCY_EVENTS (250K)
 * their latency gets one measured run per query and source (the table's runs column says so).
 *
 * Measured runs, and how to read a burst's latencies: benchmarks/RESULTS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class B08_NexmarkLatency {

  /** B06's run (size, engine, query and the engine made in the trial's setup), plus the probe. */
  @State(Scope.Benchmark)
  public static class Run extends B06_NexmarkThroughput.Run {
    NexmarkLatencyProbe probe;
    boolean measuring;

    @Setup(Level.Trial)
    public void startProbe() {
      probe = new NexmarkLatencyProbe(NexmarkData.events(size));
    }

    /** Only measured iterations are recorded. */
    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
      measuring = params.getType() == IterationType.MEASUREMENT;
    }

    @TearDown(Level.Trial)
    public void writeProbe() throws IOException {
      probe.close();
      writeLatency(size, engine, query + "-" + source, probe);
    }
  }

  @Benchmark
  public long measureLatency(Run run) throws Exception {
    run.probe.reset();
    var result = run.streaming.run(run.probe.instrument(run.q.windowedJob()), run.q.source(run.data, run.source));
    if (run.measuring) {
      run.probe.record(result);
    }
    return result.results().size();
  }

  static Path latencyFile(String size, String engine, String query) {
    return BenchData.dir().resolve("nexmark-latency-" + size + "-" + engine + "-" + query + ".txt");
  }

  /** p50 p99 p99.9 max count (microseconds), then the runs recorded, one line. */
  private static void writeLatency(String size, String engine, String query, NexmarkLatencyProbe probe) throws IOException {
    var h = probe.micros;
    Path file = latencyFile(size, engine, query);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.format(Locale.ROOT, "%d %d %d %d %d %d", h.getValueAtPercentile(50), h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9), h.getMaxValue(), h.getTotalCount(), probe.runs));
  }
}
