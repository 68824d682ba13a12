package org.bigdatalab.guide;

import static org.bigdatalab.guide.Ch06_WindowedCounts.MINUTE;
import static org.bigdatalab.guide.Ch06_WindowedCounts.at;
import static org.bigdatalab.guide.Ch06_WindowedCounts.clock;
import static org.bigdatalab.guide.Ch06_WindowedCounts.window;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.ClickJobs;
import org.bigdatalab.streaming.spec.StreamingOracle;

/*
 * Why: tumbling windows cut time into fixed slices, so a burst that straddles 12:05 is split in two.
 * Sliding windows (the seed's Structured Streaming example uses 5-minute windows every minute) put
 * each event into size/slide overlapping windows, so some window always holds the whole burst.
 * Session windows have no fixed size at all: a user's session lasts while events come less than a
 * gap apart, and one late-arriving event that falls into the gap between two sessions joins them.
 *
 * How: the same five clicks of one user, counted in 10-minute windows sliding by 5 minutes, then in
 * sessions with a 5-minute gap. The session run is done twice: without the click at 12:06, which
 * leaves two sessions, and with it arriving last, which bridges them into one. Each run is checked
 * against the spec's batch oracle (StreamingOracle), which computes the same windows without a
 * stream.
 */
public final class Ch06_SlidingAndSessions {
  private Ch06_SlidingAndSessions() {}

  static final Click BRIDGE = new Click(at(6, 0), "alice", 1);

  static List<Click> clicks() {
    return List.of(new Click(at(0, 0), "alice", 1), new Click(at(2, 0), "alice", 1), new Click(at(3, 0), "alice", 1),
        new Click(at(10, 0), "alice", 1), new Click(at(12, 0), "alice", 1));
  }

  static ScriptedSource source(boolean bridged) {
    List<String> lines = new ArrayList<>();
    clicks().forEach(c -> lines.add(c.line()));
    if (bridged) {
      lines.add(BRIDGE.line());   // arrives last, 6 minutes behind the newest click
    }
    return ScriptedSource.ofLines(lines);
  }

  // tag::windows[]
  static StreamingJob<Click, ?, ?> sliding() {
    return ClickJobs.COUNT.job(Windows.sliding(10 * MINUTE, 5 * MINUTE), 10 * MINUTE);
  }

  static StreamingJob<Click, ?, ?> sessions() {
    return ClickJobs.COUNT.job(Windows.session(5 * MINUTE), 10 * MINUTE);   // out-of-orderness 10 min: 12:06 is not late
  }
  // end::windows[]

  /** A job's final values on stream-sequential; fails if they differ from the batch oracle's. */
  public static Map<WindowResult.Id, ?> run(StreamingJob<Click, ?, ?> job, ScriptedSource source) throws Exception {
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      Map<WindowResult.Id, ?> values = engine.run(job, source).finalValues();
      Map<WindowResult.Id, ?> expected = StreamingOracle.expect(job, source).finalValues();
      if (!values.equals(expected)) {
        throw new IllegalStateException(job + ": engine " + values + " but oracle " + expected);
      }
      return values;
    }
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    List<String> times = new ArrayList<>();
    clicks().forEach(c -> times.add(clock(c.time())));
    out.println("alice clicks at " + String.join(", ", times) + " (and, in the last run, at " + clock(BRIDGE.time()) + ")");
    print(out, "sliding windows, 10 min every 5 min:", run(sliding(), source(false)));
    print(out, "sessions, gap 5 min:", run(sessions(), source(false)));
    print(out, "sessions, gap 5 min, with " + clock(BRIDGE.time()) + " arriving last:", run(sessions(), source(true)));
    out.println("every run equals the batch oracle's result");
  }

  static void print(PrintStream out, String title, Map<WindowResult.Id, ?> values) {
    out.println(title);
    values.forEach((id, n) -> out.printf("  %s %s = %s%n", id.key(), window(id.window()), n));
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch06_SlidingAndSessions
end::run[]
 */
