package org.bigdatalab.guide;

import static org.bigdatalab.guide.Ch06_WindowedCounts.MINUTE;
import static org.bigdatalab.guide.Ch06_WindowedCounts.NOON;
import static org.bigdatalab.guide.Ch06_WindowedCounts.window;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.bigdatalab.streaming.RunOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.reference.ParallelStreaming;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.ClickJobs;

/*
 * Why: a streaming job that dies and restarts must neither lose events nor count them twice. The
 * seed's Flink and Structured Streaming examples set a checkpoint location or interval and say no
 * more. What makes it exactly-once is three things done together: a checkpoint stores the operators'
 * state with the source position it covers (a barrier, in Flink's terms); the sink only commits
 * output at a checkpoint; and on restore the engine throws away the output emitted since the last
 * checkpoint, restores the state and rewinds the source to that position.
 *
 * How: 40 clicks of three users, a little out of order, summed per user in 5-minute windows (final
 * results only), on stream-parallel with 4 shards. We run it once without a crash, then again with a
 * checkpoint every 10 steps and a crash before step 27: the job restores the checkpoint taken after
 * step 20 and replays steps 20 to 26. Every window must be emitted once, with the uncrashed run's
 * value. Last, the same crash on a deliberately broken engine that keeps the uncommitted output
 * (at-least-once): the windows fired between the checkpoint and the crash come out twice.
 */
public final class Ch06_ExactlyOnce {
  static final int CLICKS = 40;
  static final int CHECKPOINT_EVERY = 10;
  static final int CRASH_BEFORE = 27;

  private Ch06_ExactlyOnce() {}

  /** Clicks about 45 s apart, each up to 40 s out of order, amounts 1 to 9; seeded. */
  static ScriptedSource script() {
    Random random = new Random(6);
    List<String> lines = new ArrayList<>();
    String[] users = {"alice", "bob", "carol"};
    for (int i = 0; i < CLICKS; i++) {
      long time = NOON + i * 45_000L - random.nextInt(40) * 1000L;
      lines.add(new Click(time, users[random.nextInt(users.length)], 1 + random.nextInt(9)).line());
    }
    return ScriptedSource.ofLines(lines);
  }

  static StreamingJob<Click, ?, ?> job() {
    return ClickJobs.SUM.job(Windows.tumbling(5 * MINUTE), MINUTE);
  }

  /** How many times each key and window was emitted. */
  public static Map<WindowResult.Id, Integer> emissions(StreamingResult<?> result) {
    Map<WindowResult.Id, Integer> counts = new TreeMap<>();
    result.results().forEach(r -> counts.merge(r.id(), 1, Integer::sum));
    return counts;
  }

  /** The uncrashed run, the crashed-and-restored run, and the broken engine's crashed run. */
  public static List<StreamingResult<?>> runs() throws Exception {
    ScriptedSource source = script();
    try (StreamingEngine engine = GuideEngines.create("stream-parallel", StreamingEngine.class);
         StreamingEngine atLeastOnce = new KeepsUncommittedOutput()) {
      // tag::crash[]
      StreamingResult<?> clean = engine.run(job(), source);
      RunOptions crash = RunOptions.crashing(CHECKPOINT_EVERY, CRASH_BEFORE);   // checkpoint every 10 steps, die before 27
      StreamingResult<?> restored = engine.run(job(), source, crash);
      StreamingResult<?> duplicated = atLeastOnce.run(job(), source, crash);
      // end::crash[]
      return List.of(clean, restored, duplicated);
    }
  }

  // tag::broken[]
  /** A deliberately broken engine: on restore it keeps what it emitted since the last checkpoint. */
  static final class KeepsUncommittedOutput extends ParallelStreaming {
    KeepsUncommittedOutput() {
      super(4);
    }

    @Override
    protected boolean discardsUncommittedOnRestore() {
      return false;
    }
  }
  // end::broken[]

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    List<StreamingResult<?>> runs = runs();
    StreamingResult<?> clean = runs.get(0);
    out.printf("%d clicks, sums per user in 5-minute windows, on stream-parallel (4 shards)%n", CLICKS);
    out.printf("checkpoint every %d steps, crash before step %d: restore the checkpoint after step %d, replay steps %d-%d%n%n",
        CHECKPOINT_EVERY, CRASH_BEFORE, CRASH_BEFORE / CHECKPOINT_EVERY * CHECKPOINT_EVERY,
        CRASH_BEFORE / CHECKPOINT_EVERY * CHECKPOINT_EVERY, CRASH_BEFORE - 1);
    out.printf("%-34s %8s %8s %8s %12s  %s%n", "run", "restarts", "emitted", "windows", "emitted 2x+",
        "final values equal the uncrashed run's");
    String[] names = {"uncrashed", "crashed, restored (exactly-once)", "broken: keeps uncommitted output"};
    for (int i = 0; i < runs.size(); i++) {
      StreamingResult<?> r = runs.get(i);
      Map<WindowResult.Id, Integer> emissions = emissions(r);
      long twice = emissions.values().stream().filter(n -> n > 1).count();
      out.printf("%-34s %8d %8d %8d %12d  %s%n", names[i], r.restarts(), r.results().size(), emissions.size(), twice,
          r.finalValues().equals(clean.finalValues()));
    }
    out.println();
    out.println("windows the broken engine emitted more than once:");
    StreamingResult<?> broken = runs.get(2);
    emissions(broken).forEach((id, n) -> {
      if (n > 1) {
        List<Object> values = broken.results().stream().filter(r -> r.id().equals(id)).map(r -> (Object) r.value()).toList();
        out.printf("  %-6s %s emitted %d times: %s%n", id.key(), window(id.window()), n, values);
      }
    });
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch06_ExactlyOnce
end::run[]
 */
