package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;

/*
 * Why: the seed shows Spark twice, as an RDD word count and as a DataFrame query (filter purchases,
 * group by user and category, count, sum and average the amount, order by total, limit). Both are
 * the same dataflow underneath: a narrow part (flatMap, map, filter: each record on its own, no data
 * moves) and one shuffle by key with a map-side combine (reduceByKey; the DataFrame's groupBy().agg()
 * plans the same partial, then final, aggregate).
 *
 * How: both programs on df-sequential and df-parallel. The word count splits lines the seed's way,
 * on single spaces, and the spec's way (Words), to show the empty "word" the seed's split makes of a
 * double space. The group-by uses KeyStats (count, sum, min, max; avg = sum / count), which merge
 * exactly, so partial aggregates combine to the right answer.
 */
public final class Ch04_WordCountAndGroupBy {
  static final List<String> ENGINES = List.of("df-sequential", "df-parallel");
  static final List<String> TEXT = List.of("the cat sat", "the  dog sat", "The cat ran");

  /** A purchase event: user, category, type, amount. */
  public record Event(String user, String category, String type, long amount) implements java.io.Serializable {}

  static final List<Event> EVENTS = List.of(
      new Event("u1", "books", "purchase", 12), new Event("u1", "books", "purchase", 30),
      new Event("u1", "books", "view", 0), new Event("u2", "games", "purchase", 60),
      new Event("u2", "books", "purchase", 8), new Event("u3", "games", "purchase", 25),
      new Event("u3", "games", "purchase", 35), new Event("u3", "games", "refund", -25),
      new Event("u1", "games", "purchase", 5), new Event("u2", "games", "purchase", 40));

  private Ch04_WordCountAndGroupBy() {}

  // tag::wordcount[]
  static PairDataset<String, Long> wordCount(Dataset<String> lines, boolean seedSplit) {
    return lines
        .flatMap(line -> seedSplit
            ? Arrays.asList(line.split(" "))                    // the seed: line.split(" ")
            : org.bigdatalab.mapreduce.jobs.Words.of(line))     // the spec's rule, as in chapter 2
        .mapToPair(word -> KeyValue.of(word, 1L))
        .reduceByKey(Long::sum);
  }
  // end::wordcount[]

  // tag::groupby[]
  /** filter(type == purchase).groupBy(user, category).agg(count, sum, avg).orderBy(total desc).limit(n) */
  static List<KeyValue<Pair<String, String>, KeyStats>> topSpenders(DataflowEngine engine, Dataset<Event> events,
                                                                     int n) throws Exception {
    PairDataset<Pair<String, String>, KeyStats> grouped = events
        .filter(e -> e.type().equals("purchase"))
        .mapToPair(e -> KeyValue.of(Pair.of(e.user(), e.category()), e.amount()))
        .stats(amount -> amount);                               // partial per task, final after the shuffle
    Dataset<KeyValue<Pair<String, String>, KeyStats>> ordered = grouped.asDataset()
        .sortBy(kv -> kv.value().sum(), (a, b) -> Long.compare(b, a), 1);
    return engine.take(ordered, n);                             // limit(n)
  }
  // end::groupby[]

  static List<KeyValue<String, Long>> sorted(List<KeyValue<String, Long>> counts) {
    List<KeyValue<String, Long>> copy = new ArrayList<>(counts);
    copy.sort(Comparator.comparing(KeyValue::key));
    return copy;
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    out.println("text: " + TEXT);
    for (String id : GuideEngines.available(ENGINES, out)) {
      try (DataflowEngine engine = GuideEngines.create(id, DataflowEngine.class)) {
        run(engine, out);
      }
    }
  }

  /** Both programs on one engine (chapter 4 also runs them on Spark: Ch04_OnSpark). */
  static void run(DataflowEngine engine, PrintStream out) throws Exception {
    Dataset<String> lines = Dataset.of(TEXT, 2);
    out.printf("%s%n  word count, seed split: %s%n", engine.info().id(),
        sorted(engine.collect(wordCount(lines, true).asDataset())));
    out.printf("  word count, spec words: %s%n", sorted(engine.collect(wordCount(lines, false).asDataset())));
    out.println("  purchases grouped by (user, category), top 3 by total spent:");
    for (KeyValue<Pair<String, String>, KeyStats> row : topSpenders(engine, Dataset.of(EVENTS, 3), 3)) {
      KeyStats s = row.value();
      out.printf("    (%s, %s)  purchase_count %d  total_spent %3d  avg_amount %.1f%n", row.key().first(),
          row.key().second(), s.count(), s.sum(), s.avg());
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch04_WordCountAndGroupBy
end::run[]
 */
