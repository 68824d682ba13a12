package org.bigdatalab.cap;

import java.util.Objects;

/**
 * One operation of a history: a client process invoked {@code op} at {@code node} and saw it end.
 *
 * @param process     Knossos's process: one client at a time; a process whose operation ended
 *                    {@code INFO} never invokes again (it may still be in flight)
 * @param node        the node the client talked to (-1 where unknown, e.g. a history read from a file)
 * @param op          what was asked
 * @param outcome     how it ended
 * @param value       for an ok read, the value read ({@code null}: never written); otherwise null
 * @param invokedAt   when the client sent it (simulated or real milliseconds, the store's clock)
 * @param completedAt when the client saw the answer or gave up; {@link Long#MAX_VALUE} when it never did
 */
public record Operation(int process, int node, RegisterOp op, Outcome outcome, Integer value, long invokedAt,
                        long completedAt) {
  public Operation {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(outcome, "outcome");
    if (completedAt < invokedAt) {
      throw new IllegalArgumentException("completed at " + completedAt + " before its invocation at " + invokedAt);
    }
  }

  public boolean ok() { return outcome == Outcome.OK; }

  public long latency() { return completedAt - invokedAt; }

  @Override
  public String toString() {
    String result = outcome == Outcome.OK && op instanceof RegisterOp.Read ? " -> " + value : "";
    String end = completedAt == Long.MAX_VALUE ? "never" : Long.toString(completedAt);
    return "p" + process + (node >= 0 ? "@n" + node : "") + " " + op + result + " " + outcome.name().toLowerCase(java.util.Locale.ROOT)
        + " [" + invokedAt + ".." + end + "]";
  }
}
