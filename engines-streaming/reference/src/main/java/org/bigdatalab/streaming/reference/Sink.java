package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;
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

  /** An emitted watermark. */
  private record Mark(long time) {}

  private final List<Pending> pending = new ArrayList<>();
  private final List<Object> committed = new ArrayList<>();

  synchronized void result(int epoch, WindowResult<R> result) { pending.add(new Pending(epoch, result)); }
  synchronized void late(int epoch, LateEvent event) { pending.add(new Pending(epoch, event)); }
  synchronized void dropped(int epoch) { pending.add(new Pending(epoch, new Dropped())); }
  synchronized void dead(int epoch, DeadLetter letter) { pending.add(new Pending(epoch, letter)); }
  synchronized void watermark(int epoch, long time) { pending.add(new Pending(epoch, new Mark(time))); }

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
  }

  synchronized void abort() { pending.clear(); }

  @SuppressWarnings("unchecked")
  synchronized StreamingResult<R> result(int restarts) {
    commitBefore(Integer.MAX_VALUE);
    List<WindowResult<R>> results = new ArrayList<>();
    List<Long> marks = new ArrayList<>();
    List<LateEvent> late = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    long dropped = 0;
    for (Object item : committed) {
      if (item instanceof WindowResult<?> r) {
        results.add((WindowResult<R>) r);
      } else if (item instanceof Mark m) {
        marks.add(m.time());
      } else if (item instanceof LateEvent e) {
        late.add(e);
      } else if (item instanceof DeadLetter d) {
        dead.add(d);
      } else if (item instanceof Dropped) {
        dropped++;
      }
    }
    return new StreamingResult<>(results, marks, late, dropped, dead, restarts);
  }
}
