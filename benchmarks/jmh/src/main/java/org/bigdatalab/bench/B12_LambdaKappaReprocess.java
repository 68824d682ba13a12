package org.bigdatalab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.bigdatalab.lambda.KappaPipeline;
import org.bigdatalab.lambda.LambdaPipeline;
import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.StartFrom;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.lambda.spec.ClickViews;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.streaming.spec.Click;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/*
 * Reprocessing N events: how long does Kappa's answer (replay the log from offset 0 through the
 * streaming job) take against Lambda's (recompute the batch view over the master dataset with the
 * dataflow engine), on each pipeline combination, and how far is either from a hand-written loop
 * that parses the same lines and sums them into a hash map on one thread (the baseline, in the lab
 * JVM, same run)?
 *
 * Both pipelines compute the spec's spend view (sum per user and 10 ms window) over the same
 * ClickStream, appended to a two-partition topic before the clock runs. The Lambda pipeline's first
 * batch run (copying the log into the master dataset) is set-up too, so lambdaRecompute times what
 * a batch run over an unchanged master costs: reading the master and recomputing every view
 * value. kappaReplay times a fresh job from the earliest offset to the log's end: reading the log
 * (log-local: segment files, CRC32C checked), parsing, windowing, summing. Each result is checked
 * against the hand-written view at set-up and its size after every call: a fast wrong view is not
 * a result. servingQuery times the serving layer's query (batch and realtime views merged; 90% of
 * the clicks batched, the rest in the speed layer), each call's latency in an HdrHistogram. The log is built with fsync=on-close (a per-append fsync would time the disk, not the
 * pipeline; the append cost is B13's), log-local's segments in the JVM's temporary directory.
 *
 * Run: ./lab bench --workload lambda-kappa [--size small|full|1M]; the pipeline rows run in a JVM
 * with engines-streaming/lambda's class path (ForkedBench), the baseline here.
 * Measured runs: benchmarks/RESULTS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class B12_LambdaKappaReprocess {
  static final String TOPIC = "clicks";
  static final int PARTITIONS = 2;

  /** The events alone, for the hand-written loop. */
  @State(Scope.Benchmark)
  public static class Events {
    @Param("100K")
    public String size;
    List<String> lines;

    @Setup(Level.Trial)
    public void setUp() {
      lines = ClickStream.of(size).lines;
    }
  }

  /** A pipeline engine with the events on its log, and both pipelines over them. */
  @State(Scope.Benchmark)
  public static class Pipelines {
    @Param("lambda:df-sequential+stream-sequential+log-memory")
    public String engine;
    @Param("100K")
    public String size;
    PipelineEngine pipelines;
    LambdaPipeline lambda;
    KappaPipeline kappa;
    int viewSize;

    @Setup(Level.Trial)
    public void setUp() {
      pipelines = open(engine);
      ClickStream stream = ClickStream.of(size);
      append(pipelines, stream);
      lambda = pipelines.lambda(TOPIC, ClickViews.spend());
      lambda.runBatch();
      kappa = pipelines.kappa(TOPIC, ClickViews.spend(), 10_000);
      Map<ViewKey, Long> expected = ClickStream.view(ClickViews.spend(), stream.lines);
      viewSize = expected.size();
      if (!lambda.batchView().equals(expected) || !kappa.replay(new StartFrom.Earliest()).equals(expected)) {
        throw new IllegalStateException(engine + " does not compute the hand-written view of " + size + " clicks");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      pipelines.close();
    }
  }

  /**
   * A Lambda pipeline whose serving layer merges both views: 90% of the clicks batched, the rest
   * read by the speed layer. Each query's latency goes to an HdrHistogram (measured iterations
   * only), written to {@link #servingFile} when the trial ends, for the workload to read.
   */
  @State(Scope.Benchmark)
  public static class Serving {
    @Param("lambda:df-sequential+stream-sequential+log-memory")
    public String engine;
    @Param("100K")
    public String size;
    PipelineEngine pipelines;
    LambdaPipeline lambda;
    int viewSize;
    boolean measuring;
    final Histogram micros = new Histogram(3);

    @Setup(Level.Trial)
    public void setUp() {
      pipelines = open(engine);
      ClickStream stream = ClickStream.of(size);
      int batched = stream.clicks.size() / 10 * 9;
      pipelines.log().createTopic(TOPIC, PARTITIONS);
      stream.clicks.subList(0, batched).forEach(c -> append(pipelines, c));
      lambda = pipelines.lambda(TOPIC, ClickViews.spend());
      lambda.runBatch();
      stream.clicks.subList(batched, stream.clicks.size()).forEach(c -> append(pipelines, c));
      lambda.runSpeed();
      Map<ViewKey, Long> expected = ClickStream.view(ClickViews.spend(), stream.lines);
      viewSize = expected.size();
      if (lambda.realtimeView().isEmpty() || !lambda.query().equals(expected)) {
        throw new IllegalStateException(engine + "'s serving layer does not give the hand-written view of " + size + " clicks");
      }
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
      measuring = params.getType() == IterationType.MEASUREMENT;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      pipelines.close();
      Path file = servingFile(size, engine);
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.format(Locale.ROOT, "%d %d %d %d", micros.getValueAtPercentile(50),
          micros.getValueAtPercentile(99), micros.getMaxValue(), micros.getTotalCount()));
    }
  }

  /** p50 p99 max count, in microseconds, of one engine's serving queries at one size. */
  static Path servingFile(String size, String engine) {
    return BenchData.dir().resolve("lambda-kappa-serving-" + size + "-" + engine.replaceAll("[^A-Za-z0-9.+-]", "_") + ".txt");
  }

  /** The engine by id, its log without an fsync per append. */
  static PipelineEngine open(String id) {
    return (PipelineEngine) EngineRegistry.load().provider(id).create(EngineOptions.parse(List.of("fsync=on-close")));
  }

  static void append(PipelineEngine pipelines, ClickStream stream) {
    pipelines.log().createTopic(TOPIC, PARTITIONS);
    stream.clicks.forEach(c -> append(pipelines, c));
  }

  /** Appends a click as the spec's producers do: partition by user, the click's time as the record's. */
  static void append(PipelineEngine pipelines, Click c) {
    pipelines.log().append(TOPIC, Math.floorMod(c.user().hashCode(), PARTITIONS), LogRecord.of(c.user(), c.line(), c.time()));
  }

  @Benchmark
  public Map<ViewKey, Long> handWritten(Events events) {
    return ClickStream.view(ClickViews.spend(), events.lines);
  }

  @Benchmark
  public Map<ViewKey, Long> kappaReplay(Pipelines p) {
    return checked(p, p.kappa.replay(new StartFrom.Earliest()));
  }

  @Benchmark
  public Map<ViewKey, Long> lambdaRecompute(Pipelines p) {
    p.lambda.runBatch();
    return checked(p, p.lambda.batchView());
  }

  @Benchmark
  public int servingQuery(Serving s) {
    long start = System.nanoTime();
    int entries = s.lambda.query().size();
    if (s.measuring) {
      s.micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
    }
    if (entries != s.viewSize) {
      throw new IllegalStateException(s.engine + ": the serving layer answered " + entries + " entries, not " + s.viewSize);
    }
    return entries;
  }

  private static Map<ViewKey, Long> checked(Pipelines p, Map<ViewKey, Long> view) {
    if (view.size() != p.viewSize) {
      throw new IllegalStateException(p.engine + ": a view of " + view.size() + " entries, not " + p.viewSize);
    }
    return view;
  }
}
