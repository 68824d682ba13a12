package org.bigdatalab.mapreduce;

import static org.bigdatalab.spi.Clause.Level.OPTIONAL;
import static org.bigdatalab.spi.Clause.Level.REQUIRED;

import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.ClauseCatalogue;
import org.bigdatalab.spi.Topic;

/**
 * The MapReduce clauses, numbered in the order the guide teaches them. The ids are constants so
 * tests can name them in annotations; {@link #CATALOGUE} is the one place they are described.
 */
public final class MapReduceClauses {
  private MapReduceClauses() {}

  public static final String RESULT_EQUALS_ORACLE = "mapreduce.result.equals-oracle";
  public static final String SHUFFLE_ONE_REDUCER_PER_KEY = "mapreduce.shuffle.one-reducer-per-key";
  public static final String PARTITIONER_RESPECTED = "mapreduce.partitioner.respected";
  public static final String SORT_KEYS_ORDERED = "mapreduce.sort.keys-ordered-in-partition";
  public static final String SORT_SECONDARY = "mapreduce.sort.secondary";
  public static final String COMBINER_TRANSPARENT = "mapreduce.combiner.transparent";
  public static final String COUNTERS = "mapreduce.counters";
  public static final String SPLITS_EXACTLY_ONCE = "mapreduce.splits.exactly-once";
  public static final String COMMIT_ATOMIC = "mapreduce.commit.atomic";
  public static final String RETRY_FAILED_ATTEMPT_INVISIBLE = "mapreduce.retry.failed-attempt-invisible";
  public static final String BAD_INPUT = "mapreduce.bad-input";
  public static final String INPUT_DFS_EQUALS_LOCAL = "mapreduce.input.dfs-equals-local";

  private static final String PAPER = "Dean & Ghemawat, MapReduce: Simplified Data Processing on Large Clusters (OSDI 2004)";
  private static final String HADOOP_TUTORIAL = "Apache Hadoop MapReduce Tutorial (Partitioner, Combiner, Counters)";
  private static final String SEED = "seed: Hadoop Ecosystem > MapReduce (Input -> Map -> Shuffle & Sort -> Reduce -> Output)";

  public static final ClauseCatalogue CATALOGUE = ClauseCatalogue.of(Topic.MAPREDUCE,
      new Clause(RESULT_EQUALS_ORACLE, Topic.MAPREDUCE, REQUIRED,
          "For any input and job, the output (per partition, in order) equals the in-memory oracle's.",
          SEED + "; " + PAPER + " section 2",
          "the engine's line reading, grouping or output format; rerun with the printed seed"),
      new Clause(SHUFFLE_ONE_REDUCER_PER_KEY, Topic.MAPREDUCE, REQUIRED,
          "All values of a key reach exactly one reduce call, in exactly one partition.",
          PAPER + " section 3.1",
          "the shuffle: a key split across spills or reducers, or merged runs not grouped"),
      new Clause(PARTITIONER_RESPECTED, Topic.MAPREDUCE, REQUIRED,
          "Key k lands in partition p(k) of the job's partitioner, and there are exactly numReducers output partitions.",
          HADOOP_TUTORIAL,
          "which partitioner the engine calls, and that it writes empty partitions too"),
      new Clause(SORT_KEYS_ORDERED, Topic.MAPREDUCE, REQUIRED,
          "Within each partition, keys come out in the order of the job's sort comparator (custom comparators included).",
          PAPER + " section 4.2 (ordering guarantees)",
          "the k-way merge of sorted runs, or a comparator replaced by natural order"),
      new Clause(SORT_SECONDARY, Topic.MAPREDUCE, REQUIRED,
          "With a grouping comparator, keys equal under it reach one reduce call, whose values arrive in sort-comparator order (secondary sort).",
          "Hadoop Job.setGroupingComparatorClass; White, Hadoop: The Definitive Guide, 'Secondary Sort'",
          "grouping by the sort comparator instead of the grouping comparator"),
      new Clause(COMBINER_TRANSPARENT, Topic.MAPREDUCE, REQUIRED,
          "An associative, commutative combiner never changes the result, whether it runs zero, one or many times.",
          SEED + " (job.setCombinerClass); " + HADOOP_TUTORIAL,
          "a combiner applied to records twice, or its output fed back into itself"),
      new Clause(COUNTERS, Topic.MAPREDUCE, REQUIRED,
          "Counters are consistent: map input = lines read; reduce input = map output - combine input + combine output;"
              + " reduce input groups = reduce calls; reduce output = records written; spilled is 0 or at least reduce input.",
          "Hadoop TaskCounter",
          "a counter incremented on a retried attempt, or combine counters not kept"),
      new Clause(SPLITS_EXACTLY_ONCE, Topic.MAPREDUCE, REQUIRED,
          "With inputs cut into splits at arbitrary byte offsets, every line is read exactly once, lines across split boundaries included.",
          "Hadoop LineRecordReader (a split skips its first partial line and reads past its end to finish its last)",
          "the line reader at split boundaries: the first partial line, and a line that ends exactly at a boundary"),
      new Clause(COMMIT_ATOMIC, Topic.MAPREDUCE, REQUIRED,
          "A failed job leaves no partial output; a successful one leaves all its partitions and a _SUCCESS marker; an existing output directory is refused.",
          "Hadoop FileOutputCommitter",
          "output written in place instead of to a temporary directory renamed on commit"),
      new Clause(RETRY_FAILED_ATTEMPT_INVISIBLE, Topic.MAPREDUCE, OPTIONAL,
          "A task attempt that fails (fewer than maxAttempts times) is retried, and nothing it emitted reaches the output.",
          PAPER + " section 3.3 (fault tolerance)",
          "records of a failed attempt kept in the shuffle, or a retry that is not counted"),
      new Clause(BAD_INPUT, Topic.MAPREDUCE, REQUIRED,
          "A malformed record fails the job with an error naming file, line and field; with skipping on it is skipped and counted, and nothing else is lost.",
          "Hadoop SkipBadRecords; this project's error rule (file:line: field: problem)",
          "line numbering inside splits, or skipped records that are not counted"),
      new Clause(INPUT_DFS_EQUALS_LOCAL, Topic.MAPREDUCE, REQUIRED,
          "A job reading its input from a distributed file system gives the output it gives on local files of the same bytes,"
              + " whatever the block size; reported splits cover each file once and name the hosts of the block they start in.",
          "Hadoop FileInputFormat.getSplits (one split per block, SPLIT_SLOP, block hosts); " + SEED,
          "reading a split as its block's bytes alone (a line across a block boundary cut in two), or hosts of the wrong block"));
}
