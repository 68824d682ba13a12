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

  WatermarkCombiner(int shardCount, Sink<?> sink) {
    this.shards = new long[shardCount];
    this.sink = sink;
    Arrays.fill(shards, Long.MIN_VALUE);
  }

  synchronized void advanced(int shard, long time, int epoch) {
    shards[shard] = Math.max(shards[shard], time);
    long min = Long.MAX_VALUE;
    for (long t : shards) { // a plain loop: this runs once per shard per watermark rise
      min = Math.min(min, t);
    }
    if (min > emitted) {
      emitted = min;
      sink.watermark(epoch, min);
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
    }
  }

  /** After a restore every shard is back at the checkpoint's watermark, which was already emitted and committed. */
  synchronized void reset(long time) {
    Arrays.fill(shards, time);
    emitted = time;
  }
}
