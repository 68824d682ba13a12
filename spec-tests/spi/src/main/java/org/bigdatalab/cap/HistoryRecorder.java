package org.bigdatalab.cap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Writes a history as a cluster serves clients, so every engine (simulated or real) numbers its
 * processes the Knossos way: an operation gets the lowest process that is not busy, and a process
 * whose operation ended {@code INFO} is retired, because that operation may still take effect later.
 * Not thread-safe: a real engine calls it under its own lock.
 */
public final class HistoryRecorder {
  private record Pending(int process, int node, RegisterOp op, long invokedAt) {}

  private final List<Pending> pending = new ArrayList<>();
  private final List<Operation> done = new ArrayList<>();
  private final BitSet busy = new BitSet();

  /** Records an invocation; returns the ticket {@link #complete} takes. */
  public int invoke(int node, RegisterOp op, long now) {
    int process = busy.nextClearBit(0);
    busy.set(process);
    pending.add(new Pending(process, node, op, now));
    return pending.size() - 1;
  }

  /** Records how the operation of {@code ticket} ended; a second completion of one ticket is refused. */
  public void complete(int ticket, Outcome outcome, Integer value, long now) {
    Pending p = pending.get(ticket);
    if (p == null) {
      throw new IllegalStateException("operation " + ticket + " already completed");
    }
    pending.set(ticket, null);
    if (outcome != Outcome.INFO) {
      busy.clear(p.process());
    }
    done.add(new Operation(p.process(), p.node(), p.op(), outcome, outcome == Outcome.OK ? value : null, p.invokedAt(), now));
  }

  public boolean isPending(int ticket) {
    return pending.get(ticket) != null;
  }

  /** Operations still in flight. */
  public int inFlight() {
    return (int) pending.stream().filter(java.util.Objects::nonNull).count();
  }

  /** Everything so far; operations still in flight are {@code INFO} that never completed. */
  public History history() {
    List<Operation> all = new ArrayList<>(done);
    for (Pending p : pending) {
      if (p != null) {
        all.add(new Operation(p.process(), p.node(), p.op(), Outcome.INFO, null, p.invokedAt(), Long.MAX_VALUE));
      }
    }
    return new History(all);
  }
}
