package org.bigdatalab.guide;

import static org.bigdatalab.guide.Ch11_LambdaBoundary.PARTITIONS;
import static org.bigdatalab.guide.Ch11_LambdaBoundary.SPEND;
import static org.bigdatalab.guide.Ch11_LambdaBoundary.TOPIC;
import static org.bigdatalab.guide.Ch11_LambdaBoundary.produce;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.bigdatalab.lambda.KappaPipeline;
import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.StartFrom;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.streaming.spec.Click;

/*
 * Why: the seed's Kappa sketch says "to reprocess, replay Kafka from the beginning" and then passes
 * a date as startingOffsets, which Kafka's source does not accept. Two things need showing: how a
 * reprocessing job replaces the live one without readers ever seeing a half-built view, and how a
 * replay really starts at a time (the log turns the time into offsets, per partition).
 *
 * How: the reference combination, found by id. A live job sums spend per user and 10 s window,
 * polling two records at a time. New code (clicks per user and 20 s window) reprocesses from offset
 * 0 two records a step while a producer keeps appending and the live job keeps up; after each step
 * we print what a reader sees. Then the offsets a replay from a time starts at, written as the JSON
 * that Spark's startingOffsets takes, and that replay's view.
 */
public final class Ch11_KappaReprocessing {
  /** The new code: clicks per user and 20-second window. */
  static final ViewDefinition<Click> CLICKS = new ViewDefinition<>("clicks", Click::parse, Click::user, Click::time, 20_000,
      c -> 1L);

  static final List<Click> HISTORY = List.of(new Click(1_000, "ann", 5), new Click(4_000, "bob", 3),
      new Click(12_000, "cy", 2), new Click(15_000, "ann", 1), new Click(21_000, "bob", 7), new Click(26_000, "ann", 4));
  /** Appended while the new job reprocesses. */
  static final Click DURING = new Click(27_000, "cy", 6);
  static final long REPLAY_FROM = 15_000;

  private Ch11_KappaReprocessing() {}

  // tag::switch[]
  /** Reprocesses with new code; returns what a reader saw after each step, the last one being the new view. */
  static List<String> reprocess(PipelineEngine pipelines, PrintStream out) {
    EventLog log = pipelines.log();
    log.createTopic(TOPIC, PARTITIONS);
    HISTORY.forEach(c -> produce(log, c));
    KappaPipeline kappa = pipelines.kappa(TOPIC, SPEND, 2);
    kappa.catchUp();                                          // the live job: spend per 10 s
    out.println("live view (spend):         " + kappa.query());
    out.println("replay from offset 0:      " + kappa.replay(StartFrom.earliest()));

    kappa.startReprocessing(CLICKS);                          // new code, from offset 0, beside the live job
    List<String> seen = new ArrayList<>();
    boolean switched = false;
    for (int step = 1; !switched; step++) {
      if (step == 2) {
        produce(log, DURING);                                 // the world goes on while we reprocess
        kappa.catchUp();
      }
      switched = kappa.reprocessStep(2);                      // at most 2 records, never past the live job
      String view = kappa.query().toString();
      seen.add(view);
      out.printf("step %d, %-6s reader sees %s%n", step, switched ? "switch" : "", view);
    }
    return seen;
  }
  // end::switch[]

  // tag::offsets[]
  /** The offsets a replay from {@code time} starts at, as the JSON Spark's Kafka source takes for startingOffsets. */
  static String startingOffsetsJson(EventLog log, String topic, long time) {
    StringJoiner partitions = new StringJoiner(",", "{\"" + topic + "\":{", "}}");
    for (int p = 0; p < log.partitions(topic); p++) {
      partitions.add("\"" + p + "\":" + log.offsetForTime(topic, p, time));   // Kafka: consumer.offsetsForTimes
    }
    return partitions.toString();
  }
  // end::offsets[]

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (PipelineEngine pipelines = GuideEngines.create(Ch11_LambdaBoundary.ENGINE, PipelineEngine.class)) {
      reprocess(pipelines, out);
      EventLog log = pipelines.log();
      out.println();
      for (int p = 0; p < PARTITIONS; p++) {
        out.printf("partition %d holds %s%n", p, log.read(TOPIC, p, 0, Integer.MAX_VALUE));
      }
      out.printf("startingOffsets for t=%d: %s%n", REPLAY_FROM, startingOffsetsJson(log, TOPIC, REPLAY_FROM));
      Map<ViewKey, Long> replayed = pipelines.kappa(TOPIC, CLICKS, 2).replay(StartFrom.atTime(REPLAY_FROM));
      out.println("replay of the new code from t=" + REPLAY_FROM + ": " + replayed);
    }
  }
}

/*
 * How to run it, from the repository root (it needs the lambda module built):
tag::run[]
./mvnw -q -B -pl engines-streaming/lambda,guide -am package -DskipTests -Dguide.skipRender=true
tag::java[]
java -cp "engines-streaming/lambda/target/classes:$(cat engines-streaming/lambda/target/lab-engine.classpath):guide/target/classes" \
  org.bigdatalab.guide.Ch11_KappaReprocessing
end::java[]
end::run[]
 */
