package org.bigdatalab.dataflow;

import static org.bigdatalab.spi.Clause.Level.OPTIONAL;
import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * Skew handling: salting and skew-join splitting. Clauses of topic {@code skew}, checked on dataflow
 * engines ({@link Topic#engineTopic()}), in a suite of their own.
 *
 * <p>The seed's answer to "how do you handle skewed data in Spark?" salts the key and aggregates
 * once, which returns one sum per salted key: {@link #SALTING_SAME_RESULT} is the clause that
 * catches it.
 */
public final class SkewClauses {
  private SkewClauses() {}

  public static final String SALTING_SAME_RESULT = "skew.salting.same-result";
  public static final String SALTING_LOAD_BOUND = "skew.salting.load-bound";
  public static final String JOIN_SPLIT = "skew.join.split";
  public static final String DISTINCT_HASH_SALT = "skew.distinct.hash-salt";

  private static final String SEED = "seed: Big Data Interview Questions > 1. How do you handle skewed data in Spark?";
  private static final String AQE = "Apache Spark SQL Performance Tuning > Adaptive Query Execution > Optimizing Skew Join";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.SKEW,
      new Clause(SALTING_SAME_RESULT, Topic.SKEW, REQUIRED,
          "Two-phase salted aggregation (salt, partial aggregate, strip the salt, final aggregate) equals the plain"
              + " aggregation for count, sum, min, max and avg (as sum/count).",
          SEED + " (its one-stage version returns per-salted-key sums)",
          "a final aggregate that does not shuffle again after the salt is stripped (a partitioner kept through map)"),
      new Clause(SALTING_LOAD_BOUND, Topic.SKEW, REQUIRED,
          "After salting with s salts and hash partitioning into at least s partitions, no partition holds more than"
              + " ceil(h/s) + P records of a key with h records (P input partitions), whereas unsalted all h share one.",
          SEED + "; Spark HashPartitioner (nonNegativeMod(key.hashCode, n))",
          "the hash partitioner: salted keys whose hashes differ only in low bits must not collide"),
      new Clause(JOIN_SPLIT, Topic.SKEW, OPTIONAL,
          "With a skew-join policy, a join partition above factor x median and above the threshold is split into tasks"
              + " of at most the target size; the join result is unchanged and no task reads more than"
              + " max(target, factor x median, threshold) streamed records.",
          AQE + " (skewedPartitionFactor, skewedPartitionThresholdInBytes, advisoryPartitionSizeInBytes)",
          "split tasks that lose the other side's matching records, or partitions measured after instead of before the split"),
      new Clause(DISTINCT_HASH_SALT, Topic.SKEW, REQUIRED,
          "Salted count-distinct, which salts by a hash of the distinct value (never randomly), is exact.",
          SEED + "; a random salt sends one value to several salts and counts it more than once",
          "distinct applied within partitions only, or a salt that is not a function of the value"));
}
