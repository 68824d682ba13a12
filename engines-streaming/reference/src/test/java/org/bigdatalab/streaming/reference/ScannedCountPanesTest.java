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
 * Clause streaming.window.tumbling-equals-oracle, pinned for the pass a stream-parallel shard makes
 * over a scanned typed slice ({@code TumblingCount.scan}), which keeps the open window's table in
 * locals: within one batch a rise closes that window, later events open the next ones, and a late
 * event comes between them. A scan that kept counting into the closed window's table, or lost the
 * late event's line, gives other results or late output than the lines do on the sequential engine.
 */
class ScannedCountPanesTest {
  /** A count by a whole-number key in tumbling windows of 10, allowed lateness 0, bound 2: stream-parallel scans it. */
  private static final StreamingJob<Click, Long, Long> COUNT = StreamingJob.of("count-by-amount", Click::parse,
      (StreamFns.LongKey<Click>) Click::amount, Click::time, Windows.tumbling(10), Aggregate.<Click>count()).withOutOfOrderness(2);

  /**
   * On 2 or 3 shards keys 2 and 3 are not key 1's shard. Key 2's shard opens [0,10) at 1 and 5; key
   * 1's event at 13 raises every shard's watermark to 11, which closes [0,10) on key 2's shard while
   * that shard's pass still has it open; key 2 at 4 is then late, not counted in the closed window.
   */
  private static final List<Click> CLICKS = List.of(new Click(1, "u", 2), new Click(5, "u", 2), new Click(9, "u", 1),
      new Click(13, "u", 1), new Click(4, "u", 2), new Click(12, "u", 2), new Click(11, "u", 1), new Click(25, "u", 3),
      new Click(24, "u", 2));

  @Test
  void streaming_window_tumbling_equals_oracle_scannedSliceAcrossWindows() throws Exception {
    StreamingResult<Long> lines = new SequentialStreaming().run(COUNT,
        ScriptedSource.ofLines(CLICKS.stream().map(Click::line).toList()));
    assertThat(lines.late()).hasSize(1);
    for (int shards = 1; shards <= 3; shards++) {
      try (ParallelStreaming parallel = new ParallelStreaming(shards)) {
        StreamingResult<Long> typed = parallel.run(COUNT, ScriptedSource.ofEvents(CLICKS, Click::line));
        assertThat(typed.results()).as("%d shards: results", shards).containsExactlyInAnyOrderElementsOf(lines.results());
        assertThat(typed.late()).as("%d shards: late output", shards).isEqualTo(lines.late());
        assertThat(typed.watermarks()).as("%d shards: watermarks", shards).isEqualTo(lines.watermarks());
      }
    }
  }
}
