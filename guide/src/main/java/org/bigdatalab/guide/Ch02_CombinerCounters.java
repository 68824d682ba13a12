package org.bigdatalab.guide;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bigdatalab.mapreduce.Counters;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.mapreduce.jobs.KeyedSum;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;

/*
 * Why: without a combiner, every (word, 1) a map task emits is shuffled to a reducer: as many
 * records cross the network as there are words in the input. A combiner is a reduce function that
 * the engine may run on one map task's output before the shuffle, so each task sends one
 * (word, partial count) per distinct word instead. The engine may run it zero, one or many times,
 * so it must not change the result: it has to be associative and commutative, and its output has
 * to be valid input for itself and for the reducer. A sum is; a mean is not.
 *
 * How: word count over generated text (skewed, as real text is) in several splits, run on every
 * reference engine with and without the sum as combiner. The counters are the engine's own. The
 * spec's mapreduce.counters clause ties them together:
 * REDUCE_INPUT_RECORDS = MAP_OUTPUT_RECORDS - COMBINE_INPUT_RECORDS + COMBINE_OUTPUT_RECORDS.
 * Then the wrong way beside the right one: a mean used as its own combiner, and a mean computed
 * from (sum, count) pairs, whose combiner adds pairs.
 */
public final class Ch02_CombinerCounters {
  static final List<String> VOCABULARY = List.of(
      "the", "of", "and", "to", "a", "in", "is", "data", "key", "value", "map", "reduce", "shuffle",
      "sort", "split", "task", "node", "disk", "network", "record", "partition", "combiner", "counter",
      "engine", "job", "input", "output", "file", "block", "replica", "rack", "spill", "merge", "group",
      "hash", "order", "skew", "sample", "cut", "total");
  static final int LINES = 3000;
  static final int WORDS_PER_LINE = 10;
  static final long SPLIT_BYTES = 16 * 1024;

  private Ch02_CombinerCounters() {}

  /** Text whose word frequencies fall off as 1/rank (Zipf), like natural text; fixed seed. */
  static String zipfText(long seed) {
    double[] cumulative = new double[VOCABULARY.size()];
    double total = 0;
    for (int rank = 0; rank < cumulative.length; rank++) {
      total += 1.0 / (rank + 1);
      cumulative[rank] = total;
    }
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < LINES; line++) {
      for (int w = 0; w < WORDS_PER_LINE; w++) {
        double u = random.nextDouble() * total;
        int rank = 0;
        while (cumulative[rank] < u) {
          rank++;
        }
        text.append(w == 0 ? "" : " ").append(VOCABULARY.get(rank));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** One run of word count: the engine's counters and output. */
  public record Run(String engine, boolean combiner, Counters counters, List<List<KeyValue<String, Long>>> output) {
    long get(TaskCounter counter) { return counters.get(counter); }
  }

  /** Word count on the generated text, without and with the combiner, on the given engine. */
  public static List<Run> wordCountRuns(MapReduceEngine engine) throws Exception {
    List<Run> runs = new ArrayList<>();
    try (Scratch scratch = Scratch.create("guide-combiner")) {
      Path input = Files.writeString(scratch.resolve("zipf.txt"), zipfText(42));
      for (boolean combiner : new boolean[] {false, true}) {
        // tag::job[]
        MapReduceJob<String, Long, String, Long> job = WordCount.builder()
            .combiner(combiner ? WordCount.SUM : null)
            .numReducers(2)
            .maxSplitBytes(SPLIT_BYTES)       // several map tasks, as on a cluster
            .build();
        Path output = scratch.resolve("out-" + combiner);
        JobResult result = engine.run(job, List.of(input), output);
        Counters counters = result.counters();
        // end::job[]
        runs.add(new Run(engine.info().id(), combiner, counters, JobOutput.read(output, job)));
      }
    }
    return runs;
  }

  // tag::mean[]
  /** Wrong as a combiner: the mean of partial means is not the mean. */
  static final Reducer<String, Long, String, Long> MEAN = (key, values, out) -> {
    long sum = 0;
    long count = 0;
    for (long v : values) {
      sum += v;
      count++;
    }
    out.emit(key, sum / count);
  };

  static MapReduceJob<String, Long, String, Long> meanJob(boolean meanAsCombiner) {
    return KeyedSum.builder().reducer(MEAN).combiner(meanAsCombiner ? MEAN : null).build();
  }

  /** Right: carry (sum, count) through the shuffle; the combiner adds pairs, the reducer divides once. */
  static MapReduceJob<String, Pair<Long, Long>, String, Long> meanOfSumAndCount() {
    Reducer<String, Pair<Long, Long>, String, Pair<Long, Long>> addPairs = (key, pairs, out) -> {
      long sum = 0;
      long count = 0;
      for (Pair<Long, Long> p : pairs) {
        sum += p.first();
        count += p.second();
      }
      out.emit(key, Pair.of(sum, count));
    };
    return MapReduceJob.<String, Pair<Long, Long>, String, Long>builder("mean-of-sum-and-count")
        .mapper((offset, line, out) -> {
          String[] field = line.split(",");
          out.emit(field[0], Pair.of(Long.parseLong(field[1].trim()), 1L));
        })
        .combiner(addPairs)
        .reducer((key, pairs, out) -> {
          long sum = 0;
          long count = 0;
          for (Pair<Long, Long> p : pairs) {
            sum += p.first();
            count += p.second();
          }
          out.emit(key, sum / count);
        })
        .mapOutput(Codecs.STRING, Codecs.pair(Codecs.LONG, Codecs.LONG))
        .output(Codecs.STRING, Codecs.LONG)
        .build();
  }
  // end::mean[]

  /** The three means of k over two map tasks (1, 2, 3 and 10): by job name. */
  public static Map<String, List<List<KeyValue<String, Long>>>> means(MapReduceEngine engine) throws Exception {
    Map<String, List<List<KeyValue<String, Long>>>> results = new LinkedHashMap<>();
    try (Scratch scratch = Scratch.create("guide-mean")) {
      List<Path> inputs = List.of(
          Files.writeString(scratch.resolve("a.csv"), "k,1\nk,2\nk,3\n"),
          Files.writeString(scratch.resolve("b.csv"), "k,10\n"));
      List<MapReduceJob<String, ?, String, Long>> jobs = List.of(meanJob(false), meanJob(true), meanOfSumAndCount());
      List<String> names = List.of("mean, no combiner", "mean as its own combiner", "(sum, count) pairs combined");
      for (int i = 0; i < jobs.size(); i++) {
        Path output = scratch.resolve("out-" + i);
        engine.run(jobs.get(i), inputs, output);
        results.put(names.get(i), JobOutput.read(output, jobs.get(i)));
      }
    }
    return results;
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    List<String> engines = GuideEngines.availableReferenceIds(out);
    out.printf("word count of %,d generated words (%d distinct), 2 reducers, splits of %,d bytes%n%n",
        LINES * WORDS_PER_LINE, VOCABULARY.size(), SPLIT_BYTES);
    out.printf("%-15s %-9s %12s %12s %12s %12s %9s%n",
        "engine", "combiner", "map output", "combine in", "combine out", "reduce in", "groups");
    List<Run> all = new ArrayList<>();
    for (String id : engines) {
      try (MapReduceEngine engine = GuideEngines.create(id)) {
        for (Run r : wordCountRuns(engine)) {
          all.add(r);
          out.printf("%-15s %-9s %,12d %,12d %,12d %,12d %,9d%n", r.engine(), r.combiner() ? "on" : "off",
              r.get(TaskCounter.MAP_OUTPUT_RECORDS), r.get(TaskCounter.COMBINE_INPUT_RECORDS),
              r.get(TaskCounter.COMBINE_OUTPUT_RECORDS), r.get(TaskCounter.REDUCE_INPUT_RECORDS),
              r.get(TaskCounter.REDUCE_INPUT_GROUPS));
        }
      }
    }
    out.println();
    for (int i = 0; i + 1 < all.size(); i += 2) {
      Run off = all.get(i);
      Run on = all.get(i + 1);
      out.printf("%s: the combiner cuts the records shuffled to the reducers %,d -> %,d (%.0fx fewer);%n",
          on.engine(), off.get(TaskCounter.REDUCE_INPUT_RECORDS), on.get(TaskCounter.REDUCE_INPUT_RECORDS),
          (double) off.get(TaskCounter.REDUCE_INPUT_RECORDS) / on.get(TaskCounter.REDUCE_INPUT_RECORDS));
      out.printf("  %,d - %,d + %,d = %,d reduce input records; same output with and without: %s%n",
          on.get(TaskCounter.MAP_OUTPUT_RECORDS), on.get(TaskCounter.COMBINE_INPUT_RECORDS),
          on.get(TaskCounter.COMBINE_OUTPUT_RECORDS), on.get(TaskCounter.REDUCE_INPUT_RECORDS),
          off.output().equals(on.output()));
    }

    out.println();
    out.println("mean of k over two map tasks, a.csv = 1, 2, 3 and b.csv = 10 (true mean 16 / 4 = 4):");
    try (MapReduceEngine engine = GuideEngines.create("mr-sequential")) {
      means(engine).forEach((name, output) -> out.printf("  %-28s -> %s%n", name, output));
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch02_CombinerCounters
end::run[]
 */
