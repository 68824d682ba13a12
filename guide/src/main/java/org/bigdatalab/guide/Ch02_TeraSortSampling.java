package org.bigdatalab.guide;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.jobs.TeraSort;
import org.bigdatalab.mapreduce.jobs.TeraValidate;

/*
 * Why: TeraSort must leave one total order across all its output files, so it cannot hash keys to
 * reducers; it gives each reducer a contiguous range of keys, split at cut points. Where to cut?
 * Cut points spaced evenly over the key alphabet assume keys are spread evenly, and real keys rarely
 * are: with skewed keys one reducer gets most of the records, and the job is as slow as that
 * reducer. So TeraSort reads a small sample of keys before the job and cuts at the sample's
 * quantiles: the cut points follow the data, whatever its distribution, and each reducer gets about
 * the same number of records.
 *
 * How: 20,000 records of 100 bytes in two files, whose keys' first letter is skewed (40% start with
 * 'a', 24% with 'b', and so on). Four reducers: once with evenly spaced cuts, once with
 * TeraSort.sampleCuts. Count the records in each output partition, then check both outputs with
 * TeraValidate: both are valid sorts, because validation checks order and completeness, not balance.
 */
public final class Ch02_TeraSortSampling {
  static final int RECORDS_PER_FILE = 10_000;
  static final int REDUCERS = 4;
  static final int SAMPLES_PER_FILE = 500;

  private Ch02_TeraSortSampling() {}

  /** One TeraSort run: the cut points, the records per partition, and the validation report. */
  public record Outcome(String how, String[] cuts, long[] partitionSizes, TeraValidate.Report report, long inputChecksum) {
    /** The largest partition over the ideal, total / reducers: 1.0 is perfectly even. */
    public double maxOverIdeal() {
      long total = Arrays.stream(partitionSizes).sum();
      long max = Arrays.stream(partitionSizes).max().orElse(0);
      return total == 0 ? 1.0 : max * (double) partitionSizes.length / total;
    }
  }

  /** 100-byte records: a 10-letter key whose first letter is geometric (p = 0.4), then 89 bytes and '\n'. */
  static String skewedRecords(long seed, int count) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder(count * 100);
    for (int i = 0; i < count; i++) {
      int first = 0;
      while (first < 25 && random.nextDouble() >= 0.4) {
        first++;
      }
      out.append((char) ('a' + first));
      for (int k = 1; k < TeraSort.KEY_LENGTH; k++) {
        out.append((char) ('a' + random.nextInt(26)));
      }
      out.append(String.format("%010d", seed * count + i));
      for (int v = 0; v < 79; v++) {
        out.append((char) ('A' + random.nextInt(26)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  // tag::naive[]
  /** The naive way: cut points evenly spaced over the alphabet, blind to the data. */
  static String[] evenlySpacedCuts(int reducers) {
    String[] cuts = new String[reducers - 1];
    for (int i = 1; i < reducers; i++) {
      cuts[i - 1] = String.valueOf((char) ('a' + 26 * i / reducers));
    }
    return cuts;
  }
  // end::naive[]

  /** Runs TeraSort with the given cuts and measures and validates its output. */
  static Outcome sortWith(MapReduceEngine engine, String how, String[] cuts, List<Path> inputs, Path output)
      throws Exception {
    // tag::sort-and-validate[]
    MapReduceJob<String, String, String, String> job = TeraSort.job(cuts);   // total-order partitioner
    engine.run(job, inputs, output);
    long[] sizes = JobOutput.partFiles(output).stream().mapToLong(Ch02_TeraSortSampling::lineCount).toArray();
    TeraValidate.Report report = TeraValidate.validate(output);   // order within and across partitions, checksum
    // end::sort-and-validate[]
    return new Outcome(how, cuts, sizes, report, TeraValidate.inputChecksum(inputs));
  }

  /** Sorts the same skewed input with naive and with sampled cut points. */
  public static List<Outcome> compare(MapReduceEngine engine) throws Exception {
    try (Scratch scratch = Scratch.create("guide-terasort")) {
      List<Path> inputs = List.of(
          Files.writeString(scratch.resolve("part-0.txt"), skewedRecords(1, RECORDS_PER_FILE)),
          Files.writeString(scratch.resolve("part-1.txt"), skewedRecords(2, RECORDS_PER_FILE)));
      // tag::sample[]
      String[] naive = evenlySpacedCuts(REDUCERS);
      String[] sampled = TeraSort.sampleCuts(inputs, REDUCERS, SAMPLES_PER_FILE);   // quantiles of a sample
      // end::sample[]
      List<Outcome> outcomes = new ArrayList<>();
      outcomes.add(sortWith(engine, "evenly spaced", naive, inputs, scratch.resolve("out-naive")));
      outcomes.add(sortWith(engine, "sampled", sampled, inputs, scratch.resolve("out-sampled")));
      return outcomes;
    }
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    out.printf("TeraSort of %,d skewed records in 2 files, %d reducers, %d sampled keys per file%n%n",
        2 * RECORDS_PER_FILE, REDUCERS, SAMPLES_PER_FILE);
    try (MapReduceEngine engine = GuideEngines.create("mr-sequential")) {
      for (Outcome o : compare(engine)) {
        out.printf("%-14s cuts %s%n", o.how(), Arrays.toString(o.cuts()));
        out.printf("%-14s records per partition %s, largest / ideal = %.2f%n", "",
            Arrays.toString(o.partitionSizes()), o.maxOverIdeal());
        out.printf("%-14s TeraValidate: %s, %,d records, checksum %s the input's%n%n", "",
            o.report().valid() ? "valid" : "INVALID " + o.report().problems(), o.report().records(),
            o.report().checksum() == o.inputChecksum() ? "equals" : "DIFFERS FROM");
      }
    }
  }

  private static long lineCount(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch02_TeraSortSampling
end::run[]
 */
