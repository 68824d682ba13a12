package org.bigdatalab.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
import org.bigdatalab.spi.Topic;
import org.bigdatalab.spi.fork.EngineJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab run JOB}: one of the spec's jobs on the user's own files, with the chosen engine. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run one of the spec's jobs on your own files: wordcount, grep, inverted-index, secondary-sort, "
        + "keyed-sum, join, terasort on a MapReduce engine (mr-*); wordcount, keyed-sum (with --salts) and join on a dataflow "
        + "engine (df-*); windowed-count and windowed-sum over time,user,amount events, and nexmark-q5, -q7, -q8, -q11 over Nexmark events, on a streaming engine (stream-*). "
        + "Prints counters and time.")
final class RunCommand implements Callable<Integer> {
  static final List<String> JOBS = List.of("wordcount", "grep", "inverted-index", "secondary-sort", "keyed-sum", "join", "terasort");

  @Parameters(index = "0", description = "The job: wordcount, grep, inverted-index, secondary-sort, keyed-sum, join, terasort.")
  String job;

  @Option(names = "--engine", defaultValue = "mr-parallel", description = "Engine id (default ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--input", required = true,
      description = "Input file or directory (repeatable); a directory is every file in it, as Hadoop's FileInputFormat reads it.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--output", required = true, description = "Output directory; must not exist.")
  Path output;

  @Option(names = {"--reducers", "--partitions"}, defaultValue = "2",
      description = "Reduce partitions; on a dataflow engine, the partitions of every stage (default ${DEFAULT-VALUE}).")
  int reducers;

  @Option(names = "--pattern", description = "Regular expression (java.util.regex) for grep; required by grep.")
  String pattern;

  @Option(names = "--salts", defaultValue = "1",
      description = "keyed-sum on a dataflow engine: spread each key over this many salts, aggregate, then merge (default ${DEFAULT-VALUE}: no salting).")
  int salts;

  @Option(names = "--window", defaultValue = "1m", converter = Millis.class,
      description = "Streaming jobs: the window size (tumbling; q5 sliding; q11 the session gap), e.g. 10s, 5m (default ${DEFAULT-VALUE}).")
  long window;

  @Option(names = "--slide", defaultValue = "2s", converter = Millis.class,
      description = "nexmark-q5: how often a sliding window starts (default ${DEFAULT-VALUE}).")
  long slide;

  @Option(names = "--watermark-bound", defaultValue = "0", converter = Millis.class,
      description = "windowed jobs: how far the watermark trails the largest event time; older events are late (default ${DEFAULT-VALUE}).")
  long watermarkBound;

  @Option(names = "--skip-bad-records", description = "Skip and count malformed lines instead of failing.")
  boolean skipBad;

  @Option(names = "--engine-opt", description = "Engine option key=value (repeatable).")
  List<String> engineOptions = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    // Everything the user gave is checked before an engine starts, so a mistake costs no job and writes nothing.
    if (!JOBS.contains(job) && !StreamingRun.JOBS.contains(job)) {
      throw new UserError("unknown job '" + job + "'; known: " + String.join(", ", JOBS) + " (MapReduce), "
          + String.join(", ", DataflowRun.JOBS) + " (dataflow), " + String.join(", ", StreamingRun.JOBS) + " (streaming)");
    }
    if (job.equals("grep")) {
      grepPattern();
    }
    inputs = InputFiles.expand(inputs);
    if (Files.exists(output)) {
      throw new UserError(output + ": output directory exists; choose a new one or delete it (output is never overwritten)");
    }
    EngineRegistry registry = EngineRegistry.load();
    EngineJvm.Module module = registry.find(engine).isPresent() ? null : forkedModule(registry);
    Topic topic = module == null ? registry.provider(engine).info().topic()
        : module.engines().stream().filter(e -> e.id().equals(engine)).findFirst().orElseThrow().topic();
    if (StreamingRun.JOBS.contains(job) != (topic == Topic.STREAMING)) {
      throw new UserError(topic == Topic.STREAMING
          ? "job '" + job + "' does not run on streaming engine " + engine + "; there: " + String.join(", ", StreamingRun.JOBS)
          : "job '" + job + "' runs on streaming engines (stream-*, flink, kafka-streams, spark-streaming), not on " + engine);
    }
    if (topic == Topic.DATAFLOW && !DataflowRun.JOBS.contains(job)) {
      throw new UserError("job '" + job + "' runs on MapReduce engines; on dataflow engine " + engine + ": "
          + String.join(", ", DataflowRun.JOBS));
    }
    if (topic == Topic.STREAMING || topic == Topic.DATAFLOW) {
      System.out.println("running " + job + " on " + engine + (module == null ? "" : " (in a JVM of its own, " + module.name() + " module)")
          + " over " + inputs.size() + " file(s)");
      long start = System.nanoTime();
      RunWorker.Request request = new RunWorker.Request(engine, job, output, reducers, salts, skipBad, window, slide, watermarkBound,
          inputs, engineOptions);
      String summary = module == null ? RunWorker.run(request) : ForkedRun.run(module, request);
      if (summary.startsWith(RunWorker.USER)) {
        throw new UserError(summary.substring(RunWorker.USER.length()));
      }
      System.out.println(summary);
      System.out.printf("%.2f s%n", (System.nanoTime() - start) / 1e9);
      return 0;
    }
    if (topic != Topic.MAPREDUCE) {
      throw new UserError("lab run has no jobs for " + topic.title() + " engines such as " + engine
          + (topic == Topic.DFS ? "; see lab dfs" : ""));
    }
    if (salts != 1) {
      throw new UserError("--salts is for keyed-sum on dataflow engines (df-sequential, df-parallel)");
    }
    if (job.equals("terasort")) {
      TeraSortInput.check(inputs);
    }
    MapReduceJob<?, ?, ?, ?> definition = job();
    try (MapReduceEngine e = registry.create(engine, MapReduceEngine.class, EngineOptions.parse(engineOptions))) {
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

  /** The built engine module holding an engine the CLI's class path lacks (Spark, Flink, Kafka Streams). */
  private EngineJvm.Module forkedModule(EngineRegistry registry) {
    try {
      return EngineJvm.moduleHolding(engine, EngineJvm.root());
    } catch (IllegalStateException e) {
      throw new UserError("no engine '" + engine + "' on the class path (" + String.join(", ", registry.engines().stream()
          .map(org.bigdatalab.spi.EngineInfo::id).toList()) + ") nor in a built engine module; " + e.getMessage());
    }
  }

  /** grep without a pattern would match nothing and look like a successful run, so the pattern is required. */
  private String grepPattern() {
    if (pattern == null) {
      throw new UserError("grep needs --pattern REGEX (a java.util.regex expression, e.g. --pattern '[a-z]+ing')");
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new UserError("--pattern: '" + pattern + "' is not a regular expression: " + e.getDescription()
          + " at index " + e.getIndex());
    }
    return pattern;
  }

  private MapReduceJob<?, ?, ?, ?> job() throws Exception {
    return switch (job) {
      case "wordcount" -> WordCount.withCombiner(reducers);
      case "grep" -> DistributedGrep.builder(grepPattern()).numReducers(reducers).build();
      case "inverted-index" -> InvertedIndex.builder().numReducers(reducers).build();
      case "secondary-sort" -> SecondarySort.builder().numReducers(reducers).skipBadRecords(skipBad).build();
      case "keyed-sum" -> KeyedSum.builder().numReducers(reducers).skipBadRecords(skipBad).build();
      case "join" -> ReduceSideJoin.builder().numReducers(reducers).skipBadRecords(skipBad).build();
      case "terasort" -> TeraSort.job(TeraSort.sampleCuts(inputs, reducers, 1000));
      default -> throw new IllegalStateException("job '" + job + "' is listed in JOBS but not built here");
    };
  }
}
