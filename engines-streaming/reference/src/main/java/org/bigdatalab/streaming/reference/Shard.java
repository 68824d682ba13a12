package org.bigdatalab.streaming.reference;

import java.util.List;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.WindowResult;

/**
 * One shard of keyed state: its {@link KeyedState} (a {@link WindowOperator}, or a primitive
 * {@link TumblingCount}) plus its checkpoint epoch. Everything it
 * emits goes to the sink tagged with the epoch, so the sink can commit exactly what came before a
 * checkpoint's barrier. A shard is only ever driven by one thread at a time.
 */
final class Shard<T, R> implements WindowOperator.Emitter<R> {
  private final int index;
  private final KeyedState<T, R> operator;
  private final Sink<R> sink;
  private final WatermarkCombiner combiner;
  private int epoch;
  /** The typed batch being handled and the event in it, for the line of a late event; null between batches. */
  private ScriptedSource.Events<T> typed;
  private int current;

  Shard(int index, KeyedState<T, R> operator, Sink<R> sink, WatermarkCombiner combiner) {
    this.index = index;
    this.operator = operator;
    this.sink = sink;
    this.combiner = combiner;
  }

  void element(String key, T event, String line, long ts) { operator.onElement(key, event, line, ts, this); }

  void watermark(long time) {
    operator.onWatermark(time, this);
    combiner.advanced(index, time, epoch);
    combiner.emitFired(index);
  }

  /**
   * This shard's events of a typed chunk (those whose route {@link ThreadedShards#shardOf} gives
   * {@code own} of {@code shards}), each after the rises that came before it, then the chunk's
   * remaining rises; one report to the combiner.
   */
  void chunk(TypedChunk<T> c, int own, int shards) {
    typed = c.batch();
    @SuppressWarnings("unchecked")
    TumblingCount<T> primitive = c.longKeys != null && operator instanceof TumblingCount<?> t ? (TumblingCount<T>) t : null;
    @SuppressWarnings("unchecked") // a TumblingCount's results are counts: R is Long
    WindowOperator.Emitter<Long> counted = (WindowOperator.Emitter<Long>) (WindowOperator.Emitter<?>) this;
    int[] routes = c.routes;
    int[] risesBefore = c.risesBefore;
    long[] rises = c.rises;
    try {
      int r = 0;
      for (int i = 0; i < c.size; i++) {
        if (shards > 1 && ThreadedShards.shardOf(routes[i], shards) != own) {
          continue;
        }
        for (int before = risesBefore[i]; r < before; r++) {
          operator.onWatermark(rises[r], this);
        }
        current = c.from() + i;
        if (primitive != null) {
          primitive.count(c.longKeys[i], c.times[i], null, counted);
        } else {
          operator.onElement(c.keys != null ? c.keys[i] : Long.toString(c.longKeys[i]), c.event(i), null, c.times[i], this);
        }
      }
      for (; r < c.riseCount; r++) {
        operator.onWatermark(rises[r], this);
      }
    } finally {
      typed = null;
    }
    combiner.advancedThrough(index, rises, c.riseCount, epoch);
    combiner.emitFired(index);
  }

  /**
   * Shard {@code own}'s range (of {@code shards}) of a typed slice's positions, with every rise of
   * the slice; one report to the combiner. Its late events are kept with the slice, and the last
   * shard done with the slice hands every range's to the sink, range after range: in arrival
   * order, as the lines would have made them (two shards' ranges may hold late events of one key).
   */
  void keyed(KeyedSlice<T> s, int own, int shards) {
    @SuppressWarnings("unchecked")
    TumblingCount<T> count = (TumblingCount<T>) operator;
    List<LateEvent> late = s.lateOf(own);
    count.count(s, own, shards, new WindowOperator.Emitter<Long>() {
      @Override public void result(WindowResult<Long> result) { throw new IllegalStateException("a count's windows fire through CountFirings"); }
      @Override public void late(LateEvent event) { late.add(event); }
      @Override public void dropped() { throw new IllegalStateException("a count has a side output"); }
    });
    if (s.counted()) {
      for (List<LateEvent> range : s.lateInOrder()) {
        range.forEach(e -> sink.late(epoch, e));
      }
    }
    combiner.advancedThrough(index, s.rises, s.riseCount, epoch);
    combiner.emitFired(index);
  }

  /** The barrier: snapshot the state; what follows belongs to the next epoch. */
  Object barrier() {
    epoch++;
    return operator.snapshot();
  }

  void restore(Object snapshot, int newEpoch) {
    operator.restore(snapshot);
    epoch = newEpoch;
  }

  @Override public void result(WindowResult<R> result) { sink.result(epoch, result); }
  @Override public void results(java.util.List<WindowResult<R>> results) { sink.results(epoch, results); }
  @Override
  public void late(LateEvent event) {
    sink.late(epoch, event.line() == null && typed != null
        ? new LateEvent(typed.line(current), event.timestamp(), event.key(), event.watermark()) : event);
  }
  @Override public void dropped() { sink.dropped(epoch); }
}
