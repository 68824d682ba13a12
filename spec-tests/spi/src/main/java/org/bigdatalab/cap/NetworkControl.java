package org.bigdatalab.cap;

import java.util.Set;

/**
 * The faults a test injects into a cluster's network and nodes. A simulated cluster applies each
 * exactly; a real one says in its engine's description what it does instead (e.g. a partition by
 * stopping servers) and refuses what it cannot do with {@link UnsupportedOperationException}.
 */
public interface NetworkControl {

  /** Cuts the nodes of {@code side} off from all the others, both ways; messages already sent across are lost. */
  void partition(Set<Integer> side);

  /** Ends every partition. */
  void heal();

  /** Loses the next message from {@code from} to {@code to}. */
  void dropNext(int from, int to);

  /** Holds the next message from {@code from} to {@code to} back {@code millis} longer than usual. */
  void delayNext(int from, int to, long millis);

  /** Delivers the next message from {@code from} to {@code to} twice. */
  void duplicateNext(int from, int to);

  /**
   * Stops a node at once. Without {@code loseDisk} it keeps what it wrote to disk, even unsynced (a
   * process crash); with it, what it had not synced is gone (a power loss).
   */
  void crash(int node, boolean loseDisk);

  /** Starts a crashed node again; it recovers from its disk. */
  void restart(int node);

  /** Moves a node's wall clock by {@code millis} (either way) against the others'. */
  void skewClock(int node, long millis);

  /** Whether {@code node} is running. */
  boolean isUp(int node);
}
