package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
final class WindowOperator<T, A, R> {

  /** Where fired results and late events go. */
  interface Emitter<R> {
    void result(WindowResult<R> result);
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
  private Map<String, TreeMap<Window, Pane<A>>> state = new TreeMap<>();
  private long watermark = Long.MIN_VALUE;

  WindowOperator(StreamingJob<T, A, R> job, Semantics semantics) {
    this.job = job;
    this.semantics = semantics;
    this.lateness = semantics.lateness(job);
  }

  void onElement(String key, T event, String line, long ts, Emitter<R> out) {
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
  }

  void onWatermark(long time, Emitter<R> out) {
    if (time <= watermark) {
      return;
    }
    watermark = time;
    for (Iterator<Map.Entry<String, TreeMap<Window, Pane<A>>>> keys = state.entrySet().iterator(); keys.hasNext(); ) {
      Map.Entry<String, TreeMap<Window, Pane<A>>> entry = keys.next();
      for (Iterator<Map.Entry<Window, Pane<A>>> it = entry.getValue().entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<Window, Pane<A>> e = it.next();
        Window w = e.getKey();
        Pane<A> pane = e.getValue();
        if (job.mode() == OutputMode.UPDATES && !pane.fired() && watermark >= semantics.firesAt(w)) {
          out.result(new WindowResult<>(entry.getKey(), w, job.aggregate().result(pane.acc()), Firing.ON_TIME, watermark));
          e.setValue(new Pane<>(pane.acc(), true));
        }
        if (closed(w)) {
          if (job.mode() == OutputMode.FINAL) {
            out.result(new WindowResult<>(entry.getKey(), w, job.aggregate().result(pane.acc()), Firing.FINAL, watermark));
          }
          it.remove();
        }
      }
      if (entry.getValue().isEmpty()) {
        keys.remove();
      }
    }
  }

  /** A window is closed (final, its state purged) once the watermark reached its firing time plus the lateness. */
  private boolean closed(Window w) {
    return watermark >= StreamingJob.plus(semantics.firesAt(w), lateness);
  }

  Snapshot<A> snapshot() { return new Snapshot<>(copy(state), watermark); }

  void restore(Snapshot<A> snapshot) {
    state = copy(snapshot.state());
    watermark = snapshot.watermark();
  }

  private static <A> Map<String, TreeMap<Window, Pane<A>>> copy(Map<String, TreeMap<Window, Pane<A>>> from) {
    Map<String, TreeMap<Window, Pane<A>>> to = new TreeMap<>();
    from.forEach((k, panes) -> to.put(k, new TreeMap<>(panes)));
    return to;
  }
}
