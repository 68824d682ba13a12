package org.bigdatalab.guide;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.TimestampExtractor;

/*
 * Why: the seed's topology calls TimeWindows.of(Duration), which Kafka 4 removed. Its two
 * replacements differ in one thing, the grace period, which the old method chose for you (24 hours
 * until 3.0). This program is the seed's topology written against today's API, so a reader sees
 * both replacements compile and sees what choosing between them changes.
 *
 * How: compiled in the kafka-streams module (it calls Kafka Streams directly) and run by the guide in
 * a JVM with that module's class path (Ch08_RemovedApis). The same five lines of clicks go through
 * the topology twice in TopologyTestDriver, once per window definition; the only difference in the
 * output is bob's straggler, which the window with no grace drops (and Kafka counts in a metric).
 */
public final class Ch08_TodaysWindows {
  private Ch08_TodaysWindows() {}

  // tag::today[]
  /** The seed's click count per user and 5-minute window, in Kafka Streams 4. */
  static Topology clickCounts(TimeWindows windows) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("user-events", Consumed.with(Serdes.String(), Serdes.String())
            .withTimestampExtractor(EVENT_TIME))          // the click's own time, not the wall clock
        .filter((user, event) -> event.startsWith("click"))
        .groupByKey()
        .windowedBy(windows)
        .count()
        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))   // one row per window
        .toStream()
        .map((window, count) -> KeyValue.pair(window.key() + "@" + window.window().startTime(), count))
        .to("click-counts", Produced.with(Serdes.String(), Serdes.Long()));
    return builder.build();
  }

  static final TimeWindows NO_GRACE = TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(5));
  static final TimeWindows TWO_MINUTES_GRACE = TimeWindows.ofSizeAndGrace(Duration.ofMinutes(5), Duration.ofMinutes(2));
  // end::today[]

  /** An event is "click 12:03:30": its time of day, on the epoch's first day, is its timestamp. */
  static final TimestampExtractor EVENT_TIME = (ConsumerRecord<Object, Object> record, long partitionTime) ->
      LocalTime.parse(((String) record.value()).split(" ")[1]).toSecondOfDay() * 1000L;

  /** (user, event) in arrival order; bob's 12:04:30 click arrives after alice's 12:06 one. */
  static final List<KeyValue<String, String>> EVENTS = List.of(
      KeyValue.pair("alice", "click 12:01:00"), KeyValue.pair("alice", "view 12:02:00"), KeyValue.pair("bob", "click 12:03:00"),
      KeyValue.pair("alice", "click 12:04:00"), KeyValue.pair("alice", "click 12:06:00"), KeyValue.pair("bob", "click 12:04:30"),
      KeyValue.pair("alice", "click 12:12:00"));

  /** Runs the topology over {@link #EVENTS} and returns the rows of "click-counts" and the dropped-records total. */
  static List<String> run(String name, TimeWindows windows, PrintStream out) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stream-processor");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");   // TopologyTestDriver: no broker
    try (TopologyTestDriver driver = new TopologyTestDriver(clickCounts(windows), props)) {
      TestInputTopic<String, String> in = driver.createInputTopic("user-events", Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, Long> counts = driver.createOutputTopic("click-counts", Serdes.String().deserializer(), Serdes.Long().deserializer());
      EVENTS.forEach(e -> in.pipeInput(e.key, e.value));
      List<String> rows = counts.readKeyValuesToList().stream().map(kv -> kv.key + "=" + kv.value).toList();
      double dropped = driver.metrics().entrySet().stream()
          .filter(m -> m.getKey().name().equals("dropped-records-total"))
          .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).sum();
      out.printf("  %s:%n    click-counts %s%n    dropped-records-total %.0f%n", name, rows, dropped);
      return rows;
    }
  }

  public static void run(PrintStream out) {
    String jar = java.nio.file.Path.of(TimeWindows.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
    out.println("today's replacement, on " + jar + " (TopologyTestDriver), the same events through both windows:");
    out.println("  events: " + EVENTS.stream().map(e -> e.key + " " + e.value).toList());
    run("ofSizeWithNoGrace(5 min)", NO_GRACE, out);
    run("ofSizeAndGrace(5 min, 2 min)", TWO_MINUTES_GRACE, out);
    out.println("  (alice@12:10's window is still open: no later event moved stream time past its end)");
  }
}
