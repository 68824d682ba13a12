package org.bigdatalab.lab;

import java.nio.file.Path;
import java.util.List;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.Fn;
import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.jobs.SaltedAggregation;
import org.bigdatalab.mapreduce.jobs.KeyedSum;
import org.bigdatalab.mapreduce.jobs.ReduceSideJoin;
import org.bigdatalab.mapreduce.jobs.Words;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.KeyValue;

/**
 * {@code lab run} on a dataflow engine ({@code df-sequential}, {@code df-parallel}): the same jobs and
 * input formats as on MapReduce, written as Spark-style plans. {@code wordcount} (words as MapReduce's
 * word count cuts them), {@code keyed-sum} ({@code key,amount} lines; count, sum, min and max per key;
 * with {@code --salts N} the two-phase salted aggregation a hot key needs) and {@code join}
 * ({@code U,id,name} and {@code O,id,amount} lines, as the reduce-side join reads them). A plan sees
 * lines without their place in a file, so the parsed jobs first read their input once with line
 * numbers: a bad line is then {@code file:line: field: problem}, before anything runs.
 */
final class DataflowRun {
  static final List<String> JOBS = List.of("wordcount", "keyed-sum", "join");

  private DataflowRun() {}

  /** Runs {@code job} and saves its lines under {@code output}; returns what it did, in a line or two. */
  static String run(DataflowEngine engine, String job, List<Path> inputs, Path output, int partitions, int salts, boolean skipBad)
      throws Exception {
    Dataset<String> lines = Dataset.textFile(inputs, partitions);
    long[] skipped = {0};
    Dataset<String> result = switch (job) {
      case "wordcount" -> PairDataset.of(lines.flatMap(Words::of).map(w -> KeyValue.of(w, 1L)))
          .reduceByKey(Long::sum, partitions).asDataset().map(kv -> kv.key() + "\t" + kv.value());
      case "keyed-sum" -> {
        long bad = InputLines.check(inputs, KeyedSum::parse, skipBad, line -> { });
        PairDataset<String, Long> amounts = PairDataset.of(lines.flatMap(line -> parsed(line, KeyedSum::parse)));
        PairDataset<String, KeyStats> stats = salts > 1 ? SaltedAggregation.twoPhase(amounts, salts, partitions)
            : SaltedAggregation.plain(amounts);
        skipped[0] = bad;
        yield stats.asDataset().map(kv -> kv.key() + "\tcount=" + kv.value().count() + " sum=" + kv.value().sum()
            + " min=" + kv.value().min() + " max=" + kv.value().max());
      }
      case "join" -> {
        long bad = InputLines.check(inputs, ReduceSideJoin::parse, skipBad, line -> { });
        Dataset<String[]> records = lines.flatMap(line -> parsed(line, ReduceSideJoin::parse));
        PairDataset<String, String> users = PairDataset.of(records.filter(f -> f[0].equals("U")).map(f -> KeyValue.of(f[1], f[2])));
        PairDataset<String, String> orders = PairDataset.of(records.filter(f -> f[0].equals("O")).map(f -> KeyValue.of(f[1], f[2])));
        skipped[0] = bad;
        yield users.join(orders).asDataset().map(kv -> kv.key() + "\t" + kv.value().first() + "," + kv.value().second());
      }
      default -> throw new UserError("job '" + job + "' is a MapReduce job; on dataflow engines: " + String.join(", ", JOBS));
    };
    ActionResult<Long> saved = engine.execute(org.bigdatalab.dataflow.Action.save(result, output));
    return (skipped[0] > 0 ? "skipped " + skipped[0] + " malformed line(s) (--skip-bad-records)\n" : "")
        + String.format("%d record(s) in %s; %d stage(s), %d record(s) shuffled", saved.value(), output.toAbsolutePath(),
            saved.metrics().stagesRun(), saved.metrics().shuffledRecords());
  }

  /** The record of a good line; nothing for a bad one (only reached with --skip-bad-records: the check refused them before). */
  private static <T> List<T> parsed(String line, Fn.Map<String, T> parse) {
    try {
      return List.of(parse.apply(line));
    } catch (BadRecordException e) {
      return List.of();
    }
  }
}
