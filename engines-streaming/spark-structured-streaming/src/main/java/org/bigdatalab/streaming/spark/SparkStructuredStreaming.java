package org.bigdatalab.streaming.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.functions;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.LateData;
import org.bigdatalab.streaming.RunOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;

/**
 * {@code spark-streaming}: the job as an Apache Spark Structured Streaming query on one
 * SparkSession kept for the engine's life. The query, and how its semantics map onto the SPI's
 * rules (d = out-of-orderness, L = allowed lateness, W = the SPI's watermark):
 * <ol>
 *   <li>Source: a {@code MemoryStream}; each scripted line is its own micro-batch, run by
 *       {@code processAllAvailable()} before the next is added, so nothing waits for the wall
 *       clock. Idle steps add no batch: the query has no processing-time logic for them to disturb.
 *       A script of more than {@code max.batches} lines (default 16; Nexmark's streams have
 *       hundreds) is cut into that many batches of consecutive lines: Spark's watermark then moves
 *       per batch, which changes nothing for events within the out-of-orderness bound (the batch's
 *       watermark is never above the per-line one) but decides lateness per batch, not per line.</li>
 *   <li>Parsing runs on the driver before a line enters the stream: a query has one sink, and the
 *       dead letters, which are not windowed, would need a second query over the same source.
 *       The aggregate parses the line again inside Spark.</li>
 *   <li>Event time: the event's timestamp as a {@code timestamp_millis} column. Spark's watermark
 *       starts at 0 and never goes below it, so times are shifted by a constant near 2^40 ms that is
 *       a multiple of the window size or slide, and shifted back in the results.</li>
 *   <li>{@code withWatermark(ts, d + L)}. Spark has one knob: between micro-batches its watermark
 *       becomes (largest event time so far) − delay; the next batch drops rows whose window ended at
 *       or before it and, in append mode, emits and forgets those windows. With one batch per line
 *       and delay = d + L, Spark's watermark after a line is W − L: a window is emitted exactly when
 *       the SPI calls it final (W ≥ end + L), and a row is dropped exactly when its window is final.
 *       Each result carries its batch's watermark as the SPI's, W = Spark's + L.</li>
 *   <li>Stateless jobs ({@link #runStateless}) are a {@code flatMap} that parses, filters and maps
 *       inside Spark, into a {@code foreachBatch} sink ({@link SparkStateless}).</li>
 *   <li>No-data batches are off: a window that the new watermark closes is emitted by the next
 *       batch, which runs at that same watermark, so results and their watermarks are as with them,
 *       in half the batches. The end of the bounded input is a marker row of its own key far in the
 *       future, then one more batch, which emits every window (at the SPI's end of time).</li>
 *   <li>{@code window(ts, size[, slide])} or {@code session_window(ts, gap)} (Spark merges sessions
 *       that touch, as the SPI does), grouped with the key; the aggregate is the SPI's own, as a typed
 *       {@code Aggregator} ({@link SpiAggregator}). Final results are append mode, collected by a
 *       {@code foreachBatch} sink; rows dropped as late are counted from each batch's progress
 *       ({@code numRowsDroppedByWatermark}).</li>
 *   <li>Crash-restore: Spark checkpoints offsets, commits and state at every micro-batch (more
 *       often than {@code checkpointEvery} asks). The crash makes the sink of the first batch at or
 *       after the crash step fail after writing, before Spark commits the batch; a new query on the
 *       same checkpoint replays that batch from the offset log and state store, and the sink, keyed by
 *       batch id, replaces what the failed attempt wrote.</li>
 * </ol>
 * What Spark cannot keep is declared in {@link #INFO}. Embedded ({@code local[*]}) by default;
 * with another {@code spark.master} the executors need this module's classes, and
 * {@code checkpoint.dir} a file system they share.
 */
public final class SparkStructuredStreaming implements StreamingEngine {

  public static final EngineInfo INFO = EngineInfo.builder("spark-streaming", Topic.STREAMING)
      .kind(EngineInfo.Kind.REAL)
      .displayName("Apache Spark Structured Streaming")
      .description("Spark 4 streaming aggregation with a watermark, append mode, foreachBatch sink;"
          + " local[*] by default, any master URL via spark.master")
      .unsupported(StreamingClauses.WATERMARK_MONOTONIC,
          "Spark fires windows at its watermark only in append mode; update mode (the SPI's updates) emits a"
              + " window after every micro-batch that changed it, before the watermark reaches its end, and the"
              + " watermark follows event times only, so a scripted watermark step cannot be taken")
      .unsupported(StreamingClauses.LATENESS_ALLOWED,
          "one delay decides both when a window is final and when rows are dropped, so late updates need update"
              + " mode, which has no on-time firing; rows past the watermark are dropped with no side output, and"
              + " numRowsDroppedByWatermark counts rows per window (a sliding event counts once per closed window)")
      .unsupported(StreamingClauses.EXACTLY_ONCE,
          "Spark restores from its checkpoint exactly once (offsets, commits and state at every micro-batch, replayed"
              + " into an idempotent foreachBatch sink; the module's own crash test checks final-results jobs), but this"
              + " clause's check also runs update-mode jobs, which the adapter refuses (see streaming.lateness.allowed)")
      .build();

  /**
   * {@code spark-streaming@standalone}: the same adapter with {@code spark.master=spark://127.0.0.1:<port>}
   * on a standalone master and worker in JVMs of their own ({@link org.bigdatalab.spi.fork.SparkStandaloneJvm}):
   * the aggregation, the parser and the stateless stages run in executor JVMs that get the lab's
   * classes only as {@code spark.jars}, and the state store writes its checkpoints from there into
   * {@code checkpoint.dir}, a directory the driver and the executors share.
   */
  public static final EngineInfo ON_STANDALONE = INFO.on("standalone",
      "a standalone cluster (master, worker, executors in separate JVMs)", Map.of());

  static final String FLUSH_KEY = "\u0000end-of-input";
  static final String FLUSH_LINE = "\u0000end-of-input";
  /** A time far beyond every test event (about year 4200) yet inside Spark's timestamp range. */
  private static final long FLUSH_TIME = 1L << 46;
  private static final long SHIFT = 1L << 40;

  private final EngineInfo info;
  private final AutoCloseable cluster;
  private final SparkSession spark;
  private final Path checkpoints;
  private final int maxBatches;

  public SparkStructuredStreaming() { this(EngineOptions.NONE); }

  public SparkStructuredStreaming(EngineOptions options) { this(options, INFO, null); }

  /**
   * @param info    {@link #INFO}, or the row of the deployment it runs on
   * @param cluster stopped after the session: the cluster this engine started, or null
   */
  SparkStructuredStreaming(EngineOptions options, EngineInfo info, AutoCloseable cluster) {
    this.info = info;
    this.cluster = cluster;
    String master = options.get("spark.master").orElse("local[*]");
    this.maxBatches = options.getInt("max.batches", 16);
    if (maxBatches < 1) {
      throw new IllegalArgumentException("max.batches " + maxBatches + " must be positive");
    }
    SparkSession.Builder builder = SparkSession.builder().appName("bigdata-lab-streaming").master(master)
        .config("spark.ui.enabled", "false")
        // one state partition: every micro-batch runs a task per partition, and test inputs are tiny
        .config("spark.sql.shuffle.partitions", "1")
        // a window due at the new watermark is emitted by the next batch, which runs at that same watermark
        .config("spark.sql.streaming.noDataMicroBatches.enabled", "false")
        // no idle progress events: each progress the adapter reads belongs to a batch
        .config("spark.sql.streaming.noDataProgressEventInterval", "1h")
        // the stateless queries use Spark's temporary checkpoints: remove them when the query stops
        .config("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true");
    if (master.startsWith("local")) {
      builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    options.values().forEach((k, v) -> {
      if (k.startsWith("spark.")) {
        builder.config(k, v);
      }
    });
    this.spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel(options.get("log.level").orElse("ERROR"));
    try {
      this.checkpoints = options.get("checkpoint.dir").isPresent()
          ? Files.createDirectories(Path.of(options.get("checkpoint.dir").get()))
          : Files.createTempDirectory("spark-streaming-checkpoints");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the checkpoint directory: " + e.getMessage(), e);
    }
  }

  @Override public EngineInfo info() { return info; }

  @Override public LateData lateData() { return LateData.COUNTED_DROP; }

  @Override
  public synchronized <T, A, R> StreamingResult<R> run(StreamingJob<T, A, R> job, ScriptedSource source, RunOptions options)
      throws StreamingFailedException {
    if (job.mode() != StreamingJob.OutputMode.FINAL) {
      throw new UnsupportedOperationException("spark-streaming runs final-results jobs only: "
          + INFO.unsupported().get(StreamingClauses.LATENESS_ALLOWED));
    }
    for (int i = 0; i < source.size(); i++) {
      if (source.steps().get(i) instanceof ScriptedSource.Watermark) {
        throw new UnsupportedOperationException("spark-streaming cannot take a scripted watermark (step " + i + "): "
            + INFO.unsupported().get(StreamingClauses.WATERMARK_MONOTONIC));
      }
    }
    long shift = shiftFor(job.windows());
    MemoryStream<Arrival> input = MemoryStream.apply(Encoders.bean(Arrival.class), spark.sqlContext());
    List<DeadLetter> dead = new ArrayList<>();
    try (QueryRun run = new QueryRun(input, aggregation(job, input), Files.createTempDirectory(checkpoints, "run"))) {
      int perBatch = linesPerBatch(source);
      List<Arrival> batch = new ArrayList<>();
      for (int i = 0; i < source.size(); i++) {
        if (i == options.crashBeforeStep()) {
          run.armCrash();
        }
        for (String line : lines(source.steps().get(i))) {
          Arrival arrival = parse(job, i, line, shift, dead);
          if (arrival != null) {
            batch.add(arrival);
          }
          if (batch.size() == perBatch) {
            run.add(batch);
            batch = new ArrayList<>();
          }
        }
      }
      if (!batch.isEmpty()) {
        run.add(batch);
      }
      // the end marker raises the watermark past every window; the batch after it emits them
      run.add(List.of(new Arrival(-1, FLUSH_KEY, FLUSH_TIME, FLUSH_LINE)));
      run.add(List.of(new Arrival(-1, FLUSH_KEY, FLUSH_TIME, FLUSH_LINE)));
      return result(job, run, shift, dead);
    } catch (UnsupportedOperationException e) {
      throw e;
    } catch (Exception e) {
      // also the StreamingQueryException that Spark's Scala code throws undeclared
      Throwable cause = QueryRun.rootCause(e);
      throw new StreamingFailedException("spark-streaming query failed: " + cause, cause);
    }
  }

  @Override
  public synchronized <T, R> StatelessResult<R> runStateless(StatelessJob<T, R> job, ScriptedSource source)
      throws StreamingFailedException {
    int perBatch = linesPerBatch(source);
    List<List<Arrival>> batches = new ArrayList<>();
    for (int i = 0; i < source.size(); i++) {
      for (String line : lines(source.steps().get(i))) {
        if (batches.isEmpty() || batches.get(batches.size() - 1).size() == perBatch) {
          batches.add(new ArrayList<>());
        }
        batches.get(batches.size() - 1).add(new Arrival(i, null, 0, line));
      }
    }
    try {
      return SparkStateless.run(spark, job, batches);
    } catch (Exception e) {
      // also the StreamingQueryException that Spark's Scala code throws undeclared
      Throwable cause = QueryRun.rootCause(e);
      throw new StreamingFailedException("spark-streaming stateless job " + job.name() + " failed: " + cause, cause);
    }
  }

  /** The lines of a step: a line, a typed batch's lines (no typed path here: Spark reads them as lines), or none. */
  private static List<String> lines(ScriptedSource.Step step) {
    if (step instanceof ScriptedSource.Line line) {
      return List.of(line.text());
    }
    if (step instanceof ScriptedSource.Events<?> batch) {
      List<String> lines = new ArrayList<>(batch.size());
      for (int e = 0; e < batch.size(); e++) {
        lines.add(batch.line(e));
      }
      return lines;
    }
    return List.of();
  }

  /** One line per micro-batch, or as many as keep a run within {@code maxBatches} batches. */
  private int linesPerBatch(ScriptedSource source) {
    long lines = source.steps().stream().mapToLong(s -> s instanceof ScriptedSource.Events<?> e ? e.size()
        : s instanceof ScriptedSource.Line ? 1 : 0).sum();
    return (int) Math.max(1, (lines + maxBatches - 1) / maxBatches);
  }

  /** The streaming aggregation: event time, watermark with delay d + L, windows by key, the SPI aggregate. */
  private <T, A, R> Dataset<Row> aggregation(StreamingJob<T, A, R> job, MemoryStream<Arrival> input) {
    // tag::guide-aggregation[] (shown in the study guide)
    long delay = StreamingJob.plus(job.outOfOrderness(), job.allowedLateness());
    Dataset<Row> events = input.toDF().withColumn("ts", functions.timestamp_millis(col("time")))
        .withWatermark("ts", ms(delay));
    Column window = job.windows() instanceof Windows.Tumbling t ? functions.window(col("ts"), ms(t.size()))
        : job.windows() instanceof Windows.Sliding s ? functions.window(col("ts"), ms(s.size()), ms(s.slide()))
        : functions.session_window(col("ts"), ms(((Windows.Session) job.windows()).gap()));
    Column aggregate = functions.udaf(new SpiAggregator<>(job.parser(), job.aggregate(), FLUSH_LINE), Encoders.STRING())
        .apply(col("line"));
    return events.groupBy(window.as("window"), col("key")).agg(aggregate.as("value"))
        .select(col("key"), functions.unix_millis(col("window.start")), functions.unix_millis(col("window.end")), col("value"));
    // end::guide-aggregation[]
  }

  /** Parses on the driver: a refused line becomes a dead letter, any other failure of a user function fails the run. */
  private static <T> Arrival parse(StreamingJob<T, ?, ?> job, int step, String line, long shift, List<DeadLetter> dead) {
    T event;
    try {
      event = job.parser().parse(line);
    } catch (BadRecordException e) {
      dead.add(new DeadLetter(step, line, e.getMessage()));
      return null;
    }
    return new Arrival(step, job.key().of(event), job.timestamp().of(event) + shift, line);
  }

  /** The batches' rows in commit order, each with the SPI watermark of the batch that emitted it. */
  @SuppressWarnings("unchecked")
  private static <R> StreamingResult<R> result(StreamingJob<?, ?, R> job, QueryRun run, long shift, List<DeadLetter> dead) {
    Map<Long, Long> sparkMarks = run.watermarks();
    List<Long> watermarks = new ArrayList<>();
    sparkMarks.values().forEach(m -> {
      long mark = spiWatermark(m, shift, job.allowedLateness());
      if (m > 0 && (watermarks.isEmpty() || watermarks.get(watermarks.size() - 1) != mark)) {
        watermarks.add(mark);
      }
    });
    List<WindowResult<R>> results = new ArrayList<>();
    run.written().forEach((batch, rows) -> rows.stream().filter(r -> !FLUSH_KEY.equals(r.key())).forEach(r ->
        results.add(new WindowResult<>(r.key(), new Window(r.start() - shift, r.end() - shift), (R) r.value(),
            WindowResult.Firing.FINAL, spiWatermark(sparkMarks.getOrDefault(batch, 0L), shift, job.allowedLateness())))));
    return new StreamingResult<>(results, watermarks, List.of(), run.droppedByWatermark(), dead, run.restarts());
  }

  /** Spark's watermark (shifted) as the SPI's: shifted back, plus the lateness Spark's delay includes; the end marker's is the end of time. */
  private static long spiWatermark(long sparkMark, long shift, long lateness) {
    return sparkMark > FLUSH_TIME - SHIFT ? Long.MAX_VALUE : StreamingJob.plus(sparkMark - shift, lateness);
  }

  /** A shift near 2^40 ms that keeps window starts aligned: a multiple of the size (tumbling) or slide (sliding). */
  static long shiftFor(Windows windows) {
    long unit = windows instanceof Windows.Tumbling t ? t.size() : windows instanceof Windows.Sliding s ? s.slide() : 1;
    return (SHIFT / unit + 1) * unit;
  }

  private static String ms(long millis) { return millis + " milliseconds"; }

  @Override
  public void close() throws IOException {
    spark.stop();
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        throw new IOException("spark-streaming: stopping the cluster it started failed: " + e.getMessage(), e);
      }
    }
  }
}
