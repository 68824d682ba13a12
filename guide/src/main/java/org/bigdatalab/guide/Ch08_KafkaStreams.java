package org.bigdatalab.guide;

import static org.bigdatalab.guide.Ch06_WindowedCounts.MINUTE;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.bigdatalab.guide.Ch06_WallClockBug.Arrived;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.ClickJobs;

/*
 * Why: the seed's Kafka Streams example counts clicks per user in 5-minute windows. Three things
 * are wrong with it: the time it "parses" is the wall clock (chapter 6 shows what that does); it has
 * no grace period, so how long a window waits for stragglers is left to a default; and without
 * suppression a windowed count is a changelog, one updated row per record, which a consumer of
 * "click-counts" cannot tell from a final count, all the more so after the seed drops the window
 * from the key.
 *
 * How: the fixed job runs on real Kafka Streams (TopologyTestDriver, no broker), found by id in a
 * JVM with the kafka-streams module's class path (GuideRenderer.Program.forked), and on
 * stream-sequential, over chapter 6's stream of clicks. Kafka has no watermark steps to script, so
 * the stream is chapter 6's without its one watermark step. Then chapter 6's two wall-clock jobs run
 * on Kafka Streams at two arrival speeds, and last the engine says why it declares the crash clause
 * unsupported.
 */
public final class Ch08_KafkaStreams {
  static final String ENGINE = "kafka-streams";

  private Ch08_KafkaStreams() {}

  // tag::job[]
  /**
   * Clicks per user: 5-minute windows by the click's own time, a 1-minute bound and 2 minutes of
   * lateness, which the engine turns into TimeWindows.ofSizeAndGrace(5 min, 3 min) and
   * suppress(untilWindowCloses(...)): one final row per window.
   */
  static StreamingJob<Click, ?, ?> job() {
    return ClickJobs.COUNT.job(Windows.tumbling(5 * MINUTE), MINUTE).withAllowedLateness(2 * MINUTE);
  }
  // end::job[]

  /** Chapter 6's clicks in the same order, without the scripted watermark step. */
  static ScriptedSource script() {
    return new ScriptedSource(Ch06_WindowedCounts.script().steps().stream()
        .filter(s -> s instanceof ScriptedSource.Line).toList());
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    // tag::kafka[]
    try (StreamingEngine kafka = GuideEngines.create(ENGINE, StreamingEngine.class);
         StreamingEngine oracle = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      StreamingResult<?> result = kafka.run(job(), script());
      StreamingResult<?> expected = oracle.run(job(), script());
      // end::kafka[]
      out.println("engine: " + kafka.info().displayName());
      out.println("clicks per user, 5-minute windows, bound 1 min + lateness 2 min = grace 3 min, final results");
      Ch06_WindowedCounts.printTimeline(job(), script(), result, ENGINE, out);
      out.printf("too late, dropped and counted: %d (stream-sequential's side output: %s)%n", result.droppedLate(),
          expected.late().stream().map(l -> l.key() + "@" + Ch06_WindowedCounts.clock(l.timestamp())).toList());
      out.printf("final values equal stream-sequential's: %s%n", result.finalValues().equals(expected.finalValues()));

      out.printf("%nchapter 6's wall-clock bug on %s:%n", ENGINE);
      for (StreamingJob<Arrived, Long, Long> job : List.of(Ch06_WallClockBug.byArrivalTime(), Ch06_WallClockBug.byEventTime())) {
        Map<WindowResult.Id, Long> prompt = kafka.run(job, Ch06_WallClockBug.prompt()).finalValues();
        Map<WindowResult.Id, Long> backlog = kafka.run(job, Ch06_WallClockBug.backlog()).finalValues();
        out.printf("  %-21s backlog: %s%n  %-21s same counts at both speeds: %s%n", job.name(),
            Ch06_WallClockBug.format(backlog), "", prompt.equals(backlog));
      }
      out.printf("%ncrash and restore on %s: unsupported, because %s%n", ENGINE,
          kafka.info().unsupported().get(StreamingClauses.EXACTLY_ONCE));
    }
  }
}

/*
 * How to run it, from the repository root (Kafka Streams' class path comes from its module):
tag::run[]
./mvnw -q -B install -DskipTests
java -cp "engines-streaming/kafka-streams/target/classes:$(cat engines-streaming/kafka-streams/target/lab-engine.classpath):guide/target/classes:$(cat benchmarks/lab/target/lab.classpath)" \
  org.bigdatalab.guide.Ch08_KafkaStreams
end::run[]
 */
