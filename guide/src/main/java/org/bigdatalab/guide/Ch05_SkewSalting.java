package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.StageMetrics;
import org.bigdatalab.dataflow.jobs.OneStageSalting;
import org.bigdatalab.dataflow.jobs.SaltedAggregation;
import org.bigdatalab.dataflow.jobs.SaltedKey;
import org.bigdatalab.spi.KeyValue;

/*
 * Why: "how do you handle skewed data in Spark?" A keyed shuffle sends every record of a key to one
 * task, so when one key holds a third of the data, one task does a third of the work and the stage
 * waits for it. Salting appends a small number to the key, so a hot key's records spread over
 * several tasks; a second aggregation, after the salt is stripped, merges the partial results. The
 * seed's answer stops after the first aggregation (groupBy("salted_key").agg(sum)), so its output
 * has one row per salted key: a hot key comes out several times, each with a partial sum.
 *
 * How: 40,000 records whose keys follow a Zipf law (key r with weight 1/r^1.2, 50 keys) in 8
 * partitions, on df-parallel. We read the largest task of the post-shuffle stage from the metrics:
 * grouping all values per key (as a median or a list needs), then the same two-phase salted; then
 * the spec's SaltedAggregation (sum-like stats, which the engine combines map-side anyway); then the
 * seed's one-stage salting, whose output for the hot key is wrong.
 */
public final class Ch05_SkewSalting {
  static final int KEYS = 50;
  static final int RECORDS = 40_000;
  static final int PARTITIONS = 8;
  static final int SALTS = 8;
  static final String HOT = "k1";

  private Ch05_SkewSalting() {}

  /** Keys k1..k50 drawn with weight 1/r^1.2, values 0..99; fixed seed. */
  static List<KeyValue<String, Long>> zipfRecords(long seed) {
    double[] cumulative = new double[KEYS];
    double total = 0;
    for (int r = 0; r < KEYS; r++) {
      total += 1 / Math.pow(r + 1, 1.2);
      cumulative[r] = total;
    }
    Random random = new Random(seed);
    List<KeyValue<String, Long>> records = new ArrayList<>(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      double u = random.nextDouble() * total;
      int r = 0;
      while (cumulative[r] < u) {
        r++;
      }
      records.add(KeyValue.of("k" + (r + 1), (long) random.nextInt(100)));
    }
    return records;
  }

  static PairDataset<String, Long> input() {
    return PairDataset.of(Dataset.of(zipfRecords(7), PARTITIONS));
  }

  // tag::grouped[]
  /** Before: every value of a key to one task (what a median, a list or a UDAF without merge needs). */
  static PairDataset<String, KeyStats> grouped(PairDataset<String, Long> input) {
    return input.groupByKey(PARTITIONS).mapValues(Ch05_SkewSalting::statsOf);
  }

  /** After: group per salted key (a hot key spread over SALTS tasks), strip the salt, merge the partials. */
  static PairDataset<String, KeyStats> groupedTwoPhase(PairDataset<String, Long> input) {
    PairDataset<SaltedKey<String>, KeyStats> partial = SaltedAggregation.salt(input, SALTS)
        .groupByKey(PARTITIONS).mapValues(Ch05_SkewSalting::statsOf);                   // phase 1
    return partial.asDataset().mapToPair(kv -> KeyValue.of(kv.key().key(), kv.value()))  // strip the salt
        .reduceByKey(KeyStats::merge, PARTITIONS);                                       // phase 2
  }
  // end::grouped[]

  static KeyStats statsOf(List<Long> values) {
    KeyStats s = KeyStats.EMPTY;
    for (long v : values) {
      s = s.add(v);
    }
    return s;
  }

  /** One job's result, sorted by key, and its metrics. */
  public record Run(String job, List<KeyValue<String, KeyStats>> rows, ActionMetrics metrics) {
    /**
     * The largest task of the stages that read a shuffle: every stage after the first, which reads
     * the input. (Spark names its stages by call site, not by operation, so names can't tell.)
     */
    long largestShuffleTask() {
      return metrics.stages().stream().skip(1).mapToLong(StageMetrics::largestTask).max().orElse(0);
    }

    List<KeyValue<String, KeyStats>> rowsOf(String key) {
      return rows.stream().filter(kv -> kv.key().equals(key)).toList();
    }
  }

  static Run run(DataflowEngine engine, String name, PairDataset<String, KeyStats> job) throws Exception {
    ActionResult<List<KeyValue<String, KeyStats>>> result = engine.execute(Action.collect(job.asDataset()));
    List<KeyValue<String, KeyStats>> rows = new ArrayList<>(result.value());
    rows.sort(Comparator.comparing((KeyValue<String, KeyStats> kv) -> kv.key()).thenComparing(kv -> kv.value().sum()));
    return new Run(name, rows, result.metrics());
  }

  public static List<Run> runs(DataflowEngine engine) throws Exception {
    PairDataset<String, Long> input = input();
    return List.of(
        run(engine, "groupByKey", grouped(input)),
        run(engine, "groupByKey, two-phase salted", groupedTwoPhase(input)),
        run(engine, "stats (map-side combine)", SaltedAggregation.plain(input)),
        run(engine, "stats, two-phase salted", SaltedAggregation.twoPhase(input, SALTS, PARTITIONS)),
        // tag::seed[]
        run(engine, "seed: one-stage salting", OneStageSalting.aggregate(input, SALTS, PARTITIONS)));
        // end::seed[]
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    long hot = zipfRecords(7).stream().filter(kv -> kv.key().equals(HOT)).count();
    out.printf("%,d records, %d Zipf keys in %d partitions; the hot key %s has %,d records (%.0f%%); %d salts%n",
        RECORDS, KEYS, PARTITIONS, HOT, hot, 100.0 * hot / RECORDS, SALTS);
    try (DataflowEngine engine = GuideEngines.create("df-parallel", DataflowEngine.class)) {
      print(engine, runs(engine), out);
    }
  }

  /** The table of runs and the hot key's rows under both salting schemes. */
  static void print(DataflowEngine engine, List<Run> runs, PrintStream out) {
    Run reference = runs.get(0);
    out.printf("%-30s %9s %13s %6s  %s%n", "job on " + engine.info().id(), "shuffled", "largest task", "rows",
        "equals groupByKey's result");
    for (Run r : runs) {
      out.printf("%-30s %,9d %,13d %6d  %s%n", r.job(), r.metrics().shuffledRecords(), r.largestShuffleTask(),
          r.rows().size(), r.rows().equals(reference.rows()));
    }
    out.printf("%nrows for %s:%n", HOT);
    for (Run r : List.of(runs.get(3), runs.get(4))) {
      out.printf("  %s:%n", r.job());
      r.rowsOf(HOT).forEach(kv -> out.printf("    %s count %,6d  sum %,7d  avg %.2f%n", kv.key(), kv.value().count(),
          kv.value().sum(), kv.value().avg()));
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch05_SkewSalting
end::run[]
 */
