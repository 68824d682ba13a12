package org.bigdatalab.streaming.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.bigdatalab.streaming.WindowResult;

/**
 * The windows of a {@link TumblingCount} whose counts the shards hold in parts, joined when the
 * window fires. A typed slice is cut by position, one range per shard (no per-event split on the
 * driver, each event counted once), so a key's events of one window may be counted on several
 * shards; each shard hands its part over when its watermark closes the window, and the
 * {@link WatermarkCombiner} fires the window once its minimum reaches the close: every shard has
 * then passed it, so every part is in. Counts add up, so the parts' sum is the window's count.
 *
 * <p>Called by the shards' threads ({@link #deposit}, {@link #emitFired}), by the combiner under
 * its lock ({@link #fireThrough}) and by the driver with the shards idle ({@link #emitAll}); after a
 * sync every window is fired (every shard has seen every watermark), and after {@link #emitAll}
 * nothing is left here.
 */
final class CountFirings {
  private final Sink<Long> sink;
  private final long size;
  private final int shards;
  /** The parts handed over, by the watermark that closes their window (unique per window). */
  private final TreeMap<Long, Part> parts = new TreeMap<>();

  /** One window's parts so far and the watermark that fired it (the same on every shard: each sees every rise). */
  private record Part(long time, List<CountPane> panes) {}

  CountFirings(Sink<Long> sink, long size, int shards) {
    this.sink = sink;
    this.size = size;
    this.shards = shards;
  }

  /** A shard's part of the window closed at {@code closesAt}, fired by watermark {@code time}; the pane is this object's now. */
  synchronized void deposit(long closesAt, long time, CountPane pane) {
    parts.computeIfAbsent(closesAt, c -> new Part(time, new ArrayList<>())).panes().add(pane);
  }

  /** A fired window: its parts, the watermark that fired it, the epoch it fired in, and the shard whose report fired it. */
  private record Fired(Part part, int epoch, int shard) {}

  /** Fired windows not yet emitted, in firing order. */
  private final ArrayDeque<Fired> fired = new ArrayDeque<>();

  /**
   * Marks every window that closes at or below {@code watermark} as fired in epoch {@code epoch}
   * by shard {@code shard}'s report; called by the combiner under its lock, so it only moves them:
   * they are made into results by {@link #emitFired}, outside that lock (made under it, a window's
   * ~6,000 results kept the other shard waiting for the combiner).
   */
  synchronized void fireThrough(long watermark, int epoch, int shard) {
    while (!parts.isEmpty() && parts.firstKey() <= watermark) {
      fired.add(new Fired(parts.pollFirstEntry().getValue(), epoch, shard));
    }
  }

  /**
   * Shard {@code shard}'s turn, after each of its reports to the combiner: emits the windows
   * another shard's report fired (any, with one shard), each part added into one, in the epoch
   * each fired in. Not its own: the shard whose report fires a window is the one behind (the
   * combiner's minimum is its watermark), and a window's results made by it kept it behind,
   * so it made every window's results (shards' CPU 1.4-1.8 and 4.3-4.7 ms per 1M events); made
   * by the shard ahead, the work evens out. What no shard has emitted by a checkpoint or the
   * run's end the driver emits ({@link #emitAll}) before the sink commits.
   */
  void emitFired(int shard) {
    while (true) {
      Fired next = null;
      synchronized (this) {
        for (Iterator<Fired> i = fired.iterator(); i.hasNext(); ) {
          Fired f = i.next();
          if (f.shard() != shard || shards == 1) {
            i.remove();
            next = f;
            break;
          }
        }
      }
      if (next == null) {
        return;
      }
      List<CountPane> panes = next.part().panes();
      CountPane all = panes.get(0);
      for (int p = 1; p < panes.size(); p++) {
        all.addAll(panes.get(p));
      }
      List<WindowResult<Long>> results = all.emit(size, next.part().time());
      synchronized (this) {
        for (CountPane p : panes) { // each emptied by addAll or emit
          if (spares.size() < SPARES) {
            spares.add(p);
          }
        }
      }
      sink.results(next.epoch(), results);
    }
  }

  /**
   * Emptied panes of fired windows, for the shards' next windows ({@link #pane}): a window's
   * dense array grows to about twice its keys' span (64 KB for a Nexmark window) through four
   * doublings, and a new pane per window per shard made those allocations 7% of a shard's time.
   */
  private final ArrayDeque<CountPane> spares = new ArrayDeque<>();
  private static final int SPARES = 8;

  /** An empty pane for a shard's new window starting at {@code start}: an emptied one of a fired window if there is one. */
  synchronized CountPane pane(long start) {
    CountPane p = spares.poll();
    if (p == null) {
      p = new CountPane();
    }
    p.start = start;
    return p;
  }

  /** Every fired window not yet emitted (the driver's, once the shards are idle: before a commit, at the run's end). */
  void emitAll() {
    emitFired(-1);
  }

  /** After a restore: nothing handed over since the checkpoint counts (there is nothing, after the sync before it). */
  synchronized void clear() {
    parts.clear();
    fired.clear();
  }
}
