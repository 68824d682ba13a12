package org.bigdatalab.guide;

import java.io.PrintStream;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.ClickJobs;

/*
 * Why: a streaming count per 5-minute window cannot wait for "all" the data, because a stream has
 * no end. It needs a rule that says when a window is complete enough to report: the watermark, a
 * claim that no event older than W will come. Events still arrive after it (a phone comes back
 * online), so a job also says how long a fired window stays open for corrections (the allowed
 * lateness) and where events go that come later still (the late side output). The seed's Structured
 * Streaming example counts per window but never sets a watermark; Spark then refuses its "append"
 * sink, and its state grows without bound.
 *
 * How: clicks per user in 5-minute tumbling windows, out-of-orderness 1 minute, allowed lateness 2
 * minutes, updates mode (a window is emitted when it fires and again for each late event). A
 * scripted source of 11 steps, one of them an explicit watermark, runs on stream-sequential. For
 * every step we print the event, the watermark after it, and what the engine emitted at that step.
 * Then stream-parallel runs the same script, and its final values must be the same.
 */
public final class Ch06_WindowedCounts {
  static final long MINUTE = 60_000;
  static final long NOON = 12 * 60 * MINUTE;

  private Ch06_WindowedCounts() {}

  /** 12:00 plus minutes and seconds, as event time in milliseconds. */
  static long at(int minutes, int seconds) {
    return NOON + minutes * MINUTE + seconds * 1000L;
  }

  static String clock(long time) {
    return time == Long.MAX_VALUE ? "end" : time == Long.MIN_VALUE ? "-inf" : LocalTime.ofSecondOfDay(time / 1000).toString();
  }

  static String window(Window w) {
    return "[" + clock(w.start()) + "," + clock(w.end()) + ")";
  }

  // tag::job[]
  /** Clicks per user in 5-minute tumbling windows; watermark = max time - 1 min; windows stay open 2 min more. */
  static StreamingJob<Click, ?, ?> job() {
    return ClickJobs.COUNT.job(Windows.tumbling(5 * MINUTE), MINUTE)
        .withAllowedLateness(2 * MINUTE)
        .withMode(StreamingJob.OutputMode.UPDATES);
  }

  /** The stream as it arrives: out of order, one late event, one too late, and a scripted watermark. */
  static ScriptedSource script() {
    List<ScriptedSource.Step> steps = new ArrayList<>();
    for (Click c : List.of(
        new Click(at(1, 0), "alice", 1), new Click(at(2, 0), "bob", 1), new Click(at(4, 0), "alice", 1),
        new Click(at(3, 0), "bob", 1),      // out of order, but not older than the watermark (12:03)
        new Click(at(6, 0), "alice", 1),    // watermark 12:05: [12:00,12:05) fires
        new Click(at(4, 30), "bob", 1),     // late, within the allowed lateness: an update
        new Click(at(9, 0), "alice", 1),    // watermark 12:08: [12:00,12:05) is final
        new Click(at(3, 30), "alice", 1),   // too late: the late side output
        new Click(at(7, 0), "bob", 1))) {
      steps.add(new ScriptedSource.Line(c.line()));
    }
    steps.add(new ScriptedSource.Watermark(at(10, 0)));   // the source says: nothing before 12:10 will follow
    steps.add(new ScriptedSource.Line(new Click(at(11, 0), "alice", 1).line()));
    return new ScriptedSource(steps);
  }
  // end::job[]

  /** One row of the timeline: a step, the watermark after it, and what the engine emitted for it. */
  public record Row(int step, String input, long watermark, List<String> emitted) {}

  /**
   * Lines the engine's output up with the script. The watermark follows the job's rule (max time
   * seen - out-of-orderness, raised by scripted steps); a result fired on time belongs to the step
   * whose watermark first reached the one that fired it, a late update to the late event that made
   * it, a late side-output entry to its line. Whatever is left was emitted at the end of the input.
   */
  public static List<Row> timeline(StreamingJob<Click, ?, ?> job, ScriptedSource source, StreamingResult<?> result) {
    List<WindowResult<?>> pending = new ArrayList<>(result.results());
    List<LateEvent> late = new ArrayList<>(result.late());
    List<Row> rows = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    long maxTime = Long.MIN_VALUE;
    int step = 0;
    for (ScriptedSource.Step s : source.steps()) {
      step++;
      List<String> emitted = new ArrayList<>();
      String input;
      long before = watermark;
      if (s instanceof ScriptedSource.Line line) {
        Click c = Click.parse(line.text());
        input = clock(c.time()) + " " + c.user();
        maxTime = Math.max(maxTime, c.time());
        watermark = Math.max(watermark, maxTime - job.outOfOrderness());
        late.stream().filter(l -> l.line().equals(line.text())).findFirst().ifPresent(l -> {
          late.remove(l);
          emitted.add("too late -> side output (met watermark " + clock(l.watermark()) + ")");
        });
        pending.stream().filter(r -> r.firing() == WindowResult.Firing.LATE && r.key().equals(c.user())
            && r.window().contains(c.time()) && r.window().end() <= before).findFirst().ifPresent(r -> {
              pending.remove(r);
              emitted.add(describe(r));
            });
      } else if (s instanceof ScriptedSource.Watermark w) {
        input = "watermark " + clock(w.time());
        watermark = Math.max(watermark, w.time());
      } else {
        input = s.toString();
      }
      long now = watermark;
      if (now != before) {
        pending.stream().filter(r -> r.firing() != WindowResult.Firing.LATE && r.watermark() == now).toList()
            .forEach(r -> {
              pending.remove(r);
              emitted.add(describe(r));
            });
      }
      rows.add(new Row(step, input, watermark, emitted));
    }
    List<String> atEnd = new ArrayList<>();
    pending.forEach(r -> atEnd.add(describe(r)));
    late.forEach(l -> atEnd.add("unmatched late event " + l.line()));
    rows.add(new Row(step + 1, "end of input", Long.MAX_VALUE, atEnd));
    return rows;
  }

  /** The {@link #timeline} as a table: step, input, watermark after it, what {@code engine} emitted there. */
  public static void printTimeline(StreamingJob<Click, ?, ?> job, ScriptedSource source, StreamingResult<?> result,
      String engine, PrintStream out) {
    out.printf("%-4s %-18s %-9s %s%n", "step", "input", "watermark", "emitted (" + engine + ")");
    for (Row row : timeline(job, source, result)) {
      out.printf("%4d %-18s %-9s %s%n", row.step(), row.input(), clock(row.watermark()),
          row.emitted().isEmpty() ? "-" : row.emitted().get(0));
      row.emitted().stream().skip(1).forEach(e -> out.printf("%34s%s%n", "", e));
    }
  }

  static String describe(WindowResult<?> r) {
    return r.firing() + " " + r.key() + " " + window(r.window()) + " = " + r.value();
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    StreamingJob<Click, ?, ?> job = job();
    ScriptedSource source = script();
    out.println("clicks per user, 5-minute tumbling windows, out-of-orderness 1 min, allowed lateness 2 min");
    Map<WindowResult.Id, ?> sequential;
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      StreamingResult<?> result = engine.run(job, source);
      sequential = result.finalValues();
      printTimeline(job, source, result, "stream-sequential", out);
      out.printf("late side output: %d event(s); dead letters: %d%n", result.late().size(), result.deadLetters().size());
    }
    out.println("final values:");
    sequential.forEach((id, value) -> out.printf("  %-6s %s = %s%n", id.key(), window(id.window()), value));
    try (StreamingEngine engine = GuideEngines.create("stream-parallel", StreamingEngine.class)) {
      out.println("stream-parallel's final values equal stream-sequential's: "
          + engine.run(job, source).finalValues().equals(sequential));
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch06_WindowedCounts
end::run[]
 */
