package org.bigdatalab.streaming.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
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
 * {@code kafka-streams}: the job as a Kafka Streams topology (branch bad lines to dead letters,
 * group by key, windowed aggregate, {@code suppress(untilWindowCloses)} for final results), run
 * by {@link TopologyTestDriver} with no broker. The mapping, and why it matches the SPI's rules:
 * <ol>
 *   <li>Event time: a {@code TimestampExtractor} reads the event's own timestamp (not the wall clock,
 *       the seed's bug). Kafka refuses negative timestamps, so times are shifted by an offset that is
 *       a multiple of the window size or slide, and shifted back in the results.</li>
 *   <li>Kafka has no watermark; its stream time is the largest timestamp seen. The SPI's watermark is
 *       stream time minus the out-of-orderness bound, so grace = bound + allowed lateness closes the
 *       same windows at the same moments.</li>
 *   <li>A bounded input has no end in Kafka: a flush record far in the future closes every window; it
 *       is its own key and its results are not reported.</li>
 *   <li>Idle steps advance the driver's wall-clock time (which fires wall-clock punctuators, of which
 *       this topology has none); scripted watermark steps cannot be expressed and are refused.</li>
 *   <li>Results, dead letters and the dropped-records metric are read in-process, not from output topics.</li>
 * </ol>
 * With {@code bootstrap.servers} in its options the same topologies run on a real broker instead:
 * see {@link BrokerRun} and {@link BrokerOptions}.
 */
public class KafkaStreamsEngine implements StreamingEngine {

  static final EngineInfo INFO = EngineInfo.builder("kafka-streams", Topic.STREAMING)
      .kind(EngineInfo.Kind.REAL)
      .displayName("Kafka Streams (TopologyTestDriver)")
      .description("Kafka Streams DSL topology with grace and suppression, run by TopologyTestDriver")
      .unsupported(StreamingClauses.WATERMARK_MONOTONIC,
          "Kafka Streams emits no watermarks: its stream time is internal to each task")
      .unsupported(StreamingClauses.LATENESS_ALLOWED,
          "with caching off Kafka Streams emits an update per record rather than on-time and late firings;"
              + " events past grace are only counted in a metric, with no side output")
      .unsupported(StreamingClauses.EXACTLY_ONCE,
          "TopologyTestDriver runs one task in-process with no broker, so there is no crash to restore from;"
              + " exactly-once needs processing.guarantee=exactly_once_v2 against real brokers")
      .build();

  private static final String INPUT = "lines";
  static final String FLUSH_KEY = "\u0000flush";
  static final String FLUSH_LINE = "\u0000flush";

  /** The broker the options name ({@code bootstrap.servers}), or null for TopologyTestDriver. */
  private final BrokerOptions broker;

  public KafkaStreamsEngine() { this(EngineOptions.NONE); }

  /** Options: none for TopologyTestDriver; {@code bootstrap.servers} and the keys of {@link BrokerOptions} for a real broker. */
  public KafkaStreamsEngine(EngineOptions options) {
    this.broker = BrokerOptions.from(options);
  }

  @Override
  public EngineInfo info() { return broker == null ? INFO : BrokerOptions.INFO; }

  @Override
  public LateData lateData() { return LateData.COUNTED_DROP; }

  @Override
  public <T, A, R> StreamingResult<R> run(StreamingJob<T, A, R> job, ScriptedSource source, RunOptions options)
      throws StreamingFailedException {
    if (options.crashes()) {
      throw new UnsupportedOperationException(info().unsupported().get(StreamingClauses.EXACTLY_ONCE));
    }
    if (job.mode() != StreamingJob.OutputMode.FINAL) {
      throw new UnsupportedOperationException("kafka-streams runs final-results jobs only: "
          + INFO.unsupported().get(StreamingClauses.LATENESS_ALLOWED));
    }
    long offset = offsetFor(job.windows());
    if (broker != null) {
      return BrokerRun.run(this, broker, job, source, offset);
    }
    List<WindowResult<R>> results = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    long[] watermark = {Long.MIN_VALUE};

    StreamsBuilder builder = new StreamsBuilder();
    WindowedStreams<A> streams = windowed(builder, INPUT, job, timestampExtractor(job, offset, FLUSH_LINE));
    streams.badLines()
        .foreach((step, line) -> dead.add(new DeadLetter(Integer.parseInt(step), line, reason(job, line))));
    streams.finals()
        .filter((k, acc) -> !FLUSH_KEY.equals(k.key()))
        .foreach((k, acc) -> results.add(new WindowResult<>(k.key(), windowOf(job, k, offset),
            job.aggregate().result(acc), WindowResult.Firing.FINAL, watermark[0])));

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config())) {
      TestInputTopic<String, String> input = driver.createInputTopic(INPUT, new StringSerializer(), new StringSerializer());
      long maxTime = Long.MIN_VALUE;
      for (int i = 0; i < source.steps().size(); i++) {
        ScriptedSource.Step step = source.steps().get(i);
        if (step instanceof ScriptedSource.Watermark) {
          throw new UnsupportedOperationException("kafka-streams cannot take a scripted watermark (step " + i
              + "): " + INFO.unsupported().get(StreamingClauses.WATERMARK_MONOTONIC));
        } else if (step instanceof ScriptedSource.Idle idle) {
          driver.advanceWallClockTime(Duration.ofMillis(idle.millis()));
        } else if (step instanceof ScriptedSource.Line line) {
          maxTime = pipe(job, input, i, line.text(), maxTime, watermark);
        } else if (step instanceof ScriptedSource.Events<?> batch) {
          for (int e = 0; e < batch.size(); e++) { // no typed path: the lines the batch stands for
            maxTime = pipe(job, input, i, batch.line(e), maxTime, watermark);
          }
        }
      }
      watermark[0] = Long.MAX_VALUE;
      input.pipeInput(FLUSH_KEY, FLUSH_LINE);
      long dropped = driver.metrics().entrySet().stream()
          .filter(e -> e.getKey().name().equals("dropped-records-total"))
          .mapToLong(e -> ((Number) e.getValue().metricValue()).longValue()).sum();
      return new StreamingResult<>(results, List.of(), List.of(), dropped, dead, 0);
    } catch (RuntimeException e) {
      throw new StreamingFailedException("kafka-streams topology failed: " + e, e);
    }
  }

  /** A stateless job: see {@link KafkaStateless}. */
  @Override
  public <T, R> StatelessResult<R> runStateless(StatelessJob<T, R> job, ScriptedSource source)
      throws StreamingFailedException {
    return broker == null ? KafkaStateless.run(job, source, config()) : BrokerStateless.run(broker, job, source);
  }

  /** The two ends of the windowed topology: bad lines, and each window's final accumulator (the flush key's too). */
  record WindowedStreams<A>(KStream<String, String> badLines, KStream<Windowed<String>, A> finals) {}

  /**
   * The windowed topology both paths run (TopologyTestDriver, or a broker through {@link BrokerRun}):
   * the lines of topic {@code input} with record time from {@code time}, split into bad lines and
   * the final results of the job's windows (grace = bound + lateness, then suppression).
   */
  static <T, A> WindowedStreams<A> windowed(StreamsBuilder builder, String input, StreamingJob<T, A, ?> job,
      TimestampExtractor time) {
    KStream<String, String> lines = builder.stream(input, Consumed.with(Serdes.String(), Serdes.String())
        .withTimestampExtractor(time));
    KStream<String, String> bad = lines.filterNot((step, line) -> FLUSH_LINE.equals(line) || parses(job, line));
    KGroupedStream<String, String> grouped = lines.filter((step, line) -> FLUSH_LINE.equals(line) || parses(job, line))
        .groupBy((step, line) -> FLUSH_LINE.equals(line) ? FLUSH_KEY : job.key().of(job.parser().parse(line)),
            Grouped.with(Serdes.String(), Serdes.String()));
    Serde<A> accs = JavaSerde.create();
    // tag::guide-window[] (shown in the study guide)
    long grace = StreamingJob.plus(job.outOfOrderness(), job.allowedLateness());
    KTable<Windowed<String>, A> table;
    if (job.windows() instanceof Windows.Session s) {
      table = grouped.windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(s.gap()), Duration.ofMillis(grace)))
          .aggregate(job.aggregate()::create, (k, line, acc) -> add(job, acc, line), (k, a, b) -> job.aggregate().merge(a, b),
              Materialized.with(Serdes.String(), accs));
    } else {
      TimeWindows windows = job.windows() instanceof Windows.Sliding s
          ? TimeWindows.ofSizeAndGrace(Duration.ofMillis(s.size()), Duration.ofMillis(grace)).advanceBy(Duration.ofMillis(s.slide()))
          : TimeWindows.ofSizeAndGrace(Duration.ofMillis(((Windows.Tumbling) job.windows()).size()), Duration.ofMillis(grace));
      table = grouped.windowedBy(windows)
          .aggregate(job.aggregate()::create, (k, line, acc) -> add(job, acc, line), Materialized.with(Serdes.String(), accs));
    }
    return new WindowedStreams<>(bad, table.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())).toStream());
    // end::guide-window[]
  }

  /** The SPI's window of a Kafka window: shifted back by the offset; a session ends a gap after its last event. */
  static Window windowOf(StreamingJob<?, ?, ?> job, Windowed<String> k, long offset) {
    long sessionGap = job.windows() instanceof Windows.Session s ? s.gap() : 0;
    return new Window(k.window().start() - offset, k.window().end() - offset + sessionGap);
  }

  /** Where record time comes from: the event. The self-test overrides it with Kafka's wall-clock extractor to show the clause catching it. */
  protected <T> TimestampExtractor timestampExtractor(StreamingJob<T, ?, ?> job, long offset, String flushLine) {
    return new EventTimeExtractor<>(job, offset, flushLine);
  }

  private static <T, A> A add(StreamingJob<T, A, ?> job, A acc, String line) {
    return FLUSH_LINE.equals(line) ? acc : job.aggregate().add(acc, job.parser().parse(line));
  }

  static boolean parses(StreamingJob<?, ?, ?> job, String line) {
    try {
      job.parser().parse(line);
      return true;
    } catch (BadRecordException e) {
      return false;
    }
  }

  static String reason(StreamingJob<?, ?, ?> job, String line) {
    try {
      job.parser().parse(line);
      return "parses";
    } catch (BadRecordException e) {
      return e.getMessage();
    }
  }

  static <T> Long timeOf(StreamingJob<T, ?, ?> job, String line) {
    try {
      return job.timestamp().of(job.parser().parse(line));
    } catch (BadRecordException e) {
      return null;
    }
  }

  /** A shift that makes every test time positive and keeps window starts where they were (a multiple of the size or slide). */
  static long offsetFor(Windows windows) {
    long unit = windows instanceof Windows.Tumbling t ? t.size() : windows instanceof Windows.Sliding s ? s.slide() : 1;
    long base = 1L << 40;
    return (base / unit + 1) * unit;
  }

  static Properties config() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bigdatalab-streaming");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "driver:9092");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
    return props;
  }

  /** Pipes one line of step {@code step}, tracking the largest time seen and the watermark it implies. */
  private static long pipe(StreamingJob<?, ?, ?> job, TestInputTopic<String, String> input, int step, String line, long maxTime,
      long[] watermark) {
    Long time = timeOf(job, line);
    if (time != null && time > maxTime) {
      maxTime = time;
      watermark[0] = time - job.outOfOrderness();
    }
    input.pipeInput(Integer.toString(step), line);
    return maxTime;
  }

}
