package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.lambda.KappaPipeline;
import org.bigdatalab.lambda.LambdaPipeline;
import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.StartFrom;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.streaming.spec.Click;

/*
 * Why: the seed's Lambda sketch merges a batch view "up to the last batch run" with a realtime view
 * of "recent data", and leaves the line between them to a date. Any line drawn by time counts an
 * event that sits on it twice, or not at all, and no query ever shows which. The line has to be
 * drawn where the log has no ties: at offsets.
 *
 * How: the reference combination (df-sequential batch, stream-sequential speed, log-memory), found
 * by id. Three clicks, a batch run, two more clicks, one of them at the same millisecond as the
 * batch's latest. Then three serving layers over the same batch view: the speed layer from the
 * batch's latest time ("at or after" and "after"), both as the seed would draw it, and the
 * pipeline's own speed layer, which starts at the offsets the batch read to. Each is compared
 * with the oracle: a loop over every click.
 */
public final class Ch11_LambdaBoundary {
  /** The reference Lambda/Kappa combination; runs in the JVM of the module that holds it. */
  static final String ENGINE = "lambda:df-sequential+stream-sequential+log-memory";
  static final String TOPIC = "clicks";
  static final int PARTITIONS = 2;

  /** Spend per user and 10-second window: the seed's "sum(amount) per user", windowed as its speed layer is. */
  static final ViewDefinition<Click> SPEND = new ViewDefinition<>("spend", Click::parse, Click::user, Click::time, 10_000,
      Click::amount);

  static final List<Click> BEFORE_BATCH = List.of(new Click(1_000, "ann", 5), new Click(2_000, "bob", 3),
      new Click(3_000, "ann", 2));
  /** After the batch run: bob's click has the same time as the batch's latest; it arrived later. */
  static final List<Click> AFTER_BATCH = List.of(new Click(3_000, "bob", 4), new Click(3_500, "ann", 1));

  private Ch11_LambdaBoundary() {}

  /** What each serving layer answered, and the oracle. */
  record Answers(Map<ViewKey, Long> oracle, Map<ViewKey, Long> byTimeAtOrAfter, Map<ViewKey, Long> byTimeAfter,
                 Map<ViewKey, Long> byOffsets) {}

  /** A producer: the partition is the user's hash, the record's timestamp the click's time. */
  static void produce(EventLog log, Click c) {
    log.append(TOPIC, Math.floorMod(c.user().hashCode(), PARTITIONS), LogRecord.of(c.user(), c.line(), c.time()));
  }

  // tag::boundary[]
  static Answers run(PipelineEngine pipelines, List<Click> afterBatch) {
    EventLog log = pipelines.log();
    log.createTopic(TOPIC, PARTITIONS);
    LambdaPipeline lambda = pipelines.lambda(TOPIC, SPEND);
    BEFORE_BATCH.forEach(c -> produce(log, c));
    lambda.runBatch();                                   // batch view: the log up to its end offsets now
    long lastBatchTime = BEFORE_BATCH.stream().mapToLong(Click::time).max().orElseThrow();
    afterBatch.forEach(c -> produce(log, c));

    // The seed's line, by time: the speed layer re-reads the log from the batch's latest event time.
    KappaPipeline speedByTime = pipelines.kappa(TOPIC, SPEND, 100);
    Map<ViewKey, Long> atOrAfter = add(lambda.batchView(), speedByTime.replay(StartFrom.atTime(lastBatchTime)));
    Map<ViewKey, Long> after = add(lambda.batchView(), speedByTime.replay(StartFrom.atTime(lastBatchTime + 1)));

    // The line by offsets: the speed layer starts where the batch layer stopped reading, per partition.
    lambda.runSpeed();
    Map<ViewKey, Long> byOffsets = lambda.query();
    return new Answers(oracle(afterBatch), atOrAfter, after, byOffsets);
  }
  // end::boundary[]

  /** The view by definition: every click once. */
  static Map<ViewKey, Long> oracle(List<Click> afterBatch) {
    Map<ViewKey, Long> view = new TreeMap<>();
    for (List<Click> clicks : List.of(BEFORE_BATCH, afterBatch)) {
      clicks.forEach(c -> view.merge(SPEND.viewKey(c), c.amount(), Long::sum));
    }
    return view;
  }

  private static Map<ViewKey, Long> add(Map<ViewKey, Long> batch, Map<ViewKey, Long> realtime) {
    Map<ViewKey, Long> merged = new TreeMap<>(batch);
    realtime.forEach((k, v) -> merged.merge(k, v, Long::sum));
    return merged;
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (PipelineEngine pipelines = GuideEngines.create(ENGINE, PipelineEngine.class)) {
      Answers a = run(pipelines, AFTER_BATCH);
      out.println("clicks before the batch run: " + BEFORE_BATCH);
      out.println("clicks after it:             " + AFTER_BATCH);
      out.println();
      out.printf("%-38s %s%n", "oracle (every click once)", a.oracle());
      line(out, "speed layer from t >= last batch time", a.byTimeAtOrAfter(), a.oracle());
      line(out, "speed layer from t > last batch time", a.byTimeAfter(), a.oracle());
      line(out, "speed layer from the batch's offsets", a.byOffsets(), a.oracle());
    }
  }

  private static void line(PrintStream out, String what, Map<ViewKey, Long> view, Map<ViewKey, Long> oracle) {
    StringBuilder diff = new StringBuilder();
    oracle.forEach((k, v) -> {
      long got = view.getOrDefault(k, 0L);
      if (got != v) {
        diff.append(String.format(" %s %+d", k, got - v));
      }
    });
    out.printf("%-38s %s  %s%n", what, view, diff.length() == 0 ? "= oracle" : "WRONG:" + diff);
  }
}

/*
 * How to run it, from the repository root (it needs the lambda module built):
tag::run[]
./mvnw -q -B -pl engines-streaming/lambda,guide -am package -DskipTests -Dguide.skipRender=true
java -cp "engines-streaming/lambda/target/classes:$(cat engines-streaming/lambda/target/lab-engine.classpath):guide/target/classes" \
  org.bigdatalab.guide.Ch11_LambdaBoundary
end::run[]
 */
