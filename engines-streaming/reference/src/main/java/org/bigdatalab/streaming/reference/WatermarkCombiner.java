package org.bigdatalab.streaming.reference;

import java.util.Arrays;

/**
 * Combines the shards' watermarks into the job's output watermark: the minimum, because the job
 * has only finished with a time once every shard has. (Combining with the maximum would announce
 * a time while a slower shard may still fire windows before it.) Emits only when the minimum rises.
 */
final class WatermarkCombiner {
  private final long[] shards;
  private final Sink<?> sink;
  private long emitted = Long.MIN_VALUE;
  /** A tumbling count's windows held in parts by the shards, fired as the minimum reaches them; null for other jobs. */
  private volatile CountFirings firings;

  WatermarkCombiner(int shardCount, Sink<?> sink) {
    this.shards = new long[shardCount];
    this.sink = sink;
    Arrays.fill(shards, Long.MIN_VALUE);
  }

  /** Fires {@code firings}' windows as the minimum passes their close. */
  synchronized void fires(CountFirings firings) { this.firings = firings; }

  synchronized void advanced(int shard, long time, int epoch) {
    shards[shard] = Math.max(shards[shard], time);
    long min = Long.MAX_VALUE;
    for (long t : shards) { // a plain loop: this runs once per shard per watermark rise
      min = Math.min(min, t);
    }
    if (min > emitted) {
      emitted = min;
      sink.watermark(epoch, min);
      fire(min, epoch, shard);
    }
  }

  /** Emits windows the minimum's rises fired (outside this combiner's lock): shard {@code shard}, after each report ({@link CountFirings#emitFired}). */
  void emitFired(int shard) {
    if (firings != null) {
      firings.emitFired(shard);
    }
  }

  /** Emits every fired window not yet emitted: the driver, with the shards idle, before the sink commits. */
  void emitAllFired() {
    if (firings != null) {
      firings.emitAll();
    }
  }

  private void fire(long min, int epoch, int shard) {
    if (firings != null) {
      firings.fireThrough(min, epoch, shard);
    }
  }

  /**
   * A shard handled a typed chunk whose rises were {@code rises[0..count)}: the same as
   * {@link #advanced} for each in turn (every shard sees every rise, so the minimum passes through
   * each of them), under one lock.
   */
  synchronized void advancedThrough(int shard, long[] rises, int count, int epoch) {
    if (count == 0) {
      return;
    }
    shards[shard] = Math.max(shards[shard], rises[count - 1]);
    long min = Long.MAX_VALUE;
    for (long t : shards) {
      min = Math.min(min, t);
    }
    int first = 0;
    while (first < count && rises[first] <= emitted) {
      first++;
    }
    int end = first;
    while (end < count && rises[end] <= min) { // rises only go up, so those above emitted and at most min are a run
      end++;
    }
    if (end > first) {
      emitted = rises[end - 1];
      sink.watermarks(epoch, rises, first, end);
      fire(emitted, epoch, shard);
    }
  }

  /** After a restore every shard is back at the checkpoint's watermark, which was already emitted and committed. */
  synchronized void reset(long time) {
    Arrays.fill(shards, time);
    emitted = time;
    if (firings != null) {
      firings.clear();
    }
  }
}
