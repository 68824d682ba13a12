package org.bigdatalab.cap;

import org.bigdatalab.spi.Engine;

/**
 * A replicated key-value register store: read, write and compare-and-set on every key, on a
 * cluster of N nodes whose network the test controls. The engine starts clusters; each cluster is
 * one test's world.
 */
public interface CapEngine extends Engine {

  /** Which side of the trade-off the store takes during a partition; {@code cap.pacelc.latency} follows it. */
  enum Consistency {
    /** Consistent and partition-tolerant: a minority gives up availability. */
    CP,
    /** Available and partition-tolerant: replicas may disagree until they converge. */
    AP
  }

  Consistency consistency();

  /** Starts a cluster with every node up, one network, no faults. */
  Cluster start(ClusterConfig config);
}
