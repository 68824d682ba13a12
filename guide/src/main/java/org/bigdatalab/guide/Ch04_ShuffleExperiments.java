package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.StageMetrics;
import org.bigdatalab.spi.KeyValue;

/*
 * Why: the seed lists Spark optimisations (broadcast the small side of a join, repartition,
 * cache, coalesce to fewer partitions) as configuration and code, with no way to tell whether
 * any of them did anything. Each one is a claim about data movement, so each can be measured by
 * the engine's own metrics rather than a stopwatch: records written to shuffles, records
 * broadcast, tasks per stage and the largest task's input. Wall time on a laptop says little about a
 * cluster; records moved are the same everywhere.
 *
 * How: 20,000 events over 100 keys in 8 partitions, and a 100-row lookup table. Each experiment runs
 * the same result two ways and prints the metrics of both (the results are compared, too).
 */
public final class Ch04_ShuffleExperiments {
  static final List<String> ENGINES = List.of("df-sequential", "df-parallel");
  static final int EVENTS = 20_000;
  static final int KEYS = 100;
  static final int PARTITIONS = 8;

  private Ch04_ShuffleExperiments() {}

  /** One experiment: two ways to the same result, with their metrics. */
  public record Experiment(String name, String wrongWay, ActionMetrics wrong, String rightWay, ActionMetrics right,
                           boolean sameResult) {}

  static PairDataset<Integer, Long> events() {
    return Dataset.of(IntStream.range(0, EVENTS).boxed().toList(), PARTITIONS)
        .mapToPair(i -> KeyValue.of(i % KEYS, (long) i % 7));
  }

  static PairDataset<Integer, String> lookup() {
    return Dataset.of(IntStream.range(0, KEYS).boxed().toList(), 2).mapToPair(k -> KeyValue.of(k, "name-" + k));
  }

  static <T> List<T> sortedCollect(DataflowEngine engine, Dataset<T> ds, List<ActionMetrics> metrics) throws Exception {
    var result = engine.execute(Action.collect(ds));
    metrics.add(result.metrics());
    List<T> values = new ArrayList<>(result.value());
    values.sort((a, b) -> a.toString().compareTo(b.toString()));
    return values;
  }

  public static List<Experiment> experiments(DataflowEngine engine) throws Exception {
    List<Experiment> all = new ArrayList<>();
    List<ActionMetrics> m = new ArrayList<>();

    // tag::join[]
    var shuffled = sortedCollect(engine, events().join(lookup()).asDataset(), m);            // both sides shuffled
    var broadcast = sortedCollect(engine, events().broadcastJoin(lookup()).asDataset(), m);  // small side copied
    // end::join[]
    all.add(new Experiment("join with a 100-row table", "shuffle join", m.get(0), "broadcast join", m.get(1),
        shuffled.equals(broadcast)));

    // tag::aggregate[]
    var grouped = sortedCollect(engine, events().groupByKey()
        .mapValues(values -> values.stream().mapToLong(Long::longValue).sum()).asDataset(), m);
    var reduced = sortedCollect(engine, events().reduceByKey(Long::sum).asDataset(), m);
    // end::aggregate[]
    all.add(new Experiment("sum per key", "groupByKey + sum", m.get(2), "reduceByKey(sum)", m.get(3),
        grouped.equals(reduced)));

    // tag::partitions[]
    Dataset<Long> values = events().asDataset().map(kv -> kv.value() * 2);
    var repartitioned = sortedCollect(engine, values.repartition(2), m);   // a shuffle, even partitions
    var coalesced = sortedCollect(engine, values.coalesce(2), m);          // no shuffle, but 2 tasks upstream too
    // end::partitions[]
    all.add(new Experiment("8 partitions down to 2", "repartition(2)", m.get(4), "coalesce(2)", m.get(5),
        repartitioned.equals(coalesced)));
    return all;
  }

  static String describe(ActionMetrics metrics) {
    StringBuilder b = new StringBuilder();
    for (StageMetrics s : metrics.stages()) {
      b.append(String.format("      stage %d from %-12s tasks %d, largest task %,6d records, shuffle write %,6d, broadcast %,4d%n",
          s.id(), s.start(), s.tasks(), s.largestTask(), s.shuffleWriteRecords(), s.broadcastRecords()));
    }
    return b.toString();
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    out.printf("%,d events over %d keys in %d partitions; a lookup table of %d rows%n", EVENTS, KEYS, PARTITIONS, KEYS);
    for (String id : GuideEngines.available(ENGINES, out)) {
      try (DataflowEngine engine = GuideEngines.create(id, DataflowEngine.class)) {
        run(engine, out);
      }
    }
  }

  /** Every experiment on one engine, both ways. */
  static List<Experiment> run(DataflowEngine engine, PrintStream out) throws Exception {
    out.println(engine.info().id());
    List<Experiment> experiments = experiments(engine);
    for (Experiment e : experiments) {
      out.printf("  %s (same result both ways: %s)%n", e.name(), e.sameResult());
      out.printf("    %-16s shuffled %,6d records%n%s", e.wrongWay(), e.wrong().shuffledRecords(), describe(e.wrong()));
      out.printf("    %-16s shuffled %,6d records%n%s", e.rightWay(), e.right().shuffledRecords(), describe(e.right()));
    }
    return experiments;
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch04_ShuffleExperiments
end::run[]
 */
