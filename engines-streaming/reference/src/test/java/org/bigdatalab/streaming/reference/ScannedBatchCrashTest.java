package org.bigdatalab.streaming.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.RunOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.junit.jupiter.api.Test;

/**
 * Clause streaming.exactly-once.crash-restore, pinned for stream-parallel's scanned typed batches:
 * there the shards, not the driver, read the events and work out the watermark, and the driver
 * takes the watermark after the batch from them ({@link Shards#scanned}) for its checkpoints. The
 * suite's crash property only checks that the watermarks stay sorted across the restore, and a
 * stale driver watermark shows only after a restore that replays a batch with an event below the
 * checkpoint's watermark; this example has one.
 */
class ScannedBatchCrashTest {
  /** A count by a whole-number key in tumbling windows of 10: the job stream-parallel scans. */
  private static final StreamingJob<Click, Long, Long> COUNT = StreamingJob.of("count-by-amount", Click::parse,
      (StreamFns.LongKey<Click>) Click::amount, Click::time, Windows.tumbling(10), Aggregate.<Click>count());

  /**
   * Batches [1, 5, 12], [15, 25], [20, 31], [40] (bound 0). A checkpoint after the second batch
   * (watermark 25), a crash before the fourth: the restore replays [20, 31], whose 20 is below 25.
   */
  private static final ScriptedSource SOURCE = new ScriptedSource(List.of(batch(1, 5, 12), batch(15, 25), batch(20, 31), batch(40)));
  private static final RunOptions CRASH = RunOptions.crashing(2, 3);

  private static ScriptedSource.Events<Click> batch(long... times) {
    return new ScriptedSource.Events<>(java.util.Arrays.stream(times).mapToObj(t -> new Click(t, "u", t % 3)).toList(), Click::line);
  }

  private static void assertSameAsUncrashed(StreamingEngine engine) throws Exception {
    StreamingResult<Long> clean = engine.run(COUNT, SOURCE);
    StreamingResult<Long> crashed = engine.run(COUNT, SOURCE, CRASH);
    assertThat(crashed.restarts()).isEqualTo(1);
    assertThat(crashed.results()).as("%s: results", engine.info().id()).containsExactlyInAnyOrderElementsOf(clean.results());
    assertThat(crashed.watermarks()).as("%s: watermarks across the restore", engine.info().id()).isEqualTo(clean.watermarks());
  }

  @Test
  void streaming_exactly_once_crash_restore_scannedBatchReplayedBelowTheCheckpointsWatermark() throws Exception {
    assertSameAsUncrashed(new SequentialStreaming());
    for (int shards = 1; shards <= 3; shards++) {
      try (ParallelStreaming parallel = new ParallelStreaming(shards)) {
        assertSameAsUncrashed(parallel);
      }
    }
  }

  @Test
  void aDriverThatKeepsItsWatermarkFromBeforeAScannedBatchFailsIt() throws Exception {
    List<Long> clean = new SequentialStreaming().run(COUNT, SOURCE).watermarks();
    try (var broken = new BrokenStreamingEngines.ScannedBatchKeepsOldWatermark()) {
      assertThat(broken.run(COUNT, SOURCE).watermarks()).as("the broken engine without a crash").isEqualTo(clean);
      // 20 re-emitted after the committed 25
      assertThat(broken.run(COUNT, SOURCE, CRASH).watermarks()).as("the broken engine across the restore")
          .containsSubsequence(25L, 20L).isNotEqualTo(clean);
    }
  }
}
