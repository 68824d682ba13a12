package org.bigdatalab.guide;

import java.io.PrintStream;

/*
 * Why: the seed's Flink job uses three things Flink 2 and its Kafka connector no longer have:
 * FlinkKafkaConsumer (with env.addSource), FlinkKafkaProducer, and Time.minutes. This program hands
 * the seed's lines to javac against the Flink jars the lab uses, with flink-connector-kafka on the
 * class path, and prints javac's answer; then it runs today's replacement (Ch09_TodaysKafkaConnector,
 * compiled in the flink module).
 *
 * How: the seed's job calls classes it never defines (Event, EventDeserializationSchema,
 * EventAggregator, ...), which would drown the API errors in unrelated ones, so its lines are compiled
 * with Strings, Flink's SimpleStringSchema and a reduce in their place; the imports and calls that name
 * the removed APIs are kept as the seed writes them. Forked into the flink module's class path by the
 * guide (GuideRenderer.Program.forked).
 */
public final class Ch09_RemovedApis {
  static final String ENGINE = "flink";
  /** Today's code: compiled in the flink module, so named here, not referenced. */
  static final String TODAY = "org.bigdatalab.guide.Ch09_TodaysKafkaConnector";

  private Ch09_RemovedApis() {}

  /** The seed's Flink calls, its own classes replaced by String and SimpleStringSchema. */
  static final String SEED = """
      import java.time.Duration;
      import java.util.Properties;
      import org.apache.flink.api.common.eventtime.WatermarkStrategy;
      import org.apache.flink.api.common.serialization.SimpleStringSchema;
      import org.apache.flink.streaming.api.datastream.DataStream;
      import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
      import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
      // tag::seed[]
      import org.apache.flink.streaming.api.windowing.time.Time;
      import org.apache.flink.streaming.connectors.kafka.FlinkKafkaConsumer;
      import org.apache.flink.streaming.connectors.kafka.FlinkKafkaProducer;

      class FlinkStreamingExample {
        static void job(StreamExecutionEnvironment env, Properties properties) {
          DataStream<String> events = env
              .addSource(new FlinkKafkaConsumer<>("user-events", new SimpleStringSchema(), properties))
              .assignTimestampsAndWatermarks(WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(10)));
          DataStream<String> results = events
              .keyBy(event -> event)
              .window(TumblingEventTimeWindows.of(Time.minutes(5)))
              .reduce((a, b) -> a);
          results.addSink(new FlinkKafkaProducer<>("aggregated-results", new SimpleStringSchema(), properties));
        }
      }
      // end::seed[]
      """;

  public static void run(PrintStream out) throws Exception {
    SeedLines.show("the seed's Flink calls", "FlinkStreamingExample", SEED, TODAY, out);
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }
}
