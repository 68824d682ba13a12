package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;

/**
 * A slice of a typed batch for a {@link TumblingCount}: each event's key and time as primitives
 * (the batch's own columns where its source filled them, else read from the events here, once),
 * and the watermark rises with the index of the event after which each came. The slice is cut by
 * position, one range per shard: each shard counts its range's events whatever their keys, so
 * every event is counted once (when every shard scanned the whole slice and kept only its keys'
 * counts, each counted every event), and handles every rise of the slice, so every shard closes
 * each window at the same rise; the shards' parts of a window are added into one when the
 * combined watermark passes its close ({@link CountFirings}). A range's late events are kept here
 * and handed to the sink range after range, in arrival order ({@link #counted}).
 *
 * <p>For a columnar batch the driver's only per-event work is the rises (one branch-free pass over
 * the times). It used to partition each slice by key into per-shard index lists as well: a serial
 * pass that cost 1.2x the whole hand-written count, and the shards then read their events through
 * those lists.
 *
 * <p>Read-only once handed to the shards, but for the late events each shard keeps in its own list.
 * The driver reuses a slice once every shard is done with it ({@link ThreadedShards} keeps a ring
 * of them, one more than a shard may have in flight).
 */
final class KeyedSlice<T> {
  /**
   * Events per slice: four typed chunks ({@link TypedChunk#SIZE}). Each slice is one hand-off to
   * every shard, one report of its rises to the combiner and a wake-up of a shard that may be
   * parked; at 16,384 events (61 slices per 1M) the count's CPU was 5% higher (columns 7.2 against
   * 6.8 ms per 1M, typed 10.0-11.2 against 9.5-11.0, load 11). The cost is latency: a result can
   * come out up to {@link ThreadedShards#TYPED_IN_FLIGHT} slices after the event that made it due.
   */
  static final int SIZE = 65_536;

  ScriptedSource.Events<T> batch;
  /** Keys and times of the slice's events: {@code keys[i - base]} is event {@code i}'s key. */
  long[] keys;
  long[] times;
  int base;
  int from;
  int to;
  /** The watermark rises of the slice, in order; rise r came right after event {@code risePos[r]}. */
  long[] rises = new long[0];
  int[] risePos = new int[0];
  int riseCount;
  /** Each shard's late events of the slice, in arrival order, and how many shards are done with the slice. */
  private final List<List<LateEvent>> late = new ArrayList<>();
  private final AtomicInteger done = new AtomicInteger();
  private int shards;
  /** Buffers the keys and times go to when the batch has no columns. */
  private long[] keyBuffer = new long[0];
  private long[] timeBuffer = new long[0];

  /**
   * Fills the slice with the events {@code [from, to)} of the scan's batch: from the batch's columns
   * of the job's declared key and time fields if both are there, else through the job's functions.
   * Records the watermark rises, starting from the scan's watermark and rising to
   * {@code time - bound} after each event that takes it higher, and returns the watermark after.
   * The slice is for {@code shards} shards, a range of positions each.
   */
  long fill(TypedScan<T> scan, int shards) {
    ScriptedSource.Events<T> batch = scan.batch();
    int from = scan.from();
    int to = scan.to();
    StreamFns.LongKey<T> key = scan.key();
    StreamFns.Timestamp<T> time = scan.time();
    this.batch = batch;
    this.from = from;
    this.to = to;
    this.shards = shards;
    while (late.size() < shards) {
      late.add(new ArrayList<>());
    }
    late.forEach(List::clear);
    done.set(0);
    int n = to - from;
    if (rises.length < n) { // at most one rise per event
      rises = new long[n];
      risePos = new int[n];
    }
    long[] keyColumn = key instanceof StreamFns.Field f ? batch.column(f.field()) : null;
    long[] timeColumn = time instanceof StreamFns.Field f ? batch.column(f.field()) : null;
    if (keyColumn != null && timeColumn != null) {
      keys = keyColumn;
      times = timeColumn;
      base = 0;
      return rises(scan.watermark(), scan.bound());
    }
    return read(batch.events(), key, time, scan.watermark(), scan.bound());
  }

  /**
   * {@link #fill} without columns: each event's key and time read through the job's functions,
   * once, with the rises worked out in the same loop (as {@link #rises} does; here the reads of
   * the event objects, not the rises, set the pace).
   */
  private long read(java.util.List<T> events, StreamFns.LongKey<T> key, StreamFns.Timestamp<T> time, long mark, long bound) {
    int n = to - from;
    if (keyBuffer.length < n) {
      keyBuffer = new long[n];
      timeBuffer = new long[n];
    }
    long[] k = keyBuffer;
    long[] t = timeBuffer;
    long[] up = rises;
    int[] at = risePos;
    int r = 0;
    for (int i = 0; i < n; i++) {
      T event = events.get(from + i);
      k[i] = key.longOf(event);
      long next = (t[i] = time.of(event)) - bound;
      up[r] = next;
      at[r] = from + i;
      r += next > mark ? 1 : 0;
      mark = Math.max(mark, next);
    }
    keys = k;
    times = t;
    base = from;
    riseCount = r;
    return mark;
  }

  /**
   * Records the slice's rises from {@code mark} and returns the watermark after them. A branch per
   * event: the branch-free form (a rise written at {@code r} every time, kept by moving {@code r}
   * when the time goes higher) chained every event on the last (compare, conditional move, add)
   * and took 0.95 ms per 1M Nexmark bids, this 0.34 ms; with the times jittered at random (0-2,
   * 0-5, 0-50 and 0-1,000 ms, where the predictor cannot learn the rises) 1.3 / 1.1 / 1.0 / 0.6
   * against 1.6 / 1.6 / 1.9 / 1.5 ms (scratch probe, best of 200).
   */
  private long rises(long mark, long bound) {
    long[] t = times;
    int b = base;
    long[] up = rises;
    int[] at = risePos;
    int r = 0;
    for (int i = from; i < to; i++) {
      long next = t[i - b] - bound;
      if (next > mark) {
        up[r] = next;
        at[r++] = i;
        mark = next;
      }
    }
    riseCount = r;
    return mark;
  }

  /** Where shard {@code shard} keeps its range's late events while it counts. */
  List<LateEvent> lateOf(int shard) { return late.get(shard); }

  /** A shard is done counting its range; true for the last one, which hands every range's late events on ({@link #lateInOrder}). */
  boolean counted() { return done.incrementAndGet() == shards; }

  /** Every range's late events, range after range: in arrival order. */
  List<List<LateEvent>> lateInOrder() { return late.subList(0, shards); }
}
