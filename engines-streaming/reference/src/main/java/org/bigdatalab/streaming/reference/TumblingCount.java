package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingJob;

/**
 * A tumbling-window count with whole-number keys, in final-results mode, kept in primitives: per
 * open window, a table from key to count ({@link CountPane}: dense over the keys' range, or open
 * addressing; nothing boxed or allocated per event), emitted as results made only when read.
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
  /** The open windows (few: those within the out-of-orderness and lateness); a closed one's table goes to {@link #firings}. */
  private final List<CountPane> panes = new ArrayList<>();
  private CountPane last;
  private long watermark = Long.MIN_VALUE;
  /** The earliest watermark that closes an open window. */
  private long nextClose = Long.MAX_VALUE;
  /** Where a closed window's counts go to be joined with the other shards' parts and fired. */
  private final CountFirings firings;

  /** Whether the job can be kept this way. */
  static boolean fits(StreamingJob<?, ?, ?> job) {
    return job.windows() instanceof org.bigdatalab.streaming.Windows.Tumbling
        && job.aggregate() instanceof org.bigdatalab.streaming.Aggregate.Count<?>
        && job.key() instanceof StreamFns.LongKey<?>
        && job.mode() == StreamingJob.OutputMode.FINAL;
  }

  @SuppressWarnings("unchecked")
  TumblingCount(StreamingJob<T, ?, ?> job, CountFirings firings) {
    this.firings = firings;
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
    CountPane pane = last;
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
   * Shard {@code shard}'s part (of {@code shards}) of a slice ({@link KeyedSlice}): a range of
   * positions, whatever the events' keys, each event after the rises that came before it, then the
   * slice's remaining rises (all of them, before and after the range: every shard sees every rise,
   * so every shard closes each window at the same rise, and hands its part to {@link CountFirings}).
   * What handling each rise and event in turn would do, but a rise below {@link #nextClose} changes nothing except the
   * watermark, so only the rises that close a window (the "stop": the first at or above
   * {@code nextClose}) are handled where they fall; the others only raise the watermark when an
   * event needs it (one outside the open window, which may be late). Between stops the loop is
   * events of the open window only, counted with the pane in locals ({@link CountPane#countRun}):
   * one call per run of events (counted a call per event, the JIT did not always inline
   * it, and that cost 2.5x a hand-written loop).
   */
  void count(KeyedSlice<T> s, int shard, int shards, WindowOperator.Emitter<Long> out) {
    long[] keys = s.keys;
    long[] times = s.times;
    int base = s.base;
    long[] rises = s.rises;
    int[] risePos = s.risePos;
    int riseCount = s.riseCount;
    int length = s.to - s.from; // this shard's part of the slice: a range of positions
    int to = s.from + (int) ((long) length * (shard + 1) / shards);
    int r = 0; // rises[0..r) are below the stop and at or below the events handled so far
    int stop = firstAtOrAbove(rises, r, riseCount, nextClose);
    int stopAfter = stop < riseCount ? risePos[stop] : Integer.MAX_VALUE; // the stop comes right after this event
    CountPane pane = last;
    long paneStart = pane == null ? 0 : pane.start;
    boolean open = pane != null;
    int i = s.from + (int) ((long) length * shard / shards);
    while (i < to) {
      if (open) {
        int next = pane.countRun(keys, times, base, i, to, stopAfter, size);
        if (next > i) {
          i = next;
          continue;
        }
      }
      if (i > stopAfter) { // the closing rise comes before this event
        r = stop + 1;
        onWatermark(rises[stop], out);
        stop = firstAtOrAbove(rises, r, riseCount, nextClose);
        stopAfter = stop < riseCount ? risePos[stop] : Integer.MAX_VALUE;
        pane = last;
        open = pane != null;
        paneStart = open ? pane.start : 0;
        continue;
      }
      long k = keys[i - base];
      long ts = times[i - base];
      if (open && ts >= paneStart && ts - paneStart < size) {
        pane.increment(k);
        i++;
        continue;
      }
      while (r < riseCount && risePos[r] < i) { // below the stop: they raise the watermark, and close nothing
        r++;
      }
      if (r > 0 && rises[r - 1] > watermark) {
        watermark = rises[r - 1];
      }
      long start = ts - Math.floorMod(ts, size);
      if (watermark >= closesAt(start)) {
        out.late(new LateEvent(s.batch.line(i), ts, Long.toString(k), watermark));
      } else {
        last = paneOf(start); // may open a window that closes before the stop
        pane = last;
        open = true;
        paneStart = start;
        pane.increment(k);
        stop = firstAtOrAbove(rises, r, riseCount, nextClose);
        stopAfter = stop < riseCount ? risePos[stop] : Integer.MAX_VALUE;
      }
      i++;
    }
    while (stop < riseCount) { // the rises after this shard's last event: each stop in turn
      onWatermark(rises[stop], out);
      stop = firstAtOrAbove(rises, stop + 1, riseCount, nextClose);
    }
    if (riseCount > 0) {
      onWatermark(rises[riseCount - 1], out);
    }
  }

  /** The first of the ascending {@code rises[from..to)} at or above {@code time}, or {@code to}. */
  private static int firstAtOrAbove(long[] rises, int from, int to, long time) {
    int at = java.util.Arrays.binarySearch(rises, from, to, time);
    return at >= 0 ? at : -at - 1;
  }

  private long closesAt(long start) { return StreamingJob.plus(start + size, lateness); }

  private CountPane paneOf(long start) {
    for (CountPane p : panes) {
      if (p.start == start) {
        return p;
      }
    }
    CountPane p = firings.pane(start);
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
      CountPane p = panes.get(i);
      if (time >= closesAt(p.start)) {
        firings.deposit(closesAt(p.start), time, p); // the pane is the firings' now
        panes.remove(i);
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
    List<CountPane> copy = new ArrayList<>();
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

  private record Snapshot(List<CountPane> panes, long watermark) {}
}
