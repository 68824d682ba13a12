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
 * End-to-end latency of Nexmark's windowed queries on the in-process engines: from the ingest of
 * the event whose watermark makes a window due to the engine making that window's result, for
 * every result of every measured run (NexmarkLatencyProbe: a comparison per event, no clock read
 * per event). Warm-up runs are not recorded. The percentiles (p50, p99, p99.9, max, in
 * microseconds) go to a file the parent reads (latencyFile, per engine, query and source); JMH's own time per run is only a
 * by-product here (B06 measures throughput without the probe). The query parameter takes the
 * windowed queries only (NexmarkBench names them); each runs from lines and from typed events.
 * The probe wraps the job's aggregate to stamp results, so stream-parallel's primitive tumbling
 * count (TumblingCount, which needs Aggregate.count() itself) is not what B08 times for COUNT: its
 * latency is that of the generic window state behind the same typed hand-off.
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
    var result = run.streaming.run(run.probe.instrument(run.q.windowedJob()), run.q.source(run.data, run.typed()));
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
