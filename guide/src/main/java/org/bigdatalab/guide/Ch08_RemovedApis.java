package org.bigdatalab.guide;

import java.io.PrintStream;

/*
 * Why: the seed's Kafka Streams example was written for Kafka 2.x. Kafka 4 removed
 * TimeWindows.of(Duration), so a candidate who writes it from memory writes code that does not
 * compile today. Rather than say so, this program hands the seed's class, as the seed prints it, to
 * javac against the Kafka Streams jars the lab uses, and prints what javac answers; then it runs
 * today's replacement (Ch08_TodaysWindows, compiled in the kafka-streams module).
 *
 * How: forked by the guide into a JVM with the kafka-streams module's class path
 * (GuideRenderer.Program.forked), so both the compile and the run see Kafka Streams 4.
 */
public final class Ch08_RemovedApis {
  static final String ENGINE = "kafka-streams";
  /** Today's code: compiled in the kafka-streams module, so named here, not referenced. */
  static final String TODAY = "org.bigdatalab.guide.Ch08_TodaysWindows";

  private Ch08_RemovedApis() {}

  /** The seed's Kafka Streams block, character for character. */
  static final String SEED = """
      // tag::seed[]
      import org.apache.kafka.streams.KafkaStreams;
      import org.apache.kafka.streams.StreamsBuilder;
      import org.apache.kafka.streams.StreamsConfig;
      import org.apache.kafka.streams.kstream.*;

      import java.time.Duration;
      import java.util.Properties;

      public class KafkaStreamsExample {
          
          public static void main(String[] args) {
              Properties props = new Properties();
              props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stream-processor");
              props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092");
              
              StreamsBuilder builder = new StreamsBuilder();
              
              // Read from topic
              KStream<String, String> events = builder.stream("user-events");
              
              // Transformation: Filter and map
              KStream<String, Long> clickEvents = events
                  .filter((key, value) -> value.contains("click"))
                  .mapValues(value -> parseEventTimestamp(value));
              
              // Aggregation: Count clicks per user in 5-minute windows
              KTable<Windowed<String>, Long> clickCounts = clickEvents
                  .groupByKey()
                  .windowedBy(TimeWindows.of(Duration.ofMinutes(5)))
                  .count();
              
              // Write to output topic
              clickCounts.toStream()
                  .map((windowedKey, count) -> 
                      new KeyValue<>(windowedKey.key(), count))
                  .to("click-counts");
              
              // Start stream processing
              KafkaStreams streams = new KafkaStreams(builder.build(), props);
              streams.start();
              
              // Shutdown hook
              Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
          }
          
          private static Long parseEventTimestamp(String event) {
              // Parse timestamp from event
              return System.currentTimeMillis();
          }
      }
      // end::seed[]
      """;

  public static void run(PrintStream out) throws Exception {
    SeedLines.show("the seed's KafkaStreamsExample", "KafkaStreamsExample", SEED, TODAY, out);
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }
}
