package org.bigdatalab.guide;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.functions.windowing.WindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/*
 * Why: the seed's Flink job reads with FlinkKafkaConsumer, writes with FlinkKafkaProducer and sizes
 * its window with Time.minutes(5). Flink 2 and its Kafka connector removed all three. This is the
 * seed's job written against today's API: KafkaSource with fromSource, KafkaSink with sinkTo, and
 * java.time.Duration for every size.
 *
 * How: compiled in the flink module against Flink 2 and flink-connector-kafka, run by the guide in a
 * JVM with that class path (Ch09_RemovedApis). The job's middle (timestamps, watermarks, the 5-minute
 * window, the count) is one method; it runs for real on a local MiniCluster over in-memory events;
 * the Kafka-connected job is built into Flink's stream graph, whose operators are printed, but not
 * submitted: the guide starts no Kafka broker here (chapter 17 does, for its own pipeline).
 */
public final class Ch09_TodaysKafkaConnector {
  private Ch09_TodaysKafkaConnector() {}

  // tag::today[]
  /** Clicks per user in 5-minute event-time windows; an event is "user click HH:MM:SS". */
  static DataStream<String> clickCounts(DataStream<String> events) {
    return events
        .filter(e -> e.contains(" click "))
        .keyBy(e -> e.split(" ")[0])
        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(5)))          // was Time.minutes(5)
        .aggregate(new CountClicks(), new NameWindow());
  }

  static WatermarkStrategy<String> eventTime() {
    return WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(10))
        .withTimestampAssigner((event, previous) -> timeOf(event));
  }

  /** The seed's job end to end: was addSource(new FlinkKafkaConsumer<>(...)) and addSink(new FlinkKafkaProducer<>(...)). */
  static void kafkaJob(StreamExecutionEnvironment env, String bootstrapServers) {
    env.enableCheckpointing(60_000);
    KafkaSource<String> source = KafkaSource.<String>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics("user-events")
        .setGroupId("flink-streaming-job")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build();
    KafkaSink<String> sink = KafkaSink.<String>builder()
        .setBootstrapServers(bootstrapServers)
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic("aggregated-results").setValueSerializationSchema(new SimpleStringSchema()).build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)      // a Kafka transaction per checkpoint
        .setTransactionalIdPrefix("flink-streaming-job")
        .build();
    clickCounts(env.fromSource(source, eventTime(), "user-events")).sinkTo(sink);
  }
  // end::today[]

  /** Counts a window's events. */
  static final class CountClicks implements AggregateFunction<String, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(String event, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Names a window's count by user and start: "alice@12:00=2". */
  static final class NameWindow implements WindowFunction<Long, String, String, TimeWindow> {
    @Override
    public void apply(String user, TimeWindow window, Iterable<Long> counts, Collector<String> out) {
      out.collect(user + "@" + LocalTime.ofSecondOfDay(window.getStart() / 1000) + "=" + counts.iterator().next());
    }
  }

  static long timeOf(String event) {
    return LocalTime.parse(event.split(" ")[2]).toSecondOfDay() * 1000L;
  }

  /**
   * Chapter 8's events less bob's straggler: whether it is late here would depend on when Flink's periodic
   * watermark happened to be emitted (chapter 9's first section shows lateness deterministically).
   */
  static final List<String> EVENTS = List.of("alice click 12:01:00", "alice view 12:02:00", "bob click 12:03:00",
      "alice click 12:04:00", "alice click 12:06:00", "alice click 12:12:00");

  public static void run(PrintStream out) throws Exception {
    out.println("today's replacement on Flink " + EnvironmentInformation.getVersion() + " with flink-connector-kafka's KafkaSource and KafkaSink:");
    StreamExecutionEnvironment local = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> counts = clickCounts(local.fromData(EVENTS).assignTimestampsAndWatermarks(eventTime())).executeAndCollect(100);
    out.println("  the window, run on a local MiniCluster over " + EVENTS.size() + " events: " + counts.stream().sorted().toList());

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    kafkaJob(env, "localhost:9092");
    out.println("  the Kafka job, built but not submitted (no broker here), as Flink's stream graph:");
    env.getStreamGraph().getStreamNodes().stream().sorted(java.util.Comparator.comparingInt(StreamNode::getId))
        .forEach(node -> out.println("    " + node.getOperatorName()));
  }
}
