package org.bigdatalab.cap.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;

/**
 * What a history says about its writes. Every write of a {@link ScheduleRun} writes a value of its
 * own, so a value read or held names the one operation that wrote it ({@code null}: nobody did).
 */
final class Writes {
  private final Map<Integer, Operation> byValue = new HashMap<>();
  private final List<Operation> acknowledged = new ArrayList<>();

  Writes(List<Operation> ops) {
    for (Operation o : ops) {
      Integer value = written(o);
      if (value != null && o.outcome() != Outcome.FAIL) {
        byValue.put(value, o);
        if (o.ok()) {
          acknowledged.add(o);
        }
      }
    }
  }

  static Integer written(Operation o) {
    if (o.op() instanceof RegisterOp.Write w) {
      return w.value();
    }
    return o.op() instanceof RegisterOp.Cas c ? c.value() : null;
  }

  Operation writerOf(Integer value) {
    return value == null ? null : byValue.get(value);
  }

  /**
   * Whether {@code earlier} certainly took effect before {@code later} was invoked: it was
   * acknowledged before. An unknown write may take effect any time after its invocation, however
   * early its client gave up on it.
   */
  static boolean before(Operation earlier, Operation later) {
    return earlier == null || (earlier.ok() && earlier.completedAt() < later.invokedAt());
  }

  /**
   * The acknowledged writes of {@code key} that the final value {@code held} lost: it was written
   * by an operation that certainly took effect before they were invoked (or by nobody).
   */
  List<Operation> lostTo(String key, Integer held) {
    Operation winner = writerOf(held);
    return acknowledged.stream().filter(w -> w.op().key().equals(key) && w != winner && before(winner, w)).toList();
  }

  /** Ok reads that returned a value an acknowledged write had certainly overwritten before the read began. */
  List<Operation> staleReads(List<Operation> ops) {
    List<Operation> stale = new ArrayList<>();
    for (Operation r : ops) {
      if (!(r.ok() && r.op() instanceof RegisterOp.Read)) {
        continue;
      }
      Operation source = writerOf(r.value());
      boolean overwritten = acknowledged.stream().anyMatch(w -> w.op().key().equals(r.op().key()) && w != source
          && before(source, w) && w.completedAt() < r.invokedAt());
      if (overwritten) {
        stale.add(r);
      }
    }
    return stale;
  }

  /**
   * Writes lost to a write they causally follow: a client at node n read the value of write X, a
   * later acknowledged write at n changed the key, and X's value is what the replicas kept.
   */
  List<String> lostAfterReading(List<Operation> ops, Map<String, Integer> held) {
    List<String> lost = new ArrayList<>();
    for (Operation r : ops) {
      if (!(r.ok() && r.op() instanceof RegisterOp.Read) || r.value() == null || !r.value().equals(held.get(r.op().key()))) {
        continue;
      }
      for (Operation w : acknowledged) {
        if (w.node() == r.node() && w.op().key().equals(r.op().key()) && w.invokedAt() > r.completedAt()) {
          lost.add(w + " was lost to the value it followed, read by " + r);
        }
      }
    }
    return lost;
  }
}
