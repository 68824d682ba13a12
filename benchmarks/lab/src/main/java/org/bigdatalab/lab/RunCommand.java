package org.bigdatalab.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.jobs.DistributedGrep;
import org.bigdatalab.mapreduce.jobs.InvertedIndex;
import org.bigdatalab.mapreduce.jobs.KeyedSum;
import org.bigdatalab.mapreduce.jobs.ReduceSideJoin;
import org.bigdatalab.mapreduce.jobs.SecondarySort;
import org.bigdatalab.mapreduce.jobs.TeraSort;
import org.bigdatalab.mapreduce.jobs.TeraValidate;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab run JOB}: one of the spec's jobs on the user's own files, with the chosen engine. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run one of the spec's jobs on your own files: wordcount, grep, inverted-index, secondary-sort, "
        + "keyed-sum, join, terasort. Prints counters and time.")
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", description = "The job: wordcount, grep, inverted-index, secondary-sort, keyed-sum, join, terasort.")
  String job;

  @Option(names = "--engine", defaultValue = "mr-parallel", description = "Engine id (default ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--input", required = true, description = "Input text file (repeatable).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--output", required = true, description = "Output directory; must not exist.")
  Path output;

  @Option(names = "--reducers", defaultValue = "2", description = "Reduce partitions (default ${DEFAULT-VALUE}).")
  int reducers;

  @Option(names = "--pattern", defaultValue = "[a-z]+ing", description = "Regular expression for grep.")
  String pattern;

  @Option(names = "--skip-bad-records", description = "Skip and count malformed lines instead of failing.")
  boolean skipBad;

  @Option(names = "--engine-opt", description = "Engine option key=value (repeatable).")
  List<String> engineOptions = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    MapReduceJob<?, ?, ?, ?> definition = job();
    try (MapReduceEngine e = EngineRegistry.load().create(engine, MapReduceEngine.class, EngineOptions.parse(engineOptions))) {
      System.out.println("running " + definition.name() + " on " + e.info().id() + " over " + inputs.size() + " file(s)");
      JobResult result = e.run(definition, inputs, output);
      System.out.print(result.counters());
      System.out.printf("%d partition(s) in %s, %d failed attempt(s), %.2f s%n", result.partitions(),
          output.toAbsolutePath(), result.failedAttempts(), result.elapsed().toNanos() / 1e9);
      if (job.equals("terasort")) {
        TeraValidate.Report report = TeraValidate.validate(output, inputs);
        System.out.println("TeraValidate: " + report.records() + " records, "
            + (report.valid() ? "valid" : "INVALID " + report.problems()));
        return report.valid() ? 0 : 1;
      }
    }
    return 0;
  }

  private MapReduceJob<?, ?, ?, ?> job() throws Exception {
    return switch (job) {
      case "wordcount" -> WordCount.withCombiner(reducers);
      case "grep" -> DistributedGrep.builder(pattern).numReducers(reducers).build();
      case "inverted-index" -> InvertedIndex.builder().numReducers(reducers).build();
      case "secondary-sort" -> SecondarySort.builder().numReducers(reducers).skipBadRecords(skipBad).build();
      case "keyed-sum" -> KeyedSum.builder().numReducers(reducers).skipBadRecords(skipBad).build();
      case "join" -> ReduceSideJoin.builder().numReducers(reducers).skipBadRecords(skipBad).build();
      case "terasort" -> TeraSort.job(TeraSort.sampleCuts(inputs, reducers, 1000));
      default -> throw new IllegalArgumentException("unknown job '" + job
          + "'; known: wordcount, grep, inverted-index, secondary-sort, keyed-sum, join, terasort");
    };
  }
}
