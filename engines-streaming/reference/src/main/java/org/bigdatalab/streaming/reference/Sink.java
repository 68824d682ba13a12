package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.streaming.ComputedList;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;

/**
 * A transactional sink, as Flink's two-phase-commit sinks: everything a job emits is pending,
 * tagged with the epoch (checkpoints seen so far) of the shard that emitted it, and becomes visible
 * only when a checkpoint covering that epoch completes. A crash aborts what is pending; that is
 * what makes replay after a restore exactly-once rather than at-least-once.
 */
final class Sink<R> {
  private record Pending(int epoch, Object item) {}

  /** A late event counted as dropped, for engines without a side output. */
  private record Dropped() {}

  /** Results emitted together (one window's firing): one entry, one lock, instead of one per result. */
  private record Results(List<?> results) {}

  private final List<Pending> pending = new ArrayList<>();
  private final List<Object> committed = new ArrayList<>();
  /**
   * Emitted watermarks, kept apart in primitives (a job emits one per rise, often one per few
   * events): pending ones with their epochs, and the committed ones in order.
   */
  private long[] pendingMarks = new long[64];
  private int[] pendingMarkEpochs = new int[64];
  private int pendingMarkCount;
  private long[] committedMarks = new long[64];
  private int committedMarkCount;

  synchronized void result(int epoch, WindowResult<R> result) { pending.add(new Pending(epoch, result)); }
  /** Several results in emission order; the sink keeps the list (the caller hands it over). */
  synchronized void results(int epoch, List<WindowResult<R>> results) { pending.add(new Pending(epoch, new Results(results))); }
  synchronized void late(int epoch, LateEvent event) { pending.add(new Pending(epoch, event)); }
  synchronized void dropped(int epoch) { pending.add(new Pending(epoch, new Dropped())); }
  synchronized void dead(int epoch, DeadLetter letter) { pending.add(new Pending(epoch, letter)); }
  synchronized void watermark(int epoch, long time) { mark(epoch, time); }

  /** {@code times[from..to)} in order, under one lock (a typed chunk's rises). */
  synchronized void watermarks(int epoch, long[] times, int from, int to) {
    for (int i = from; i < to; i++) {
      mark(epoch, times[i]);
    }
  }

  private void mark(int epoch, long time) {
    if (pendingMarkCount == pendingMarks.length) {
      pendingMarks = java.util.Arrays.copyOf(pendingMarks, pendingMarkCount * 2);
      pendingMarkEpochs = java.util.Arrays.copyOf(pendingMarkEpochs, pendingMarkCount * 2);
    }
    pendingMarks[pendingMarkCount] = time;
    pendingMarkEpochs[pendingMarkCount++] = epoch;
  }

  /** Makes visible everything emitted before the barrier of checkpoint {@code epoch}, in emission order. */
  synchronized void commitBefore(int epoch) {
    List<Pending> keep = new ArrayList<>();
    for (Pending p : pending) {
      if (p.epoch() < epoch) {
        committed.add(p.item());
      } else {
        keep.add(p);
      }
    }
    pending.clear();
    pending.addAll(keep);
    int kept = 0;
    for (int i = 0; i < pendingMarkCount; i++) {
      if (pendingMarkEpochs[i] < epoch) {
        if (committedMarkCount == committedMarks.length) {
          committedMarks = java.util.Arrays.copyOf(committedMarks, committedMarkCount * 2);
        }
        committedMarks[committedMarkCount++] = pendingMarks[i];
      } else {
        pendingMarks[kept] = pendingMarks[i];
        pendingMarkEpochs[kept++] = pendingMarkEpochs[i];
      }
    }
    pendingMarkCount = kept;
  }

  synchronized void abort() {
    pending.clear();
    pendingMarkCount = 0;
  }

  @SuppressWarnings("unchecked")
  synchronized StreamingResult<R> result(int restarts) {
    commitBefore(Integer.MAX_VALUE);
    List<WindowResult<R>> results = new ArrayList<>();
    List<LateEvent> late = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    long dropped = 0;
    for (Object item : committed) {
      if (item instanceof WindowResult<?> r) {
        results.add((WindowResult<R>) r);
      } else if (item instanceof Results batch) {
        results.addAll((List<WindowResult<R>>) batch.results());
      } else if (item instanceof LateEvent e) {
        late.add(e);
      } else if (item instanceof DeadLetter d) {
        dead.add(d);
      } else if (item instanceof Dropped) {
        dropped++;
      }
    }
    // a job emits a mark per rise: boxed only when read (the sink is done with the array)
    return new StreamingResult<>(results, ComputedList.ofLongs(committedMarks, committedMarkCount), late, dropped, dead, restarts);
  }
}
