package org.bigdatalab.cap;

import java.util.Map;

/**
 * A running replicated register store of {@link #nodes()} nodes behind a network the test controls.
 * Clients send operations to a node of their choice; time moves only when the test says so
 * ({@link #runFor}), so a simulated cluster is deterministic: one seed, one run.
 */
public interface Cluster extends AutoCloseable {

  int nodes();

  /** The cluster's clock in milliseconds: simulated time, or the wall clock for a real store. */
  long now();

  /**
   * Sends {@code op} from a fresh client to {@code node} now; the answer (or the client's timeout)
   * is recorded in {@link #history()} when it comes. A node that is down refuses at once ({@code FAIL}).
   */
  void invoke(int node, RegisterOp op);

  /** Lets {@code millis} of the cluster's time pass: messages are delivered, timers fire, clients time out. */
  void runFor(long millis);

  NetworkControl network();

  /** Every operation so far; those still in flight are {@code INFO} that never completed. */
  History history();

  /**
   * What {@code node} holds locally, key by key, without asking any other node: how the suite sees
   * whether replicas converged.
   *
   * @throws IllegalStateException when the node is down
   */
  Map<String, Integer> localValues(int node);

  @Override
  default void close() {}
}
