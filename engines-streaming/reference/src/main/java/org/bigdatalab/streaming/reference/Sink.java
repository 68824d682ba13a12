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

  /** Emitted items with their epochs, pending and committed (in emission order). */
  private List<Pending> pending = new ArrayList<>();
  private List<Pending> committed = new ArrayList<>();
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

  /**
   * {@code times[from..to)} in order, under one lock (a typed chunk's rises), copied in bulk: mark
   * by mark, with a capacity check each, 100,000 marks took 0.6 ms under the lock.
   */
  synchronized void watermarks(int epoch, long[] times, int from, int to) {
    int n = to - from;
    room(n);
    System.arraycopy(times, from, pendingMarks, pendingMarkCount, n);
    java.util.Arrays.fill(pendingMarkEpochs, pendingMarkCount, pendingMarkCount + n, epoch);
    pendingMarkCount += n;
  }

  private void mark(int epoch, long time) {
    room(1);
    pendingMarks[pendingMarkCount] = time;
    pendingMarkEpochs[pendingMarkCount++] = epoch;
  }

  /** Makes room for {@code n} more pending marks. */
  private void room(int n) {
    if (pendingMarkCount + n > pendingMarks.length) {
      int length = Math.max(pendingMarks.length * 2, pendingMarkCount + n);
      pendingMarks = java.util.Arrays.copyOf(pendingMarks, length);
      pendingMarkEpochs = java.util.Arrays.copyOf(pendingMarkEpochs, length);
    }
  }

  /**
   * Makes visible everything emitted before the barrier of checkpoint {@code epoch}, in emission
   * order. Where all that is pending commits and nothing is committed yet (a run without
   * checkpoints, at its end: per 1M Nexmark events 60,000 results in ~10 batches and 100,000
   * watermarks), the pending list and arrays become the committed ones as they are; copied, the
   * watermarks alone were 11 doublings of a new array on the driver, after the shards were done.
   */
  synchronized void commitBefore(int epoch) {
    boolean all = epoch == Integer.MAX_VALUE; // every epoch is below it (the run's end): no mark's epoch to read
    if (committed.isEmpty() && (all || allBefore(epoch))) {
      committed = pending;
      pending = new ArrayList<>();
    } else {
      List<Pending> keep = new ArrayList<>();
      for (Pending p : pending) {
        (p.epoch() < epoch ? committed : keep).add(p);
      }
      pending = keep;
    }
    if (committedMarkCount == 0 && (all || marksBefore(epoch))) {
      long[] spare = committedMarks;
      committedMarks = pendingMarks;
      committedMarkCount = pendingMarkCount;
      pendingMarks = spare;
      pendingMarkCount = 0;
      return;
    }
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

  private boolean allBefore(int epoch) {
    for (Pending p : pending) {
      if (p.epoch() >= epoch) {
        return false;
      }
    }
    return true;
  }

  private boolean marksBefore(int epoch) {
    for (int i = 0; i < pendingMarkCount; i++) {
      if (pendingMarkEpochs[i] >= epoch) {
        return false;
      }
    }
    return true;
  }

  synchronized void abort() {
    pending.clear();
    pendingMarkCount = 0;
  }

  @SuppressWarnings("unchecked")
  synchronized StreamingResult<R> result(int restarts) {
    commitBefore(Integer.MAX_VALUE);
    int count = 0;
    for (Pending p : committed) {
      count += p.item() instanceof Results batch ? batch.results().size() : p.item() instanceof WindowResult<?> ? 1 : 0;
    }
    // into one plain array, which List.of copies once more and StreamingResult keeps as it is: through
    // an ArrayList (addAll copies each batch twice) and StreamingResult's List.copyOf, the copies were
    // 16% of the driver's samples, after the shards were done (a typed array, or a cast per result,
    // would read each result's class: slower still)
    Object[] results = new Object[count];
    int n = 0;
    List<LateEvent> late = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    long dropped = 0;
    for (Pending p : committed) {
      Object item = p.item();
      if (item instanceof WindowResult<?> r) {
        results[n++] = r;
      } else if (item instanceof Results batch) {
        Object[] copy = batch.results().toArray();
        System.arraycopy(copy, 0, results, n, copy.length);
        n += copy.length;
      } else if (item instanceof LateEvent e) {
        late.add(e);
      } else if (item instanceof DeadLetter d) {
        dead.add(d);
      } else if (item instanceof Dropped) {
        dropped++;
      }
    }
    // a job emits a mark per rise: boxed only when read (the sink is done with the array)
    return new StreamingResult<>((List<WindowResult<R>>) (List<?>) List.of(results), ComputedList.ofLongs(committedMarks, committedMarkCount), late, dropped, dead, restarts);
  }
}
