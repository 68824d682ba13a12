package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;

/**
 * A tumbling-window count with whole-number keys, in final-results mode, kept in primitives: per
 * open window, an open-addressing table from key to count (nothing boxed or allocated per event).
 * The rules are {@link WindowOperator}'s for such a job: an event counts in its window unless the
 * watermark reached the window's end plus the lateness (then it is late); a watermark at or past a
 * window's end plus the lateness emits each key's count once, as final, and drops the window.
 * Results come out when the same watermark would make {@link WindowOperator} emit them, carrying the
 * same watermark; only their order within one firing differs (the spec promises none).
 */
final class TumblingCount<T> implements KeyedState<T, Long> {
  private final long size;
  private final long lateness;
  private final StreamFns.LongKey<T> key;
  /** The open windows (few: those within the out-of-orderness and lateness), and spare tables to reuse. */
  private final List<Pane> panes = new ArrayList<>();
  private final List<Pane> spare = new ArrayList<>();
  private Pane last;
  private long watermark = Long.MIN_VALUE;
  /** The earliest watermark that closes an open window. */
  private long nextClose = Long.MAX_VALUE;

  /** Whether the job can be kept this way. */
  static boolean fits(StreamingJob<?, ?, ?> job) {
    return job.windows() instanceof org.bigdatalab.streaming.Windows.Tumbling
        && job.aggregate() instanceof org.bigdatalab.streaming.Aggregate.Count<?>
        && job.key() instanceof StreamFns.LongKey<?>
        && job.mode() == StreamingJob.OutputMode.FINAL;
  }

  @SuppressWarnings("unchecked")
  TumblingCount(StreamingJob<T, ?, ?> job) {
    this.size = ((org.bigdatalab.streaming.Windows.Tumbling) job.windows()).size();
    this.lateness = job.allowedLateness();
    this.key = (StreamFns.LongKey<T>) job.key();
  }

  @Override
  public void onElement(String k, T event, String line, long ts, WindowOperator.Emitter<Long> out) {
    count(key.longOf(event), ts, line, out);
  }

  /** One event of key {@code k} at {@code ts}; {@code line} may be null (the shard fills it in for late events). */
  void count(long k, long ts, String line, WindowOperator.Emitter<Long> out) {
    Pane pane = last;
    if (pane == null || ts < pane.start || ts - pane.start >= size) { // the common case, the last window again, needs no division
      long start = ts - Math.floorMod(ts, size);
      if (watermark >= closesAt(start)) {
        out.late(new LateEvent(line, ts, Long.toString(k), watermark));
        return;
      }
      pane = paneOf(start);
      last = pane;
    }
    pane.increment(k);
  }

  /**
   * A shard's pass over a slice of a typed batch ({@link Shard#scan}): each event's time and key
   * through the job's functions; its own events (route {@code own} of {@code shards}) counted; after
   * each event the watermark rise it causes ({@code time - bound}), applied here and written to
   * {@code rises}, which has room for one per event, starting from the shard's watermark {@code mark}.
   * Returns how many rises. One call per slice, with the open pane's table in locals: counted one
   * {@link #count} call per event, the JIT did not always inline it, and the per-event call cost the
   * count 2.5x a hand-written loop over the same table.
   */
  int scan(TypedScan<T> s, int own, int shards, long mark, long[] rises, WindowOperator.Emitter<Long> out) {
    java.util.List<T> events = s.batch().events();
    StreamFns.Timestamp<T> time = s.time();
    long bound = s.bound();
    int risen = 0;
    Pane pane = last;
    long paneStart = pane == null ? 0 : pane.start;
    boolean open = pane != null;
    for (int i = s.from(), to = s.to(); i < to; i++) {
      T event = events.get(i);
      long ts = time.of(event);
      long k = key.longOf(event);
      if (shards == 1 || ThreadedShards.shardOf(Long.hashCode(k), shards) == own) {
        if (!open || ts < paneStart || ts - paneStart >= size) {
          long start = ts - Math.floorMod(ts, size);
          if (watermark >= closesAt(start)) {
            out.late(new LateEvent(s.batch().line(i), ts, Long.toString(k), watermark));
          } else {
            last = paneOf(start);
            last.increment(k);
          }
          pane = last;
          open = pane != null;
          paneStart = open ? pane.start : 0;
        } else {
          pane.increment(k);
        }
      }
      long next = ts - bound;
      if (next > mark) {
        mark = next;
        onWatermark(next, out);
        rises[risen++] = next;
        if (last != pane) { // the rise closed the open pane
          pane = last;
          open = pane != null;
          paneStart = open ? pane.start : 0;
        }
      }
    }
    return risen;
  }

  private long closesAt(long start) { return StreamingJob.plus(start + size, lateness); }

  private Pane paneOf(long start) {
    for (Pane p : panes) {
      if (p.start == start) {
        return p;
      }
    }
    Pane p = spare.isEmpty() ? new Pane(1024) : spare.remove(spare.size() - 1);
    p.start = start;
    panes.add(p);
    nextClose = Math.min(nextClose, closesAt(start));
    return p;
  }

  @Override
  public void onWatermark(long time, WindowOperator.Emitter<Long> out) {
    if (time <= watermark) {
      return;
    }
    watermark = time;
    if (time < nextClose) {
      return;
    }
    nextClose = Long.MAX_VALUE;
    for (int i = 0; i < panes.size(); ) {
      Pane p = panes.get(i);
      if (time >= closesAt(p.start)) {
        p.emit(size, time, out);
        panes.remove(i);
        spare.add(p);
        if (last == p) {
          last = null;
        }
      } else {
        nextClose = Math.min(nextClose, closesAt(p.start));
        i++;
      }
    }
  }

  @Override
  public Object snapshot() {
    List<Pane> copy = new ArrayList<>();
    panes.forEach(p -> copy.add(p.copy()));
    return new Snapshot(copy, watermark);
  }

  @Override
  public void restore(Object from) {
    Snapshot snapshot = (Snapshot) from;
    panes.clear();
    snapshot.panes().forEach(p -> panes.add(p.copy()));
    watermark = snapshot.watermark();
    last = null;
    nextClose = Long.MAX_VALUE;
    panes.forEach(p -> nextClose = Math.min(nextClose, closesAt(p.start)));
  }

  private record Snapshot(List<Pane> panes, long watermark) {}

  /** One window's counts: keys and counts in parallel arrays, linear probing, a count of 0 marks a free slot. */
  private static final class Pane {
    long start;
    long[] keys;
    long[] counts;
    int used;

    Pane(int capacity) {
      keys = new long[capacity];
      counts = new long[capacity];
    }

    void increment(long k) {
      int mask = keys.length - 1;
      for (int h = slot(k, mask); ; h = (h + 1) & mask) {
        if (counts[h] == 0) {
          keys[h] = k;
          counts[h] = 1;
          if (++used * 2 > keys.length) {
            grow();
          }
          return;
        }
        if (keys[h] == k) {
          counts[h]++;
          return;
        }
      }
    }

    private static int slot(long k, int mask) { return (int) ((k * 0x9E3779B97F4A7C15L) >>> 32) & mask; }

    private void grow() {
      long[] oldKeys = keys;
      long[] oldCounts = counts;
      keys = new long[oldKeys.length * 2];
      counts = new long[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldCounts[i] != 0) {
          int h = slot(oldKeys[i], mask);
          while (counts[h] != 0) {
            h = (h + 1) & mask;
          }
          keys[h] = oldKeys[i];
          counts[h] = oldCounts[i];
        }
      }
    }

    /** Emits every key's count as final (one hand-over for the window), then empties the table for reuse. */
    void emit(long size, long watermark, WindowOperator.Emitter<Long> out) {
      Window window = new Window(start, start + size);
      List<WindowResult<Long>> results = new ArrayList<>(used);
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] != 0) {
          results.add(new WindowResult<>(Long.toString(keys[i]), window, counts[i], WindowResult.Firing.FINAL, watermark));
        }
      }
      out.results(results);
      Arrays.fill(counts, 0);
      used = 0;
    }

    Pane copy() {
      Pane p = new Pane(1);
      p.start = start;
      p.keys = keys.clone();
      p.counts = counts.clone();
      p.used = used;
      return p;
    }
  }
}
