package org.bigdatalab.streaming.flink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.WindowResult;

/**
 * The sinks of a run, in this JVM: the job's functions run in the engine's MiniCluster, in the
 * same process, and the job's sink publishes to the lists of their run id. This is why the engine only runs on an
 * embedded cluster: a remote cluster would need a collect sink instead.
 */
final class Runs {
  private Runs() {}

  /** What one run emitted, published by the job's sink; the watermarks as its generator emitted them. */
  static final class Sink {
    final List<WindowResult<Object>> results = Collections.synchronizedList(new ArrayList<>());
    final List<Long> watermarks = Collections.synchronizedList(new ArrayList<>());
    final List<LateEvent> late = Collections.synchronizedList(new ArrayList<>());
    final List<DeadLetter> dead = Collections.synchronizedList(new ArrayList<>());
    private final Set<Long> published = new HashSet<>();

    /** Appends one checkpoint's outputs unless they were already: the external system's side of the two-phase commit. */
    synchronized void publish(long checkpointId, List<Object> outputs) {
      if (!published.add(checkpointId)) {
        return;
      }
      for (Object o : outputs) {
        if (o instanceof WindowResult<?> r) {
          @SuppressWarnings("unchecked")
          WindowResult<Object> result = (WindowResult<Object>) r;
          results.add(result);
        } else if (o instanceof LateEvent e) {
          late.add(e);
        } else {
          dead.add((DeadLetter) o);
        }
      }
    }
    /** A stateless run's outputs ({@link FlinkStateless}). */
    final List<Object> outputs = Collections.synchronizedList(new ArrayList<>());
  }

  private static final Map<String, Sink> SINKS = new ConcurrentHashMap<>();

  static Sink open(String runId) {
    Sink sink = new Sink();
    SINKS.put(runId, sink);
    return sink;
  }

  static Sink of(String runId) {
    Sink sink = SINKS.get(runId);
    if (sink == null) {
      throw new IllegalStateException("no open run " + runId + ": the job must run in the engine's own JVM");
    }
    return sink;
  }

  static void close(String runId) { SINKS.remove(runId); }
}
