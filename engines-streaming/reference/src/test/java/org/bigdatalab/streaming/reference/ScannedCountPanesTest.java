package org.bigdatalab.streaming.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.junit.jupiter.api.Test;

/**
 * Clause streaming.window.tumbling-equals-oracle, pinned for the way stream-parallel counts a typed
 * batch: the driver reads each slice's keys and times and works out its rises ({@code KeyedSlice}),
 * each shard counts its range of the slice's positions, whatever the keys, with the open window's
 * table in locals ({@code TumblingCount.count}), and the window's parts are added into one when the
 * combined watermark closes it ({@code CountFirings}); each shard handles only the rises that close
 * a window where they fall
 * (the others raise its watermark when an event needs it). Within one batch a rise from another shard's event closes that window, later events open
 * the next ones, and a late event comes between them. A shard that took its rises from its own
 * events only, kept counting into the closed window's table, let a lazily applied rise miss a late
 * event, or lost the late event's line, or fired a window before every shard's part was in, or
 * handed the late events of its range to the sink as it found them (key 2's two late events lie in
 * two shards' ranges on 2 shards: the lines' arrival order is pinned), gives other results, late
 * output or watermarks than the
 * lines do on the sequential engine; and the same over a batch whose source filled the declared
 * key and time columns (read instead of the events).
 */
class ScannedCountPanesTest {
  /** A count by a whole-number key in tumbling windows of 10, allowed lateness 0, bound 2: stream-parallel scans it. */
  private static final StreamingJob<Click, Long, Long> COUNT = StreamingJob.of("count-by-amount", Click::parse,
      (StreamFns.LongKey<Click>) Click::amount, Click::time, Windows.tumbling(10), Aggregate.<Click>count()).withOutOfOrderness(2);

  /**
   * On 2 or 3 shards keys 2 and 3 are not key 1's shard. Key 2's shard opens [0,10) at 1 and 5; key
   * 1's event at 13 raises every shard's watermark to 11, which closes [0,10) on key 2's shard while
   * that shard's pass still has it open; key 2 at 4 is then late, not counted in the closed window.
   * Key 1 at 33 closes [20,30) on key 2's shard (watermark 31); key 1 at 45 raises it to 43 while
   * that shard has no window open (a rise it applies only when an event needs it), and key 2 at 35
   * is then late for [30,40).
   */
  /** The same count, its key and time declared as the fields {@code amount} and {@code time}: stream-parallel reads their columns. */
  private static final StreamingJob<Click, Long, Long> COUNT_FIELDS = StreamingJob.of("count-by-amount-fields", Click::parse,
      new StreamFns.KeyField<Click>("amount", Click::amount), new StreamFns.TimeField<Click>("time", Click::time),
      Windows.tumbling(10), Aggregate.<Click>count()).withOutOfOrderness(2);

  private static final List<Click> CLICKS = List.of(new Click(1, "u", 2), new Click(5, "u", 2), new Click(9, "u", 1),
      new Click(13, "u", 1), new Click(4, "u", 2), new Click(12, "u", 2), new Click(11, "u", 1), new Click(25, "u", 3),
      new Click(24, "u", 2), new Click(33, "u", 1), new Click(45, "u", 1), new Click(35, "u", 2));

  @Test
  void streaming_window_tumbling_equals_oracle_scannedSliceAcrossWindows() throws Exception {
    assertSameAsLines(COUNT, ScriptedSource.ofEvents(CLICKS, Click::line));
  }

  @Test
  void streaming_window_tumbling_equals_oracle_columnarSliceAcrossWindows() throws Exception {
    long[] times = CLICKS.stream().mapToLong(Click::time).toArray();
    long[] amounts = CLICKS.stream().mapToLong(Click::amount).toArray();
    assertSameAsLines(COUNT_FIELDS, new ScriptedSource(List.of(new ScriptedSource.Events<>(CLICKS, Click::line,
        java.util.Map.of("time", times, "amount", amounts)))));
  }

  private static void assertSameAsLines(StreamingJob<Click, Long, Long> job, ScriptedSource typedSource) throws Exception {
    StreamingResult<Long> lines = new SequentialStreaming().run(job,
        ScriptedSource.ofLines(CLICKS.stream().map(Click::line).toList()));
    assertThat(lines.late()).hasSize(2);
    for (int shards = 1; shards <= 3; shards++) {
      try (ParallelStreaming parallel = new ParallelStreaming(shards)) {
        StreamingResult<Long> typed = parallel.run(job, typedSource);
        assertThat(typed.results()).as("%d shards: results", shards).containsExactlyInAnyOrderElementsOf(lines.results());
        assertThat(typed.late()).as("%d shards: late output", shards).isEqualTo(lines.late());
        assertThat(typed.watermarks()).as("%d shards: watermarks", shards).isEqualTo(lines.watermarks());
      }
    }
  }
}
