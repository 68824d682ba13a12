package org.bigdatalab.suite.faults;

import java.util.Set;
import java.util.TreeSet;

/**
 * A fault a test injects into a cluster of numbered nodes: the vocabulary of generated fault
 * schedules (see {@link Schedules}). An engine's test harness applies each to its simulated or
 * real network; what a fault means for messages in flight is the harness's to define and document.
 */
public sealed interface Fault {

  /** Cuts the nodes of {@code side} off from all the others, both ways (any split, not only halves). */
  record Partition(Set<Integer> side) implements Fault {
    public Partition {
      side = Set.copyOf(side);
    }

    @Override
    public String toString() {
      return "partition " + new TreeSet<>(side) + " from the rest";
    }
  }

  /** Ends every partition. */
  record Heal() implements Fault {
    @Override
    public String toString() {
      return "heal";
    }
  }

  /** Loses the next message from {@code from} to {@code to}. */
  record Drop(int from, int to) implements Fault {
    @Override
    public String toString() {
      return "drop next n" + from + "->n" + to;
    }
  }

  /** Holds the next message from {@code from} to {@code to} back for {@code ticks} ticks of the harness's clock. */
  record Delay(int from, int to, int ticks) implements Fault {
    @Override
    public String toString() {
      return "delay next n" + from + "->n" + to + " by " + ticks;
    }
  }

  /** Delivers the next message from {@code from} to {@code to} twice. */
  record Duplicate(int from, int to) implements Fault {
    @Override
    public String toString() {
      return "duplicate next n" + from + "->n" + to;
    }
  }

  /** Stops a node at once; with {@code loseDisk} its unsynced (or all) local state is gone when it restarts. */
  record Crash(int node, boolean loseDisk) implements Fault {
    @Override
    public String toString() {
      return "crash n" + node + (loseDisk ? " losing its disk" : "");
    }
  }

  /** Starts a crashed node again. */
  record Restart(int node) implements Fault {
    @Override
    public String toString() {
      return "restart n" + node;
    }
  }

  /** Moves a node's clock by {@code millis} (either way) against the others'. */
  record SkewClock(int node, long millis) implements Fault {
    @Override
    public String toString() {
      return "skew n" + node + " clock by " + (millis >= 0 ? "+" : "") + millis + " ms";
    }
  }
}
