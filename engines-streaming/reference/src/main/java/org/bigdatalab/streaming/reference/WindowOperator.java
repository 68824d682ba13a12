package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingJob.OutputMode;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.WindowResult.Firing;
import org.bigdatalab.streaming.Windows;

/**
 * The keyed window state of one shard and the rules that fire it: Flink's {@code WindowOperator}
 * with an event-time trigger, written plainly. State is a map from key to its panes (window and
 * accumulator); a watermark fires panes whose end it reached and purges those whose end plus the
 * allowed lateness it reached. Panes are immutable, so a snapshot is a copy of the maps.
 */
final class WindowOperator<T, A, R> implements KeyedState<T, R> {

  /** Where fired results and late events go. */
  interface Emitter<R> {
    void result(WindowResult<R> result);

    /** Results of one firing, in order; the emitter keeps the list. */
    default void results(List<WindowResult<R>> results) { results.forEach(this::result); }

    void late(LateEvent event);
    void dropped();
  }

  /** A window's accumulator and whether it already fired on time (updates mode). */
  record Pane<A>(A acc, boolean fired) {}

  /** What a checkpoint keeps of an operator. */
  record Snapshot<A>(Map<String, TreeMap<Window, Pane<A>>> state, long watermark) {}

  private final StreamingJob<T, A, R> job;
  private final Semantics semantics;
  private final long lateness;
  private Map<String, TreeMap<Window, Pane<A>>> state = new HashMap<>();
  private long watermark = Long.MIN_VALUE;
  /**
   * Event-time timers, one per key: the earliest deadline among the key's panes (at most; a merged
   * or purged pane can leave it early, which only costs a visit), and the keys ordered by it, so a
   * watermark visits only the keys with something due instead of every key (Flink's timer service).
   */
  private final Map<String, Long> keyDeadline = new HashMap<>();
  private final PriorityQueue<Due> due = new PriorityQueue<>();

  /** A key's timer. */
  private record Due(long at, String key) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      return at != o.at ? Long.compare(at, o.at) : key.compareTo(o.key);
    }
  }

  WindowOperator(StreamingJob<T, A, R> job, Semantics semantics) {
    this.job = job;
    this.semantics = semantics;
    this.lateness = semantics.lateness(job);
  }

  @Override
  public void onElement(String key, T event, String line, long ts, Emitter<R> out) {
    TreeMap<Window, Pane<A>> panes = state.computeIfAbsent(key, k -> new TreeMap<>());
    boolean accepted = job.windows() instanceof Windows.Session
        ? addToSession(panes, key, event, ts, out) : addToWindows(panes, key, event, ts, out);
    if (panes.isEmpty()) {
      state.remove(key);
    }
    if (!accepted && semantics.reportsLate()) {
      if (semantics.sideOutput()) {
        out.late(new LateEvent(line, ts, key, watermark));
      } else {
        out.dropped();
      }
    }
  }

  private boolean addToWindows(TreeMap<Window, Pane<A>> panes, String key, T event, long ts, Emitter<R> out) {
    boolean accepted = false;
    for (Window w : semantics.assign(job.windows(), ts)) {
      if (closed(w)) {
        continue;
      }
      accepted = true;
      Pane<A> pane = panes.get(w);
      A acc = job.aggregate().add(pane == null ? job.aggregate().create() : pane.acc(), event);
      put(panes, key, w, new Pane<>(acc, pane != null && pane.fired()), out);
    }
    return accepted;
  }

  private boolean addToSession(TreeMap<Window, Pane<A>> panes, String key, T event, long ts, Emitter<R> out) {
    Window merged = semantics.assign(job.windows(), ts).get(0);
    A acc = job.aggregate().create();
    boolean fired = false;
    List<Window> touched = new ArrayList<>();
    for (Window w : panes.keySet()) {
      if (w.touches(merged) && (touched.isEmpty() || semantics.mergesSessions())) {
        touched.add(w);
      }
    }
    if (touched.isEmpty() && closed(merged)) {
      return false;
    }
    for (Window w : touched) {
      Pane<A> pane = panes.remove(w);
      merged = merged.cover(w);
      acc = job.aggregate().merge(acc, pane.acc());
      fired |= pane.fired();
    }
    put(panes, key, merged, new Pane<>(job.aggregate().add(acc, event), fired), out);
    return true;
  }

  /** Stores a pane; a pane updated after its window fired is emitted again as a late update. */
  private void put(TreeMap<Window, Pane<A>> panes, String key, Window w, Pane<A> pane, Emitter<R> out) {
    if (job.mode() == OutputMode.UPDATES && watermark >= semantics.firesAt(w)) {
      out.result(new WindowResult<>(key, w, job.aggregate().result(pane.acc()), Firing.LATE, watermark));
      pane = new Pane<>(pane.acc(), true);
    }
    panes.put(w, pane);
    schedule(key, deadline(w, pane));
  }

  /** Makes sure the key is visited by the first watermark at or past {@code at}. */
  private void schedule(String key, long at) {
    Long current = keyDeadline.get(key);
    if (current == null || at < current) {
      keyDeadline.put(key, at);
      due.add(new Due(at, key));
    }
  }

  /** The watermark at which the pane next changes: its on-time firing (updates mode) or its closing. */
  private long deadline(Window w, Pane<A> pane) {
    long fires = semantics.firesAt(w);
    return job.mode() == OutputMode.UPDATES && !pane.fired() ? fires : StreamingJob.plus(fires, lateness);
  }

  @Override
  public void onWatermark(long time, Emitter<R> out) {
    if (time <= watermark) {
      return;
    }
    watermark = time;
    while (!due.isEmpty() && due.peek().at() <= time) {
      Due d = due.poll();
      Long current = keyDeadline.get(d.key());
      if (current == null || current != d.at()) {
        continue; // superseded by an earlier timer of the same key, already visited
      }
      keyDeadline.remove(d.key());
      TreeMap<Window, Pane<A>> panes = state.get(d.key());
      if (panes == null) {
        continue;
      }
      long next = fireDue(d.key(), panes, out);
      if (panes.isEmpty()) {
        state.remove(d.key());
      } else {
        schedule(d.key(), next);
      }
    }
  }

  /** Fires and purges what the watermark reached among one key's panes; returns the earliest deadline left. */
  private long fireDue(String key, TreeMap<Window, Pane<A>> panes, Emitter<R> out) {
    long next = Long.MAX_VALUE;
    for (Iterator<Map.Entry<Window, Pane<A>>> it = panes.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Window, Pane<A>> e = it.next();
      Window w = e.getKey();
      Pane<A> pane = e.getValue();
      if (job.mode() == OutputMode.UPDATES && !pane.fired() && watermark >= semantics.firesAt(w)) {
        out.result(new WindowResult<>(key, w, job.aggregate().result(pane.acc()), Firing.ON_TIME, watermark));
        e.setValue(new Pane<>(pane.acc(), true));
      }
      if (closed(w)) {
        if (job.mode() == OutputMode.FINAL) {
          out.result(new WindowResult<>(key, w, job.aggregate().result(pane.acc()), Firing.FINAL, watermark));
        }
        it.remove();
      } else {
        next = Math.min(next, deadline(w, e.getValue()));
      }
    }
    return next;
  }

  /** A window is closed (final, its state purged) once the watermark reached its firing time plus the lateness. */
  private boolean closed(Window w) {
    return watermark >= StreamingJob.plus(semantics.firesAt(w), lateness);
  }

  @Override
  public Snapshot<A> snapshot() { return new Snapshot<>(copy(state), watermark); }

  @Override
  @SuppressWarnings("unchecked")
  public void restore(Object from) {
    Snapshot<A> snapshot = (Snapshot<A>) from;
    state = copy(snapshot.state());
    watermark = snapshot.watermark();
    keyDeadline.clear();
    due.clear();
    state.forEach((key, panes) -> panes.forEach((w, pane) -> schedule(key, deadline(w, pane))));
  }

  private static <A> Map<String, TreeMap<Window, Pane<A>>> copy(Map<String, TreeMap<Window, Pane<A>>> from) {
    Map<String, TreeMap<Window, Pane<A>>> to = new HashMap<>();
    from.forEach((k, panes) -> to.put(k, new TreeMap<>(panes)));
    return to;
  }
}
