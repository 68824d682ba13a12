package org.bigdatalab.dataflow.spec;

import java.util.List;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;

/**
 * A generated pipeline over keyed integers: a printable list of steps (so a failure shows which
 * pipeline broke), each turning a {@code Dataset<KeyValue<Integer, Integer>>} into another. Every
 * operation of the dataset API appears in some step.
 */
public record PipelineShape(List<Step> steps) {

  /** One operation and, for wide ones, its partition count (0: as many as the input). */
  public record Step(Kind kind, int partitions) {
    @Override public String toString() { return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + partitions + ")"; }
  }

  public enum Kind {
    MAP_VALUES(false), FILTER(false), FLAT_MAP(false), UNION_SELF(false), COALESCE(false), BROADCAST_JOIN(false),
    REDUCE_BY_KEY(true), GROUP_COUNT(true), AGGREGATE_MAX(true), DISTINCT(true), REPARTITION(true),
    REPARTITION_BY_KEY(true), JOIN(true), LEFT_OUTER_JOIN(true), SORT(true);

    final boolean wide;

    Kind(boolean wide) { this.wide = wide; }
  }

  /** The small side of the generated joins: keys 0..4, each with value 10 × key. */
  public static PairDataset<Integer, Integer> smallSide() {
    return PairDataset.of(Dataset.of(List.of(KeyValue.of(0, 0), KeyValue.of(1, 10), KeyValue.of(2, 20),
        KeyValue.of(3, 30), KeyValue.of(4, 40)), 2));
  }

  /** Whether the engine must give the oracle's records in the oracle's order: no wide step after the last sort. */
  public boolean ordered() {
    boolean ordered = true;
    for (Step step : steps) {
      if (step.kind() == Kind.SORT) {
        ordered = true;
      } else if (step.kind().wide || step.kind() == Kind.BROADCAST_JOIN) {
        ordered = false;
      }
    }
    return ordered;
  }

  public Dataset<KeyValue<Integer, Integer>> apply(Dataset<KeyValue<Integer, Integer>> input) {
    Dataset<KeyValue<Integer, Integer>> ds = input;
    for (Step step : steps) {
      ds = apply(step, ds);
    }
    return ds;
  }

  private static Dataset<KeyValue<Integer, Integer>> apply(Step step, Dataset<KeyValue<Integer, Integer>> ds) {
    int p = step.partitions();
    PairDataset<Integer, Integer> pairs = PairDataset.of(ds);
    return switch (step.kind()) {
      case MAP_VALUES -> ds.map(kv -> KeyValue.of(kv.key(), kv.value() * 3 + 1));
      case FILTER -> ds.filter(kv -> Math.floorMod(kv.key() + kv.value(), 3) != 0);
      case FLAT_MAP -> ds.flatMap(kv -> kv.value() % 2 == 0 ? List.of(kv, KeyValue.of(kv.key() + 1, kv.value())) : List.of(kv));
      case UNION_SELF -> ds.union(ds.map(kv -> KeyValue.of(kv.key(), kv.value() + 1)));
      case COALESCE -> ds.coalesce(Math.max(1, p));
      case REDUCE_BY_KEY -> pairs.reduceByKey(Integer::sum, p).asDataset();
      case GROUP_COUNT -> pairs.groupByKey(p).mapValues(List::size).asDataset();
      case AGGREGATE_MAX -> pairs.aggregateByKey(() -> Integer.MIN_VALUE, Math::max, Math::max, p).asDataset();
      case DISTINCT -> ds.distinct(p);
      case REPARTITION -> ds.repartition(Math.max(1, p));
      case REPARTITION_BY_KEY -> ds.repartition(Math.max(1, p), KeyValue::key);
      case JOIN -> joined(pairs.join(smallSide(), org.bigdatalab.dataflow.Plan.JoinType.INNER,
          org.bigdatalab.dataflow.Plan.JoinStrategy.SHUFFLE, p, null));
      case LEFT_OUTER_JOIN -> joined(pairs.join(smallSide(), org.bigdatalab.dataflow.Plan.JoinType.LEFT_OUTER,
          org.bigdatalab.dataflow.Plan.JoinStrategy.SHUFFLE, p, null));
      case BROADCAST_JOIN -> joined(pairs.broadcastJoin(smallSide()));
      case SORT -> ds.sortBy(kv -> kv, PipelineShape::compare, Math.max(1, p));
    };
  }

  private static Dataset<KeyValue<Integer, Integer>> joined(PairDataset<Integer, Pair<Integer, Integer>> joined) {
    return joined.asDataset().map(kv -> KeyValue.of(kv.key(),
        kv.value().first() + (kv.value().second() == null ? -1 : kv.value().second())));
  }

  /** By key, then value: a total order, so a sorted sequence has no ties to order differently. */
  static int compare(KeyValue<Integer, Integer> a, KeyValue<Integer, Integer> b) {
    int byKey = Integer.compare(a.key(), b.key());
    return byKey != 0 ? byKey : Integer.compare(a.value(), b.value());
  }

  @Override public String toString() { return "pipeline" + steps; }
}
