package org.bigdatalab.guide;

import static org.bigdatalab.mapreduce.MapReduceClauses.COMBINER_TRANSPARENT;
import static org.bigdatalab.mapreduce.MapReduceClauses.COUNTERS;
import static org.bigdatalab.mapreduce.MapReduceClauses.RETRY_FAILED_ATTEMPT_INVISIBLE;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bigdatalab.mapreduce.Counters;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.mapreduce.reference.SequentialMapReduce;
import org.bigdatalab.mapreduce.reference.Task;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.ClauseResult;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.ConformanceRunner;
import org.bigdatalab.suite.matrix.Matrix;

/*
 * Why: a clause is only worth something if an engine that breaks it gets caught. So this program
 * runs three clauses against three engines and prints the matrix the runs produce:
 *
 *  - mr-sequential, the simple reference engine, which should pass all three;
 *  - a deliberately broken engine that runs the combiner twice over each map task's records and
 *    keeps both outputs, so every partial count reaches the reducer twice. Summing is associative
 *    and commutative, which is exactly why a combiner is allowed to run zero, one or many times on
 *    *partial results*; it is not allowed to see the same record twice. With the combiner switched
 *    off the engine is correct, so only a check that compares "with" against "without" catches it;
 *  - an honest but limited engine that runs every task once and declares the optional retry clause
 *    unsupported, with its reason. The matrix shows "unsupported", never "passed".
 *
 * How: ConformanceRunner lends each engine to the topic's suite (MapReduceSpec.Selected), runs the
 * chosen clauses' checks through the JUnit Platform Launcher, and maps every check back to its
 * clause through its @Verifies annotation. The worst outcome of a clause's checks is the cell.
 * The spec's property engine (spec-tests/property) generates the inputs; a failing check is shrunk
 * to a minimal input and reported with its seed, so the failure can be replayed.
 */
public final class Ch01_HowTheSpecWorks {
  /** Generated cases per property: enough to catch these bugs, few enough to render quickly. */
  static final int TRIES = 30;

  static final List<String> CLAUSES = List.of(COMBINER_TRANSPARENT, COUNTERS, RETRY_FAILED_ATTEMPT_INVISIBLE);

  private Ch01_HowTheSpecWorks() {}

  // tag::broken[]
  /** Broken on purpose: combines each task's records twice and keeps both results. */
  public static class DoubleCombiningMapReduce extends SequentialMapReduce {
    public static final EngineInfo INFO = EngineInfo.builder("guide-double-combine", Topic.MAPREDUCE)
        .kind(EngineInfo.Kind.BROKEN)
        .displayName("mr-sequential with a double-counting combiner")
        .description("Feeds every map task's records to the combiner twice and keeps both outputs.")
        .build();

    @Override
    public EngineInfo info() {
      return INFO;
    }

    @Override
    protected <KM, VM> List<KeyValue<KM, VM>> combine(MapReduceJob<KM, VM, ?, ?> job,
        List<KeyValue<KM, VM>> records, Task task, Counters.Accumulator counters) throws Exception {
      List<KeyValue<KM, VM>> once = super.combine(job, new ArrayList<>(records), task, counters);
      List<KeyValue<KM, VM>> twice = super.combine(job, new ArrayList<>(records), task, counters);
      once.addAll(twice);   // the bug: the same map output records are counted twice
      return once;
    }
  }
  // end::broken[]

  // tag::unsupported[]
  /** Limited, and honest about it: never retries a task, and declares the retry clause unsupported. */
  public static class NoRetryMapReduce extends SequentialMapReduce {
    public static final EngineInfo INFO = EngineInfo.builder("guide-no-retry", Topic.MAPREDUCE)
        .displayName("mr-sequential without retries")
        .description("Runs every task once; a failed attempt fails the job.")
        .unsupported(RETRY_FAILED_ATTEMPT_INVISIBLE, "runs every task once: a failed attempt fails the whole job")
        .build();

    @Override
    public EngineInfo info() {
      return INFO;
    }

    @Override
    protected <T> T withRetries(MapReduceJob<?, ?, ?, ?> job, String taskId, int[] failedAttempts, Attempt<T> task)
        throws JobFailedException {
      return super.withRetries(job.toBuilder().maxAttempts(1).build(), taskId, failedAttempts, task);
    }
  }
  // end::unsupported[]

  /** Runs the clauses against the three engines and returns the matrix. */
  public static Matrix runMatrix() throws Exception {
    try (MapReduceEngine sequential = GuideEngines.create("mr-sequential");
         MapReduceEngine doubleCombining = new DoubleCombiningMapReduce();
         MapReduceEngine noRetry = new NoRetryMapReduce()) {
      // tag::run-matrix[]
      ConformanceRunner runner = new ConformanceRunner(TRIES, ConformanceRunner.randomSeed(), true);
      List<Matrix> parts = new ArrayList<>();
      for (MapReduceEngine engine : List.of(sequential, doubleCombining, noRetry)) {
        parts.add(runner.run(engine, Set.copyOf(CLAUSES), finishedCheck -> {}));
      }
      Matrix matrix = Matrix.merge(parts);
      // end::run-matrix[]
      return matrix;
    }
  }

  // tag::replay[]
  /** Word count of one one-word file, with and without the combiner: the smallest input that shows the bug. */
  public static Map<String, List<List<KeyValue<String, Long>>>> replay(MapReduceEngine engine) throws Exception {
    try (Scratch scratch = Scratch.create("guide-replay")) {
      Path dir = scratch.dir();
      Path input = Files.writeString(dir.resolve("in-0.txt"), "a\n");
      Map<String, List<List<KeyValue<String, Long>>>> outputs = new LinkedHashMap<>();
      for (boolean combiner : new boolean[] {false, true}) {
        MapReduceJob<String, Long, String, Long> job =
            WordCount.builder().combiner(combiner ? WordCount.SUM : null).build();
        Path output = dir.resolve("out-" + combiner);
        engine.run(job, List.of(input), output);
        outputs.put(combiner ? "with combiner" : "without combiner", JobOutput.read(output, job));
      }
      return outputs;
    }
  }
  // end::replay[]

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the matrix and the replay and prints both to {@code out}. */
  public static void run(PrintStream out) throws Exception {
    report(runMatrix(), out);
  }

  /** Prints a matrix made by {@link #runMatrix()}, then replays the smallest failing input. */
  public static void report(Matrix matrix, PrintStream out) throws Exception {
    StringBuilder header = new StringBuilder(String.format("%-42s", "clause \\ engine"));
    matrix.engines().forEach(e -> header.append(String.format("%-22s", e)));
    out.println(header.toString().stripTrailing());
    for (String clause : CLAUSES) {
      StringBuilder row = new StringBuilder(String.format("%-42s", clause));
      matrix.engines().forEach(e -> row.append(String.format("%-22s", matrix.status(e, clause).jsonName())));
      out.println(row.toString().stripTrailing());
    }

    out.println();
    for (ClauseResult r : matrix.results()) {
      if (r.status() != ClauseStatus.PASSED) {
        out.println(r.status().jsonName() + ": " + r.clause() + " on " + r.engine());
        out.println(GuideText.wrap(r.detail(), "    ", 100));
      }
    }

    out.println();
    for (String engine : matrix.engines()) {
      Matrix own = new Matrix(matrix.results().stream().filter(r -> r.engine().equals(engine)).toList());
      out.printf("%-22s %s %s%n", engine, own.conforms() ? "conforms" : "DOES NOT conform", own.counts());
    }

    out.println();
    out.println("replaying word count of \"a\\n\" by hand:");
    try (MapReduceEngine sequential = GuideEngines.create("mr-sequential");
         MapReduceEngine doubleCombining = new DoubleCombiningMapReduce()) {
      for (MapReduceEngine engine : List.of(sequential, doubleCombining)) {
        replay(engine).forEach((how, partitions) ->
            out.printf("  %-22s %-17s -> %s%n", engine.info().id(), how, partitions));
      }
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch01_HowTheSpecWorks
end::run[]
 */
