package org.bigdatalab.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;

/**
 * Operation latency of a CAP store in its own simulated time, with no fault: the PACELC "else"
 * case, measured rather than asserted (the spec's {@code cap.pacelc.latency} asserts only its
 * side of a round trip). A three-node cluster with the spec's network (5 ms a link, so a round
 * trip is {@value #ROUND_TRIP_MS} ms), warmed up until it has a leader, then rounds of one
 * operation at each node at once (a write, a read or a cas, on 5 keys), a round every
 * {@value #ROUND_MS} ms so operations of consecutive rounds may overlap. Simulated time is
 * deterministic (one seed, one answer), so there is nothing for JMH to average: this runs once.
 */
final class CapLatency {
  static final int NODES = 3;
  static final long ROUND_TRIP_MS = 10;
  static final long ROUND_MS = 20;
  private static final long WARM_UP_MS = 500;

  /** One engine's latencies by operation ({@code write}, {@code read}, {@code cas}), and the operations that timed out. */
  record Measured(Map<String, Histogram> byOp, int timedOut) {}

  private CapLatency() {}

  static Measured measure(String engineId, int operations, long seed) {
    ClusterConfig config = new ClusterConfig(NODES, seed, ROUND_TRIP_MS / 2, 600);
    try (CapEngine engine = (CapEngine) EngineRegistry.load().provider(engineId).create(EngineOptions.NONE);
         Cluster cluster = engine.start(config)) {
      cluster.runFor(WARM_UP_MS);
      java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
      for (int i = 0; i < operations; i++) {
        String key = "k" + random.nextInt(5);
        int kind = random.nextInt(3);
        cluster.invoke(i % NODES, kind == 0 ? new RegisterOp.Write(key, i) : kind == 1 ? new RegisterOp.Read(key)
            : new RegisterOp.Cas(key, i - NODES, i));
        if (i % NODES == NODES - 1) {
          cluster.runFor(ROUND_MS);
        }
      }
      cluster.runFor(config.clientTimeoutMillis()); // let the last rounds finish or time out
      Map<String, Histogram> byOp = new LinkedHashMap<>();
      int timedOut = 0;
      for (Operation o : cluster.history().operations()) {
        if (o.outcome() == Outcome.INFO) {
          timedOut++;
        } else {
          // a failed cas answered too: its latency is the store's as much as a successful one's
          byOp.computeIfAbsent(o.op().f(), f -> new Histogram(3)).recordValue(o.latency());
        }
      }
      return new Measured(byOp, timedOut);
    } catch (Exception e) {
      throw new IllegalStateException("cannot measure " + engineId + "'s latency: " + e.getMessage(), e);
    }
  }
}
