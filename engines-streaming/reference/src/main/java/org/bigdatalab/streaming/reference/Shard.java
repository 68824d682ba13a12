package org.bigdatalab.streaming.reference;

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
  }

  /**
   * Shard {@code own}'s events (of {@code shards}) of a typed slice, and all its rises; one report
   * to the combiner.
   */
  void keyed(KeyedSlice<T> s, int own, int shards) {
    @SuppressWarnings("unchecked")
    TumblingCount<T> count = (TumblingCount<T>) operator;
    @SuppressWarnings("unchecked") // a TumblingCount's results are counts: R is Long
    WindowOperator.Emitter<Long> counted = (WindowOperator.Emitter<Long>) (WindowOperator.Emitter<?>) this;
    count.count(s, own, shards, counted);
    combiner.advancedThrough(index, s.rises, s.riseCount, epoch);
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
