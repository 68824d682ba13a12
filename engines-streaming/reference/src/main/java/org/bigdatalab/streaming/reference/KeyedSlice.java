package org.bigdatalab.streaming.reference;

import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;

/**
 * A slice of a typed batch for a {@link TumblingCount}, partitioned by key once, on the driver:
 * each event's key and time as primitives (the batch's own columns where its source filled them,
 * else read from the events here, once), the batch indices of each shard's events in order, and the
 * watermark rises with the index of the event after which each came. A shard reads only its own
 * events and every rise, so it handles exactly the messages the batch's lines would have sent it,
 * in the same order; no shard reads another's events, and no event object is read twice.
 *
 * <p>Read-only once handed to the shards. The driver reuses a slice once every shard is done with
 * it ({@link ThreadedShards} keeps a ring of them, one more than a shard may have in flight).
 */
final class KeyedSlice<T> {
  ScriptedSource.Events<T> batch;
  /** Keys and times of the slice's events: {@code keys[i - base]} is event {@code i}'s key. */
  long[] keys;
  long[] times;
  int base;
  int from;
  int to;
  /** Shard s's events: batch indices {@code own[s][0..ownCount[s])}, ascending. */
  final int[][] own;
  final int[] ownCount;
  /** The watermark rises of the slice, in order; rise r came right after event {@code risePos[r]}. */
  long[] rises = new long[0];
  int[] risePos = new int[0];
  int riseCount;
  /** Buffers the keys and times go to when the batch has no columns. */
  private long[] keyBuffer = new long[0];
  private long[] timeBuffer = new long[0];

  KeyedSlice(int shards) {
    own = new int[shards][];
    ownCount = new int[shards];
    for (int s = 0; s < shards; s++) {
      own[s] = new int[0];
    }
  }

  /**
   * Fills the slice with the events {@code [from, to)} of the scan's batch: from the batch's columns
   * of the job's declared key and time fields if both are there, else through the job's functions.
   * Returns the watermark after the slice, starting from the scan's watermark and rising to
   * {@code time - bound} after each event that takes it higher.
   */
  long fill(TypedScan<T> scan) {
    ScriptedSource.Events<T> batch = scan.batch();
    int from = scan.from();
    int to = scan.to();
    long watermark = scan.watermark();
    long bound = scan.bound();
    StreamFns.LongKey<T> key = scan.key();
    StreamFns.Timestamp<T> time = scan.time();
    this.batch = batch;
    this.from = from;
    this.to = to;
    int n = to - from;
    long[] keyColumn = key instanceof StreamFns.Field f ? batch.column(f.field()) : null;
    long[] timeColumn = time instanceof StreamFns.Field f ? batch.column(f.field()) : null;
    if (keyColumn != null && timeColumn != null) {
      keys = keyColumn;
      times = timeColumn;
      base = 0;
    } else {
      if (keyBuffer.length < n) {
        keyBuffer = new long[n];
        timeBuffer = new long[n];
      }
      java.util.List<T> events = batch.events();
      for (int i = 0; i < n; i++) {
        T event = events.get(from + i);
        keyBuffer[i] = key.longOf(event);
        timeBuffer[i] = time.of(event);
      }
      keys = keyBuffer;
      times = timeBuffer;
      base = from;
    }
    if (rises.length < n) { // at most one rise per event
      rises = new long[n];
      risePos = new int[n];
    }
    int shards = own.length;
    for (int s = 0; s < shards; s++) {
      ownCount[s] = 0;
      if (shards > 1 && own[s].length < n) {
        own[s] = new int[n];
      }
    }
    return partition(watermark, bound);
  }

  /**
   * Routes each event to its shard's list and records the rises. One shard owns every event: no
   * list is written (a loop-invariant test, which the JIT takes out of the loop).
   */
  private long partition(long mark, long bound) {
    if (own.length == 2) {
      return partitionInTwo(mark, bound);
    }
    long[] k = keys;
    long[] t = times;
    int b = base;
    int shards = own.length;
    boolean route = shards > 1;
    int[][] lists = own;
    int[] counts = ownCount;
    int r = 0;
    for (int i = from; i < to; i++) {
      if (route) {
        int s = ThreadedShards.shardOf(Long.hashCode(k[i - b]), shards);
        lists[s][counts[s]++] = i;
      }
      long next = t[i - b] - bound;
      if (next > mark) {
        mark = next;
        rises[r] = next;
        risePos[r++] = i;
      }
    }
    riseCount = r;
    if (!route) {
      counts[0] = to - from;
    }
    return mark;
  }

  /**
   * {@link #partition} for two shards (the default on two cores), without a branch or a
   * read-modify-write of memory per event: each event's index is written to both lists, at each
   * list's count kept in a local, and only its shard's count moves past it (the other list's
   * slot is written again by the next event); a rise is written at {@code r} every time and kept
   * by moving {@code r} only when the time goes higher. Rises are about one event in nine, in no
   * pattern, and the branches on them and on the shard were mispredicted: this loop took 1.4x the
   * whole hand-written count.
   */
  private long partitionInTwo(long mark, long bound) {
    long[] k = keys;
    long[] t = times;
    int b = base;
    int[] zero = own[0];
    int[] one = own[1];
    long[] up = rises;
    int[] at = risePos;
    int c0 = 0;
    int c1 = 0;
    int r = 0;
    for (int i = from; i < to; i++) {
      int s = ThreadedShards.shardOf(Long.hashCode(k[i - b]), 2);
      zero[c0] = i;
      one[c1] = i;
      c0 += 1 - s;
      c1 += s;
      long next = t[i - b] - bound;
      up[r] = next;
      at[r] = i;
      r += next > mark ? 1 : 0;
      mark = Math.max(mark, next);
    }
    ownCount[0] = c0;
    ownCount[1] = c1;
    riseCount = r;
    return mark;
  }

  /** How many events shard {@code s} owns. */
  int count(int s) { return ownCount[s]; }

  /** The batch index of shard {@code s}'s {@code j}-th event. */
  int event(int s, int j) { return own.length == 1 ? from + j : own[s][j]; }
}
