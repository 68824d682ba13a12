package org.bigdatalab.cap;

/**
 * The cluster a test asks for.
 *
 * @param nodes                  replicas, numbered 0 to nodes - 1
 * @param seed                   every random choice of a simulated cluster (timeouts, message
 *                               jitter) comes from it, so one seed replays the same run
 * @param linkLatencyMillis      the least one-way delay of a message between two nodes; a client
 *                               sits next to the node it talks to, so its own hop costs nothing
 * @param clientTimeoutMillis    how long a client waits for an answer before it records {@code INFO}
 */
public record ClusterConfig(int nodes, long seed, long linkLatencyMillis, long clientTimeoutMillis) {
  public ClusterConfig {
    if (nodes < 1) {
      throw new IllegalArgumentException("a cluster needs a node, not " + nodes);
    }
    if (linkLatencyMillis < 1 || clientTimeoutMillis < 1) {
      throw new IllegalArgumentException("latency and timeout must be positive");
    }
  }

  public static ClusterConfig of(int nodes, long seed) {
    return new ClusterConfig(nodes, seed, 5, 600);
  }

  /** A message there and an answer back: what a quorum write costs at least. */
  public long roundTripMillis() {
    return 2 * linkLatencyMillis;
  }
}
