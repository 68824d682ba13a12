package org.bigdatalab.guide;

import static org.bigdatalab.guide.Ch06_WindowedCounts.MINUTE;
import static org.bigdatalab.guide.Ch06_WindowedCounts.at;
import static org.bigdatalab.guide.Ch06_WindowedCounts.window;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;

/*
 * Why: the seed's Kafka Streams example "parses the event timestamp" by returning
 * System.currentTimeMillis(). That is the time the record reached the processor, not the time the
 * click happened. Windows measured by arrival time count whatever arrived together: after an outage,
 * a backlog of an hour of clicks lands in one window; on a slow day the same clicks spread out. The
 * answer then depends on how fast the pipeline ran, and a replay of the same topic gives different
 * numbers. (The seed's count also windows by the record's own timestamp, not the parsed value, so
 * the helper does nothing useful either way.)
 *
 * How: we cannot read the wall clock in a program whose output the guide captures, and we need not.
 * Each line carries the time it arrived, stamped by the script as a broker stamps LogAppendTime:
 * "arrival|time,user,amount". Twelve clicks between 12:00 and 12:11 arrive twice: promptly (30 s
 * after they happen) and as a backlog (all of them within one minute, from 12:20). The wrong job
 * windows by arrival time, as the seed does; the right one by the click's own time. Same events,
 * two speeds: the wrong job's counts differ, the right job's do not.
 */
public final class Ch06_WallClockBug {
  private Ch06_WallClockBug() {}

  /** A click and the time it reached the job. */
  public record Arrived(long arrival, Click click) implements java.io.Serializable {
    static Arrived parse(String line) {
      int bar = line.indexOf('|');
      if (bar < 0) {
        throw new BadRecordException("line", "expected arrival|time,user,amount");
      }
      return new Arrived(Long.parseLong(line.substring(0, bar)), Click.parse(line.substring(bar + 1)));
    }
  }

  /** Twelve clicks, one every minute from 12:00, alternating users. */
  static List<Click> clicks() {
    List<Click> clicks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      clicks.add(new Click(at(i, 0), i % 3 == 0 ? "bob" : "alice", 1));
    }
    return clicks;
  }

  /** Each click arrives 30 seconds after it happened. */
  static ScriptedSource prompt() {
    List<String> lines = new ArrayList<>();
    clicks().forEach(c -> lines.add((c.time() + 30_000) + "|" + c.line()));
    return ScriptedSource.ofLines(lines);
  }

  /** The same clicks after an outage: all delivered from 12:20, five seconds apart. */
  static ScriptedSource backlog() {
    List<String> lines = new ArrayList<>();
    List<Click> clicks = clicks();
    for (int i = 0; i < clicks.size(); i++) {
      lines.add((at(20, 0) + i * 5_000L) + "|" + clicks.get(i).line());
    }
    return ScriptedSource.ofLines(lines);
  }

  // tag::jobs[]
  /** The seed's mistake: the window is chosen by when the record arrived. */
  static StreamingJob<Arrived, Long, Long> byArrivalTime() {
    return StreamingJob.of("clicks-by-arrival", Arrived::parse, a -> a.click().user(),
        Arrived::arrival,                       // like System.currentTimeMillis() in the seed
        Windows.tumbling(5 * MINUTE), Aggregate.<Arrived>count()).withOutOfOrderness(MINUTE);
  }

  /** The fix: the window is chosen by when the click happened. */
  static StreamingJob<Arrived, Long, Long> byEventTime() {
    return StreamingJob.of("clicks-by-event-time", Arrived::parse, a -> a.click().user(),
        a -> a.click().time(),                  // the event's own timestamp
        Windows.tumbling(5 * MINUTE), Aggregate.<Arrived>count()).withOutOfOrderness(MINUTE);
  }
  // end::jobs[]

  /** The final counts of a job over one arrival pattern. */
  public static Map<WindowResult.Id, Long> counts(StreamingJob<Arrived, Long, Long> job, ScriptedSource source)
      throws Exception {
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      return engine.run(job, source).finalValues();
    }
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    out.println("12 clicks from 12:00 to 12:11, 5-minute windows, counted per user on stream-sequential");
    for (StreamingJob<Arrived, Long, Long> job : List.of(byArrivalTime(), byEventTime())) {
      Map<WindowResult.Id, Long> prompt = counts(job, prompt());
      Map<WindowResult.Id, Long> backlog = counts(job, backlog());
      out.printf("%n%s%n", job.name());
      out.printf("  %-36s %s%n", "arriving 30 s after they happen:", format(prompt));
      out.printf("  %-36s %s%n", "arriving as a backlog from 12:20:", format(backlog));
      out.printf("  same counts at both speeds: %s%n", prompt.equals(backlog));
    }
  }

  static String format(Map<WindowResult.Id, Long> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((id, n) -> parts.add(id.key() + " " + window(id.window()) + "=" + n));
    return String.join(", ", parts);
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch06_WallClockBug
end::run[]
 */
