package org.bigdatalab.guide;

import static org.bigdatalab.guide.Ch06_WindowedCounts.MINUTE;
import static org.bigdatalab.guide.Ch06_WindowedCounts.at;
import static org.bigdatalab.guide.Ch06_WindowedCounts.clock;
import static org.bigdatalab.guide.Ch06_WindowedCounts.window;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;

/*
 * Why: the seed's Structured Streaming example counts events and sums amounts per event type in
 * 5-minute windows that slide by 1 minute, and writes the result twice: to the console in "update"
 * mode and to Parquet files in "append" mode. It never declares a watermark, and Spark refuses to
 * start an append-mode query over a streaming aggregation without one. Spark also does not move its
 * watermark per event, as Flink does: it reads the largest event time at the end of a micro-batch
 * and uses max - delay from the next batch on.
 *
 * How: the seed's job with withWatermark("timestamp", "2 minutes"), written for our SPI. Each
 * event's type rides in Click's key field. To get Spark's per-batch watermark, the job's own bound
 * is so large that no event moves the watermark; after each micro-batch the script has a watermark
 * step at (largest event time so far) - 2 minutes, which is Spark's rule. Final-results mode is
 * Spark's append. Three micro-batches run on stream-sequential; for each we print the events, the
 * watermark Spark would use from then on, and the rows append mode writes. Then the same job with
 * no watermark steps, which is the seed's query: no row can be written before the input ends, and a
 * stream has no end. Last, stream-parallel must give the same rows.
 */
public final class Ch07_MicroBatches {
  static final long DELAY = 2 * MINUTE;
  /** A bound no event comes near: only the scripted end-of-batch steps move the watermark. */
  static final long ONLY_BATCH_ENDS = 365L * 24 * 60 * MINUTE;

  private Ch07_MicroBatches() {}

  // tag::job[]
  /** count("*") and sum("amount") of the seed's agg(...), as one aggregate. */
  public record Totals(long count, long sum) implements Serializable {
    @Override public String toString() { return "count=" + count + " sum=" + sum; }
  }

  static final class CountAndSum implements Aggregate<Click, Totals, Totals> {
    private static final long serialVersionUID = 1L;

    @Override public Totals create() { return new Totals(0, 0); }
    @Override public Totals add(Totals t, Click c) { return new Totals(t.count() + 1, t.sum() + c.amount()); }
    @Override public Totals merge(Totals a, Totals b) { return new Totals(a.count() + b.count(), a.sum() + b.sum()); }
    @Override public Totals result(Totals t) { return t; }
  }

  /** groupBy(window(timestamp, "5 minutes", "1 minute"), event_type).agg(count, sum), in append mode. */
  static StreamingJob<Click, Totals, Totals> job() {
    return StreamingJob.of("events-per-type", Click::parse, Click::user /* the event type */, Click::time,
        Windows.sliding(5 * MINUTE, MINUTE), new CountAndSum())
        .withOutOfOrderness(ONLY_BATCH_ENDS)          // events never move the watermark themselves
        .withMode(StreamingJob.OutputMode.FINAL);     // Spark's append: a window's row once, when final
  }

  /** The micro-batches; after each, with a watermark, Spark's: the largest event time so far minus the delay. */
  static ScriptedSource script(boolean withWatermark, long delay) {
    List<ScriptedSource.Step> steps = new ArrayList<>();
    long maxTime = Long.MIN_VALUE;
    for (List<Click> batch : batches()) {
      for (Click c : batch) {
        steps.add(new ScriptedSource.Line(c.line()));
        maxTime = Math.max(maxTime, c.time());
      }
      if (withWatermark) {
        steps.add(new ScriptedSource.Watermark(maxTime - delay));   // withWatermark("timestamp", "2 minutes")
      }
    }
    return new ScriptedSource(steps);
  }
  // end::job[]

  /** The seed's query with chapter 7's two-minute delay (or none). */
  static ScriptedSource script(boolean withWatermark) {
    return script(withWatermark, DELAY);
  }

  static List<List<Click>> batches() {
    return List.of(
        List.of(new Click(at(0, 30), "click", 3), new Click(at(1, 10), "view", 1), new Click(at(2, 0), "click", 2)),
        List.of(new Click(at(4, 0), "click", 5), new Click(at(1, 40), "click", 1), new Click(at(6, 20), "view", 4)),
        List.of(new Click(at(-2, 0), "click", 7), new Click(at(9, 0), "click", 1)));
  }

  /** The watermark after each micro-batch, then the end of input's. */
  static List<Long> watermarks() {
    List<Long> marks = new ArrayList<>();
    script(true).steps().forEach(s -> {
      if (s instanceof ScriptedSource.Watermark w) {
        marks.add(w.time());
      }
    });
    marks.add(Long.MAX_VALUE);
    return marks;
  }

  /** The rows a run wrote, by the micro-batch after which it wrote them; the last entry is the end of input. */
  public static List<List<WindowResult<?>>> rowsPerBatch(StreamingResult<?> result) {
    List<Long> marks = watermarks();
    List<List<WindowResult<?>>> rows = new ArrayList<>();
    marks.forEach(m -> rows.add(new ArrayList<>()));
    result.results().forEach(r -> rows.get(marks.indexOf(r.watermark())).add(r));
    return rows;
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    out.println("events per type, 5-minute windows sliding by 1 minute, withWatermark 2 minutes, append mode");
    StreamingResult<?> withWatermark;
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      withWatermark = engine.run(job(), script(true));
      List<List<WindowResult<?>>> rows = rowsPerBatch(withWatermark);
      for (int b = 0; b < batches().size(); b++) {
        List<String> events = batches().get(b).stream().map(c -> c.user() + "@" + clock(c.time())).toList();
        out.printf("%nbatch %d: %s%n  watermark from now on: %s%n", b + 1, String.join(", ", events),
            clock(watermarks().get(b)));
        print(rows.get(b), out);
      }
      out.printf("%nend of input (a bounded script only; a stream never gets here):%n");
      print(rows.get(batches().size()), out);
      out.printf("dropped as too late (our side output; Spark only counts them): %s%n",
          withWatermark.late().stream().map(l -> l.key() + "@" + clock(l.timestamp())).toList());

      StreamingResult<?> noWatermark = engine.run(job(), script(false));
      List<List<WindowResult<?>>> unmarked = rowsPerBatch(noWatermark);
      out.printf("%nthe seed's query, with no watermark: rows written after batches 1-3: %d, at the end of input: %d%n",
          unmarked.subList(0, batches().size()).stream().mapToInt(List::size).sum(), unmarked.get(batches().size()).size());
    }
    try (StreamingEngine engine = GuideEngines.create("stream-parallel", StreamingEngine.class)) {
      StreamingResult<?> parallel = engine.run(job(), script(true));
      out.printf("stream-parallel writes the same rows after the same batches: %s%n",
          sameRows(rowsPerBatch(parallel), rowsPerBatch(withWatermark)));
    }
  }

  static boolean sameRows(List<List<WindowResult<?>>> a, List<List<WindowResult<?>>> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!new HashSet<>(a.get(i)).equals(new HashSet<>(b.get(i)))) {
        return false;
      }
    }
    return a.size() == b.size();
  }

  private static void print(List<WindowResult<?>> rows, PrintStream out) {
    Map<String, Object> sorted = new TreeMap<>();
    rows.forEach(r -> sorted.put(r.key() + " " + window(r.window()), r.value()));
    if (sorted.isEmpty()) {
      out.println("  append writes: nothing");
    }
    sorted.forEach((k, v) -> out.printf("  append writes: %-24s %s%n", k, v));
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch07_MicroBatches
end::run[]
 */
