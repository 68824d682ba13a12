package org.bigdatalab.bench;

import static org.bigdatalab.bench.BenchRunner.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.bigdatalab.spi.Topic;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * {@code lab bench --workload cap}: the linearizability checker's time and memory against history
 * length (B11), beside the brute force on histories of up to {@value #BRUTE_FORCE_MAX_OPS}
 * operations, and each CAP engine's operation latency in simulated time ({@link CapLatency}).
 * A size label is a number of operations: {@code small} = 100 and 5K (the target size),
 * {@code full} = 100, 1K, 5K and 10K, or any count.
 *
 * <p>Rows: {@code checker/k<keys>/c<clients>} and {@code brute-force/k<keys>/c<clients>} in
 * {@code ops/s} (history operations per second of one whole check; ratio to the brute force on the
 * same history, where it ran) and in {@code MB allocated/check}; {@code <engine>/<op>} in
 * {@code simulated ms} (the median; {@code p50_ms}, {@code p99_ms} too), ratio to the network's
 * round trip.
 */
final class CapWorkload implements Workload {
  static final List<String> KEYS = List.of("1", "5");
  static final List<String> CLIENTS = List.of("3", "10");
  /** Above this many operations the brute force is not run: its cost grows with the search's backtracking, unbounded. */
  static final int BRUTE_FORCE_MAX_OPS = 1000;
  static final double TARGET_MS = 1000;
  static final int TARGET_OPS = 5000;
  static final String ROUND_TRIP = "network-round-trip";
  private static final String B11 = B11_LinearizabilityCheck.class.getName();
  private static final String ALLOCATED = "MB allocated/check";

  @Override public String name() {
    return "cap";
  }

  @Override public Topic topic() {
    return Topic.CAP;
  }

  @Override public List<String> sizes(String size) {
    String s = size.trim().toLowerCase(Locale.ROOT);
    return s.equals("small") ? List.of("100", "5K") : s.equals("full") ? List.of("100", "1K", "5K", "10K") : List.of(size.trim());
  }

  @Override public BenchReport runSize(EngineChoice engines, String label, Consumer<String> progress, BenchRunner.Plan fixed) {
    int ops = BenchData.count(label);
    BenchRunner.Plan plan = fixed != null ? fixed : new BenchRunner.Plan(1, 1, 1, 2, 1, Mode.AverageTime);
    String methods = ops <= BRUTE_FORCE_MAX_OPS ? "(checker|bruteForce)" : "checker";
    var options = BenchRunner.options(this, label, ops, plan, plan.engineWarmups()).include(Pattern.quote(B11) + "\\." + methods + "$")
        .param("ops", Integer.toString(ops)).param("keys", plan.values("keys", KEYS).toArray(String[]::new))
        .param("clients", plan.values("clients", CLIENTS).toArray(String[]::new)).addProfiler(GCProfiler.class);
    List<BenchResult> rows = new ArrayList<>();
    Map<String, double[]> measured = new LinkedHashMap<>(); // row engine -> ops/s, MB allocated per check
    for (RunResult result : BenchRunner.jmh(options.build(), this, label, ops, "ops/s", false, progress)) {
      double msPerCheck = result.getPrimaryResult().getScore();
      measured.put(rowEngine(result.getParams()), new double[] {ops / (msPerCheck / 1000), allocatedMegabytes(result)});
    }
    for (String keys : plan.values("keys", KEYS)) {
      for (String clients : plan.values("clients", CLIENTS)) {
        String shape = "/k" + keys + "/c" + clients;
        double[] baseline = measured.get("brute-force" + shape);
        for (String engine : List.of("checker" + shape, "brute-force" + shape)) {
          double[] m = measured.get(engine);
          if (m == null) {
            if (engine.startsWith("checker") || ops <= BRUTE_FORCE_MAX_OPS) {
              progress.accept("no result for " + engine + " (cap, " + label + "): it failed; see " + BenchRunner.jmhLog(name(), label));
            }
            continue;
          }
          String against = baseline == null ? null : "brute-force" + shape;
          rows.add(new BenchResult(name(), engine, label, 1, "ops/s", round(m[0]), against, baseline == null ? 0 : round(m[0] / baseline[0]),
              null, null));
          if (!Double.isNaN(m[1])) {
            rows.add(new BenchResult(name(), engine, label, 1, ALLOCATED, round(m[1]), against,
                baseline == null || Double.isNaN(baseline[1]) ? 0 : round(m[1] / baseline[1]), null, null));
          }
        }
      }
    }
    for (String engine : engines.local()) {
      progress.accept("cap " + label + " " + engine + ": " + ops + " operations in simulated time");
      CapLatency.Measured latency = CapLatency.measure(engine, ops, B11_LinearizabilityCheck.SEED);
      latency.byOp().forEach((op, h) -> rows.add(new BenchResult(name(), engine + "/" + op, label, 1, "simulated ms",
          h.getValueAtPercentile(50), ROUND_TRIP, round(h.getValueAtPercentile(50) / (double) CapLatency.ROUND_TRIP_MS),
          (double) h.getValueAtPercentile(50), (double) h.getValueAtPercentile(99))));
      if (latency.timedOut() > 0) {
        progress.accept("cap " + label + " " + engine + ": " + latency.timedOut() + " operations timed out (left out of its latencies)");
      }
    }
    return BenchReport.of(rows);
  }

  /** JMH's GC profiler: bytes allocated per benchmark call, normalised; NaN where it gave none (an in-process run may not). */
  private static double allocatedMegabytes(RunResult result) {
    for (Map.Entry<String, Result> e : result.getSecondaryResults().entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        return e.getValue().getScore() / (1 << 20);
      }
    }
    return Double.NaN;
  }

  @Override public String rowEngine(BenchmarkParams params) {
    String method = BenchRunner.method(params);
    return (method.equals("checker") ? "checker" : "brute-force") + "/k" + params.getParam("keys") + "/c" + params.getParam("clients");
  }

  @Override public long heapMegabytes(long operations) {
    return 2048;
  }

  /** The issue's: 5,000 operations on 5 keys in under a second; and PACELC's, each store's write against a round trip. */
  @Override public List<String> targets(List<BenchResult> rows) {
    List<String> lines = new ArrayList<>();
    for (BenchResult r : rows) {
      if (!r.workload().equals(name()) || !r.metric().equals("ops/s")) {
        continue;
      }
      if (r.engine().startsWith("checker/k5/") && BenchData.count(r.size()) >= TARGET_OPS) {
        double ms = BenchData.count(r.size()) / r.value() * 1000;
        lines.add(String.format(Locale.ROOT, "cap %-5s %s: %.4g ms to check %,d operations (target: %,d operations on 5 keys under %.0f ms): %s",
            r.size(), r.engine(), ms, BenchData.count(r.size()), TARGET_OPS, TARGET_MS, BenchTable.verdict(ms < TARGET_MS)));
      }
    }
    rows.stream().filter(r -> r.workload().equals(name()) && r.engine().endsWith("/write") && r.p50Ms() != null).forEach(r ->
        lines.add(String.format(Locale.ROOT, "cap %-5s %s: median %.0f ms, p99 %.0f ms simulated (round trip %d ms)", r.size(),
            r.engine(), r.p50Ms(), r.p99Ms(), CapLatency.ROUND_TRIP_MS)));
    return lines;
  }

  @Override public Optional<EngineBench> engineHalf() {
    return Optional.empty(); // the stores are simulated in this JVM; zookeeper's real time is not comparable
  }
}
