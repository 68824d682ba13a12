package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.Plan;
import org.bigdatalab.dataflow.SkewJoinPolicy;
import org.bigdatalab.dataflow.StageMetrics;
import org.bigdatalab.dataflow.jobs.SaltedCountDistinct;
import org.bigdatalab.dataflow.jobs.SkewJoins;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;

/*
 * Why: the seed's second answer to skew is adaptive query execution's skew join. A join cannot be
 * combined map-side: every record of the large side must meet the matching records of the other
 * side, so a hot key's partition is one huge task. AQE measures the shuffled partitions, calls a
 * partition skewed when it is larger than factor x the median (and than a threshold), and splits it
 * into several tasks, each joined with a copy of the other side's matching partition. Salting by
 * hand does the same thing: salt the large side, copy the small side once per salt.
 *
 * Count-distinct is the other case salting must get right: the salt has to be a function of the
 * value (its hash mod s), so all copies of one value meet in one salted group. A random salt, like the
 * seed's rand() * 10, sends copies of one value to several salts, and each salt counts it once.
 *
 * How: the Zipf records of Ch05_SkewSalting joined with a 50-row dimension table three ways, the
 * largest join task read from the metrics; then distinct values per key, plain, hash-salted and
 * position-salted (a deterministic stand-in for rand()).
 */
public final class Ch05_SkewJoinAndDistinct {
  static final int PARTITIONS = Ch05_SkewSalting.PARTITIONS;
  static final int SALTS = Ch05_SkewSalting.SALTS;
  // tag::policy[]
  /** Skewed: over 2 x the median partition and over 1,000 records; split into tasks of at most 2,000. */
  static final SkewJoinPolicy POLICY = new SkewJoinPolicy(2, 1_000, 2_000);
  // end::policy[]

  private Ch05_SkewJoinAndDistinct() {}

  /** A join's size, its largest join task and its metrics. */
  public record JoinRun(String name, long rows, ActionMetrics metrics) {
    long largestJoinTask() {
      return metrics.startingWith("join").stream().mapToLong(StageMetrics::largestTask).max().orElse(0);
    }

    int joinTasks() {
      return metrics.startingWith("join").stream().mapToInt(StageMetrics::tasks).sum();
    }
  }

  static PairDataset<String, String> dimension() {
    List<KeyValue<String, String>> rows = new ArrayList<>();
    for (int r = 1; r <= Ch05_SkewSalting.KEYS; r++) {
      rows.add(KeyValue.of("k" + r, "name-" + r));
    }
    return PairDataset.of(Dataset.of(rows, 2));
  }

  static JoinRun join(DataflowEngine engine, String name, PairDataset<String, Pair<Long, String>> joined) throws Exception {
    ActionResult<Long> result = engine.execute(Action.count(joined.asDataset()));
    return new JoinRun(name, result.value(), result.metrics());
  }

  public static List<JoinRun> joins(DataflowEngine engine) throws Exception {
    PairDataset<String, Long> facts = Ch05_SkewSalting.input();
    // tag::joins[]
    PairDataset<String, Pair<Long, String>> plain =
        facts.join(dimension(), Plan.JoinType.INNER, Plan.JoinStrategy.SHUFFLE, PARTITIONS, null);
    PairDataset<String, Pair<Long, String>> split = facts.skewJoin(dimension(), PARTITIONS, POLICY);   // AQE-style
    PairDataset<String, Pair<Long, String>> salted = SkewJoins.saltedJoin(facts, dimension(), SALTS, PARTITIONS);
    // end::joins[]
    return List.of(join(engine, "shuffle join", plain), join(engine, "skew join (split)", split),
        join(engine, "salted join", salted));
  }

  // tag::distinct[]
  static Map<String, Map<String, Long>> distinctCounts(DataflowEngine engine) throws Exception {
    PairDataset<String, Long> input = Ch05_SkewSalting.input();
    Map<String, Map<String, Long>> byJob = new java.util.LinkedHashMap<>();
    byJob.put("plain", asMap(engine.collect(SaltedCountDistinct.plain(input).asDataset())));
    byJob.put("salted by hash(value)", asMap(engine.collect(SaltedCountDistinct.hashSalted(input, SALTS).asDataset())));
    byJob.put("salted by position", asMap(engine.collect(SaltedCountDistinct.positionSalted(input, SALTS).asDataset())));
    return byJob;
  }
  // end::distinct[]

  static Map<String, Long> asMap(List<KeyValue<String, Long>> rows) {
    Map<String, Long> map = new TreeMap<>();
    rows.forEach(kv -> map.put(kv.key(), kv.value()));
    return map;
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    List<String> keys = Ch05_SkewSalting.zipfRecords(7).stream().map(KeyValue::key).toList();
    long[] sizes = SkewJoins.partitionSizes(keys, PARTITIONS);
    out.printf("streamed records per join partition: %s, median %.1f%n", java.util.Arrays.toString(sizes),
        SkewJoins.median(sizes));
    out.printf("policy %s: bound on any join task %,d records%n", POLICY, POLICY.largestTaskBound(SkewJoins.median(sizes)));
    try (DataflowEngine engine = GuideEngines.create("df-parallel", DataflowEngine.class)) {
      out.printf("%-18s %8s %10s %13s%n", "join on df-parallel", "rows", "join tasks", "largest task");
      for (JoinRun j : joins(engine)) {
        out.printf("%-18s %,8d %10d %,13d%n", j.name(), j.rows(), j.joinTasks(), j.largestJoinTask());
      }
      out.println();
      Map<String, Map<String, Long>> distinct = distinctCounts(engine);
      Map<String, Long> plain = distinct.get("plain");
      out.println("distinct values per key (values 0..99):");
      distinct.forEach((job, counts) -> out.printf("  %-22s k1 %d, k2 %d, k50 %d; keys that differ from plain: %d%n", job,
          counts.get("k1"), counts.get("k2"), counts.get("k50"),
          counts.keySet().stream().filter(k -> !counts.get(k).equals(plain.get(k))).count()));
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch05_SkewJoinAndDistinct
end::run[]
 */
