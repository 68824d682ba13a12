package org.bigdatalab.guide;

import static org.bigdatalab.guide.Ch06_WindowedCounts.MINUTE;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Map;
import org.bigdatalab.streaming.RunOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.ClickJobs;

/*
 * Why: the seed's Flink example is the right shape (event time from the record, a bounded
 * out-of-orderness watermark, tumbling event-time windows, checkpointing) but says nothing about
 * what happens to an event that comes after its window fired, and enabling checkpoints does not by
 * itself make the output exactly-once. This program runs both questions on real Apache Flink.
 *
 * How: Flink's jars cannot share the guide's class path, so this runs in a JVM of its own with the
 * class path of the module holding {@code flink} (GuideRenderer.Program.forked) and finds the engine
 * by id. First chapter 6's windowed count (bound 1 min, lateness 2 min, updates) on chapter 6's
 * script, printed as the same timeline; it must equal stream-sequential's output. Then the seed's
 * own settings (bound 10 s, no allowed lateness) on the same stream: the events it would drop
 * silently. Last, chapter 6's crash: a checkpoint every 10 steps, a crash before step 27, Flink's
 * restart strategy restores the checkpoint after step 20; each window must come out once, as in
 * the uncrashed run.
 */
public final class Ch09_Flink {
  static final String ENGINE = "flink";

  private Ch09_Flink() {}

  // tag::seed[]
  /** The seed's job: forBoundedOutOfOrderness(10 s), TumblingEventTimeWindows of 5 minutes, nothing for late events. */
  static StreamingJob<Click, ?, ?> seedJob() {
    return ClickJobs.COUNT.job(Windows.tumbling(5 * MINUTE), 10_000);
  }
  // end::seed[]

  /** What one run emitted, next to the uncrashed run: restarts, results, distinct windows, windows emitted twice. */
  static String row(String name, StreamingResult<?> run, StreamingResult<?> clean) {
    Map<WindowResult.Id, Integer> emissions = Ch06_ExactlyOnce.emissions(run);
    long twice = emissions.values().stream().filter(n -> n > 1).count();
    return String.format("%-22s %8d %8d %8d %12d  %s", name, run.restarts(), run.results().size(), emissions.size(),
        twice, run.results().size() == clean.results().size() && run.finalValues().equals(clean.finalValues()));
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    try (StreamingEngine flink = GuideEngines.create(ENGINE, StreamingEngine.class);
         StreamingEngine oracle = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      out.println("engine: " + flink.info().displayName());
      StreamingJob<Click, ?, ?> job = Ch06_WindowedCounts.job();
      ScriptedSource script = Ch06_WindowedCounts.script();
      StreamingResult<?> timeline = flink.run(job, script);
      out.println("chapter 6's job: bound 1 min, allowed lateness 2 min, updates");
      Ch06_WindowedCounts.printTimeline(job, script, timeline, ENGINE, out);
      out.printf("same results and late events as stream-sequential: %s%n",
          sameOutput(timeline, oracle.run(job, script)));

      StreamingResult<?> seed = flink.run(seedJob(), script);
      out.printf("%nthe seed's settings (bound 10 s, no lateness, final results) on the same stream:%n");
      out.printf("  final values equal stream-sequential's: %s%n",
          seed.finalValues().equals(oracle.run(seedJob(), script).finalValues()));
      out.printf("  too late for their window (the seed's job drops these without a trace): %s%n",
          seed.late().stream().map(l -> l.key() + "@" + Ch06_WindowedCounts.clock(l.timestamp())).toList());

      // tag::crash[]
      ScriptedSource clicks = Ch06_ExactlyOnce.script();
      RunOptions crash = RunOptions.crashing(Ch06_ExactlyOnce.CHECKPOINT_EVERY, Ch06_ExactlyOnce.CRASH_BEFORE);
      StreamingResult<?> clean = flink.run(Ch06_ExactlyOnce.job(), clicks);
      StreamingResult<?> restored = flink.run(Ch06_ExactlyOnce.job(), clicks, crash);
      // end::crash[]
      out.printf("%nchapter 6's crash on %s: checkpoint every %d steps, crash before step %d%n", ENGINE,
          Ch06_ExactlyOnce.CHECKPOINT_EVERY, Ch06_ExactlyOnce.CRASH_BEFORE);
      out.printf("%-22s %8s %8s %8s %12s  %s%n", "run", "restarts", "emitted", "windows", "emitted 2x+", "same as uncrashed");
      out.println(row("uncrashed", clean, clean));
      out.println(row("crashed, restored", restored, clean));
      out.printf("final values equal stream-sequential's: %s%n",
          clean.finalValues().equals(oracle.run(Ch06_ExactlyOnce.job(), clicks).finalValues()));
    }
  }

  static boolean sameOutput(StreamingResult<?> a, StreamingResult<?> b) {
    return new HashSet<Object>(a.results()).equals(new HashSet<Object>(b.results()))
        && a.results().size() == b.results().size() && a.late().equals(b.late());
  }
}

/*
 * How to run it, from the repository root (Flink's class path comes from its module):
tag::run[]
./mvnw -q -B install -DskipTests
java -cp "engines-streaming/flink/target/classes:$(cat engines-streaming/flink/target/lab-engine.classpath):guide/target/classes:$(cat benchmarks/lab/target/lab.classpath)" \
  org.bigdatalab.guide.Ch09_Flink
end::run[]
 */
