package org.bigdatalab.dataflow;

import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * The dataflow (Spark-like batch) clauses, in the order the guide teaches them. The ids are
 * constants so tests can name them in annotations; {@link #CATALOGUE} is the one place they are
 * described. Skew handling has its own catalogue, {@link SkewClauses}, checked on the same engines.
 */
public final class DataflowClauses {
  private DataflowClauses() {}

  public static final String LAZY = "dataflow.lazy";
  public static final String RESULT_EQUALS_ORACLE = "dataflow.result.equals-oracle";
  public static final String PARTITIONS = "dataflow.partitions";
  public static final String REDUCE_VS_GROUP = "dataflow.reduce-vs-group";
  public static final String JOIN = "dataflow.join";
  public static final String CACHE = "dataflow.cache";
  public static final String FAILURE = "dataflow.failure";

  private static final String SEED = "seed: Apache Spark > RDD (transformations are lazy, actions trigger execution)";
  private static final String RDD_PAPER = "Zaharia et al., Resilient Distributed Datasets (NSDI 2012)";
  private static final String SPARK_GUIDE = "Apache Spark RDD Programming Guide";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.DATAFLOW,
      new Clause(LAZY, Topic.DATAFLOW, REQUIRED,
          "No transformation runs before an action; an action without cache runs each function once per record.",
          SEED + "; " + RDD_PAPER + " section 2.2",
          "an engine that evaluates a plan while it is being built, or evaluates a lineage twice in one action"),
      new Clause(RESULT_EQUALS_ORACLE, Topic.DATAFLOW, REQUIRED,
          "Every operation and generated pipeline gives the oracle's records: in order where order is promised"
              + " (narrow pipelines over parallelize, sortBy), as a multiset otherwise.",
          SEED + "; " + SPARK_GUIDE + " (Transformations, Actions)",
          "the operation the failing pipeline names first; rerun with the printed seed"),
      new Clause(PARTITIONS, Topic.DATAFLOW, REQUIRED,
          "repartition(n) yields n partitions; coalesce(n) never shuffles and yields min(n, current) partitions;"
              + " repartition by key puts all records of a key in one partition.",
          SPARK_GUIDE + " (repartition, coalesce); seed: Interview question 3 (df.repartition(200, \"key_column\"))",
          "a coalesce implemented as a shuffle, or a key partitioner that depends on more than the key"),
      new Clause(REDUCE_VS_GROUP, Topic.DATAFLOW, REQUIRED,
          "reduceByKey and groupByKey followed by a reduce agree; reduceByKey combines map-side, so it shuffles at"
              + " most one record per key per input partition while groupByKey shuffles every record.",
          SPARK_GUIDE + " (Shuffle operations; prefer reduceByKey to groupByKey)",
          "the map-side combine, or shuffle-write metrics counted after instead of before the combine"),
      new Clause(JOIN, Topic.DATAFLOW, REQUIRED,
          "Inner, left outer and broadcast joins give the oracle's pairs, keys present on one side only included"
              + " where the join keeps them; a broadcast join never shuffles the large side.",
          SPARK_GUIDE + " (join, leftOuterJoin); seed: Interview question 3 (large_df.join(broadcast(small_df)))",
          "absent sides (null second value in a left outer join), or a broadcast join planned as a shuffle join"),
      new Clause(CACHE, Topic.DATAFLOW, REQUIRED,
          "A cached dataset is computed once across several actions, and every action sees the same records.",
          SEED + " (df.cache()); " + RDD_PAPER + " section 2.3 (persistence)",
          "the cache keyed by something other than the dataset, or recomputed per action"),
      new Clause(FAILURE, Topic.DATAFLOW, REQUIRED,
          "A throwing function fails the action with the original exception as cause and the stage and partition in"
              + " the message; a failed save leaves no output directory.",
          "Spark SparkException 'Job aborted due to stage failure: Task N in stage S failed'; Hadoop FileOutputCommitter",
          "exceptions wrapped without their cause, or part files written in place instead of committed at the end"));
}
