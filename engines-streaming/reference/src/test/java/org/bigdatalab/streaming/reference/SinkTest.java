package org.bigdatalab.streaming.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.junit.jupiter.api.Test;

/**
 * The sink's commit: what a shard emitted after a checkpoint's barrier (a later epoch) stays
 * pending when the checkpoint commits, and a crash's abort throws it away. The sink hands its
 * pending lists over whole when everything pending commits and nothing is committed yet (the end
 * of a run without checkpoints); doing that at the first checkpoint while a shard that passed the
 * barrier has already emitted would commit its output twice over the replay. Pinned for results,
 * late events and watermarks, whichever comes first.
 */
class SinkTest {

  private static WindowResult<Long> result(String key, long count) {
    return new WindowResult<>(key, new Window(0, 10), count, WindowResult.Firing.FINAL, 10);
  }

  @Test
  void aCheckpointCommitsOnlyWhatCameBeforeItsBarrier() {
    Sink<Long> sink = new Sink<>();
    sink.results(0, List.of(result("a", 1), result("b", 2)));
    sink.watermark(0, 10);
    sink.late(1, new LateEvent("late after the barrier", 3, "a", 10));
    sink.result(1, result("c", 3)); // a shard past the barrier
    sink.watermark(1, 20);
    sink.commitBefore(1);
    sink.abort(); // the crash: what is pending is lost
    StreamingResult<Long> committed = sink.result(0);
    assertThat(committed.results()).containsExactly(result("a", 1), result("b", 2));
    assertThat(committed.late()).isEmpty();
    assertThat(committed.watermarks()).containsExactly(10L);
  }

  @Test
  void aLaterEpochFirstIsKeptPendingToo() {
    Sink<Long> sink = new Sink<>();
    sink.watermark(1, 20); // the shard past the barrier emitted first
    sink.watermark(0, 10);
    sink.result(1, result("c", 3));
    sink.results(0, List.of(result("a", 1)));
    sink.commitBefore(1);
    sink.abort();
    StreamingResult<Long> committed = sink.result(0);
    assertThat(committed.results()).containsExactly(result("a", 1));
    assertThat(committed.watermarks()).containsExactly(10L);
  }

  @Test
  void theRunsEndCommitsEverythingInEmissionOrder() {
    Sink<Long> sink = new Sink<>();
    sink.results(0, List.of(result("a", 1), result("b", 2)));
    sink.watermark(0, 10);
    sink.commitBefore(1);
    sink.late(1, new LateEvent("late", 3, "a", 10));
    sink.result(1, result("c", 3));
    for (long w = 20; w < 2_000; w += 10) { // grows the arrays past their first size
      sink.watermark(1, w);
    }
    StreamingResult<Long> all = sink.result(0);
    assertThat(all.results()).containsExactly(result("a", 1), result("b", 2), result("c", 3));
    assertThat(all.late()).extracting(LateEvent::line).containsExactly("late");
    assertThat(all.watermarks()).hasSize(199).startsWith(10L, 20L).endsWith(1_990L);
  }

  /** A typed slice's rises come in bulk ({@link Sink#watermarks}): each keeps its epoch, past the arrays' first size. */
  @Test
  void risesInBulkKeepTheirEpochAndOrder() {
    Sink<Long> sink = new Sink<>();
    long[] rises = new long[100];
    for (int i = 0; i < rises.length; i++) {
      rises[i] = 10L * (i + 1);
    }
    sink.watermarks(0, rises, 0, 50);
    sink.watermarks(1, rises, 50, 100); // a shard past the barrier
    sink.watermarks(0, rises, 0, 0);
    sink.commitBefore(1);
    sink.abort();
    assertThat(sink.result(0).watermarks()).hasSize(50).startsWith(10L, 20L).endsWith(500L);
  }
}
