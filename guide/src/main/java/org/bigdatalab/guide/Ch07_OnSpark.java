package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;

/*
 * Why: Ch07_MicroBatches showed Spark's per-batch watermark with our engines. This program runs the
 * seed's query on real Spark Structured Streaming, through the engine "spark-streaming", and checks
 * that Spark's append-mode rows are the spec's final results.
 *
 * How: that engine feeds each scripted line to Spark as a micro-batch of its own and sets
 * withWatermark to the job's out-of-orderness (plus its allowed lateness, here none), so Spark's
 * watermark after each line is the spec's W. The job is Ch07_MicroBatches's with a 2-minute bound
 * instead of scripted batch ends; the clicks are the same, in the same order. It runs in a JVM of
 * its own with the class path of the module holding {@code spark-streaming}
 * (GuideRenderer.Program.forked); stream-sequential runs the same job beside it.
 */
public final class Ch07_OnSpark {
  static final String ENGINE = "spark-streaming";

  private Ch07_OnSpark() {}

  // tag::spark[]
  /** The seed's query with withWatermark("timestamp", "2 minutes"), one micro-batch per event. */
  static StreamingJob<Click, ?, ?> job() {
    return StreamingJob.of("events-per-type", Click::parse, Click::user, Click::time,
        Windows.sliding(5 * Ch06_WindowedCounts.MINUTE, Ch06_WindowedCounts.MINUTE), new Ch07_MicroBatches.CountAndSum())
        .withOutOfOrderness(Ch07_MicroBatches.DELAY);
  }
  // end::spark[]

  static ScriptedSource script() {
    return new ScriptedSource(Ch07_MicroBatches.script(false).steps());
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (StreamingEngine spark = GuideEngines.create(ENGINE, StreamingEngine.class);
         StreamingEngine oracle = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      StreamingResult<?> rows = spark.run(job(), script());
      StreamingResult<?> expected = oracle.run(job(), script());
      out.println("engine: " + spark.info().displayName());
      out.println("the seed's query, one micro-batch per event, withWatermark 2 minutes, append mode");
      Ch06_WindowedCounts.printTimeline(job(), script(), rows, ENGINE, out);
      out.printf("rows dropped by the watermark (numRowsDroppedByWatermark): %d; stream-sequential's side output: %s%n",
          rows.droppedLate(), expected.late().stream().map(l -> l.key() + "@" + Ch06_WindowedCounts.clock(l.timestamp())).toList());
      Map<WindowResult.Id, ?> sparkRows = rows.finalValues();
      Map<WindowResult.Id, ?> finals = expected.finalValues();
      out.println("windows whose Spark row differs from stream-sequential's final result:");
      Set<WindowResult.Id> ids = new TreeSet<>(sparkRows.keySet());
      ids.addAll(finals.keySet());
      int same = 0;
      for (WindowResult.Id id : ids) {
        if (Objects.equals(sparkRows.get(id), finals.get(id))) {
          same++;
        } else {
          out.printf("  %-6s %s  spark: %s  stream-sequential: %s%n", id.key(), Ch06_WindowedCounts.window(id.window()),
              sparkRows.get(id), finals.get(id));
        }
      }
      out.printf("windows with the same row: %d; rows per window on Spark: %s%n", same,
          new TreeSet<>(Ch06_ExactlyOnce.emissions(rows).values()));
    }
  }
}

/*
 * How to run it, from the repository root (Spark's class path comes from its module):
tag::run[]
./mvnw -q -B install -DskipTests
java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
  -cp "engines-streaming/spark-structured-streaming/target/classes:$(cat engines-streaming/spark-structured-streaming/target/lab-engine.classpath):guide/target/classes:$(cat benchmarks/lab/target/lab.classpath)" \
  org.bigdatalab.guide.Ch07_OnSpark
end::run[]
 */
