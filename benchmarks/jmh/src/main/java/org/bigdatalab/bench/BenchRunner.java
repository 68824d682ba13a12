package org.bigdatalab.bench;

import org.bigdatalab.spi.fork.EngineJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bigdatalab.spi.ByteSize;
import org.bigdatalab.spi.Topic;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a comparison with JMH and turns it into report rows: every requested MapReduce engine beside
 * the hand-written single-thread loop, measured in the same run, so each ratio compares numbers
 * taken on the same machine, minutes apart. This is what {@code lab bench} calls.
 *
 * <p>Workloads: {@code wordcount} (B01's two hand-written loops and B02 per engine, on a Zipf
 * corpus) and {@code terasort} (B03, the hand-written sort and each engine). Sizes: {@code small}
 * (a smoke run, under a minute per workload), {@code 16MB}, {@code 128MB}, {@code 512MB},
 * {@code 1GB}, any other {@link ByteSize} text, or {@code full} (the sizes: 16MB, 128MB
 * and 512MB for word count, 1GB for TeraSort).
 *
 * <p>Two more workloads compare against other baselines. {@code dfs} (B04): every DFS store of the
 * registry ({@code dfs-hdfs} only when named in {@code engines}) writing and reading one file at
 * replication 1 and 3 and several block sizes, beside a plain sequential {@code Files} write and
 * read of the same bytes ({@value #DISK_LIMIT}, the disk limit); engine ids are
 * {@code store/rN/block}, metrics {@code write MB/s} and {@code read MB/s}; sizes: {@code small}
 * = 4MB with 1MB and 4MB blocks, {@code full} = 256MB with 1MB to 128MB blocks. {@code skew}
 * (B05): sum per key over Zipf keys (exponents 0, 1.0, 1.5) on every dataflow engine, plain and
 * salted, with reduceByKey and with groupByKey, beside the hand-written primitive loop; sizes are
 * record counts ({@code small} = 1M, {@code full} = 10M and 50M) and a row's {@code size} is
 * {@code <records>-z<exponent>}; metric {@code records/s}; {@code maxTaskShare} is filled.
 *
 * <p>Rows: {@code value} is MB/s (2^20 bytes of input per second of one whole job, the average of
 * the measured iterations); {@code ratio_to_baseline} divides it by the hand-written loop's MB/s
 * at the same size (B01 {@code measureRight} for word count, B03 {@code baseline} for TeraSort);
 * {@code threads} is what the engine may use (per-thread ratio = ratio / threads).
 *
 * <p>Each benchmark runs in one forked JVM with the same class path as this one (JMH's default:
 * {@code java.class.path}), the project's engine flags ({@link EngineJvm#jvmFlags}), a heap
 * fit for the size, and the data directory, so parent and forks share the cached inputs. JMH's
 * full output goes to {@code target/bench-data/jmh-<workload>-<size>.log}; {@code progress} gets
 * one line per benchmark and per iteration. An engine that is not on the class path is skipped
 * with a line to {@code progress}; one that fails is reported and left out of the rows.
 *
 * <p>Engines that cannot share this class path (Spark; Flink and Kafka Streams for streaming
 * workloads) are measured in a JVM with their module's class path ({@link ForkedBench}) when the
 * workload has an engine half that can run there ({@link EngineBench}; today {@code skew}), and
 * their rows are compared with the same baseline. Such a workload also measures every engine's
 * start-up once ({@link B09_EngineStartUp}), reported as {@code startup_ms} and never part of a value.
 */
public final class BenchRunner {
  /** The baseline of every ratio: the hand-written loop on one thread. */
  public static final String BASELINE = "hand-written-1-thread";
  /** B01's measureWrong: the same loop with HashMap&lt;String, Long&gt;, for scale. */
  /** The hand-written join of B10, the baseline of the skew workload's join rows. */
  public static final String JOIN_BASELINE = "hand-written-join-1-thread";
  public static final String HASHMAP_LOOP = "hand-written-hashmap-1-thread";
  public static final List<String> WORKLOADS = List.of("wordcount", "terasort", "dfs", "skew");
  /** The baseline of the {@code dfs} rows: a plain sequential {@code Files} write or read of the same bytes. */
  public static final String DISK_LIMIT = "files-sequential";
  /** Stores skipped unless asked for by name: a MiniDFSCluster takes long to start per combination. */
  public static final List<String> EXPENSIVE_STORES = List.of("dfs-hdfs");

  private static final String B01 = B01_WordCountBaseline.class.getName();
  private static final String B02 = B02_WordCountEngines.class.getName();
  private static final String B03 = B03_TeraSort.class.getName();
  private static final String B09 = B09_EngineStartUp.class.getName();

  private BenchRunner() {}

  /**
   * How much JMH measures: iterations of at least {@code seconds} each, whole jobs per iteration.
   * The hand-written loops are cheap, so they may get more warm-up than the engines. {@code only}
   * narrows a benchmark's parameters to some of their values ({@code exponent=1.5}), for smoke
   * tests that need one combination, not all.
   */
  public record Plan(int forks, int baselineWarmups, int engineWarmups, int measurements, int seconds, Mode mode,
                     Map<String, List<String>> only) {
    public Plan(int forks, int baselineWarmups, int engineWarmups, int measurements, int seconds, Mode mode) {
      this(forks, baselineWarmups, engineWarmups, measurements, seconds, mode, Map.of());
    }

    /** The values of parameter {@code name} to measure: {@code all}, unless narrowed. */
    List<String> values(String name, List<String> all) {
      return only.getOrDefault(name, all);
    }

    /** This plan as command-line words, for a forked benchmark JVM ({@link #parse} reads them back). */
    List<String> toArgs() {
      StringBuilder narrowed = new StringBuilder();
      only.forEach((k, v) -> narrowed.append(narrowed.length() == 0 ? "" : ";").append(k).append('=').append(String.join(",", v)));
      return List.of(Integer.toString(forks), Integer.toString(baselineWarmups), Integer.toString(engineWarmups),
          Integer.toString(measurements), Integer.toString(seconds), mode.name(), narrowed.length() == 0 ? "-" : narrowed.toString());
    }

    static Plan parse(List<String> args) {
      Map<String, List<String>> only = new LinkedHashMap<>();
      if (!args.get(6).equals("-")) {
        for (String param : args.get(6).split(";")) {
          String[] kv = param.split("=", 2);
          only.put(kv[0], List.of(kv[1].split(",")));
        }
      }
      return new Plan(Integer.parseInt(args.get(0)), Integer.parseInt(args.get(1)), Integer.parseInt(args.get(2)),
          Integer.parseInt(args.get(3)), Integer.parseInt(args.get(4)), Mode.valueOf(args.get(5)), only);
    }

    /** Arguments taken by {@link #parse}. */
    static final int ARGS = 7;
  }

  public static List<BenchResult> run(String workload, List<String> engines, String size, Consumer<String> progress) {
    return run(workload, engines, size, progress, null);
  }

  /** As {@link #run(String, List, String, Consumer)}, with a fixed plan (tests run in-process). */
  static List<BenchResult> run(String workload, List<String> engines, String size, Consumer<String> progress, Plan fixed) {
    return run(workload, engines, size, progress, fixed, EngineJvm.root());
  }

  /** As {@link #run(String, List, String, Consumer, Plan)}, with the forked engine modules of the checkout at {@code root}. */
  static List<BenchResult> run(String workload, List<String> engines, String size, Consumer<String> progress, Plan fixed, Path root) {
    if (!WORKLOADS.contains(workload)) {
      throw new IllegalArgumentException("unknown workload '" + workload + "'; known: " + WORKLOADS);
    }
    EngineChoice choice = EngineChoice.choose(engines, topicOf(workload), EngineBench.of(workload).isPresent(), root, progress);
    List<String> ids = choice.all();
    BenchData.deleteStaleRuns();
    List<BenchResult> rows = new ArrayList<>();
    for (String label : sizes(workload, size)) {
      if (workload.equals("skew")) {
        rows.addAll(SkewBench.run(choice, label, progress, fixed != null ? fixed : SkewBench.plan(SkewData.records(label))));
      } else if (workload.equals("dfs")) {
        rows.addAll(DfsBench.run(ids, label, DfsBench.blockSizes(size, label), progress, fixed != null ? fixed : plan(BenchData.bytes(label))));
      } else {
        rows.addAll(runSize(workload, ids, label, progress, fixed != null ? fixed : plan(BenchData.bytes(label))));
      }
    }
    return rows;
  }

  /** The size labels a {@code --size} value stands for. */
  public static List<String> sizes(String workload, String size) {
    String s = size.trim().toLowerCase(Locale.ROOT);
    if (workload.equals("skew")) { // sizes are record counts: 1M, 10M, 50M
      return s.equals("small") ? List.of("1M") : s.equals("full") ? List.of("10M", "50M")
          : List.of(Integer.toString(SkewData.records(size)).replaceAll("000000$", "M"));
    }
    if (workload.equals("dfs")) {
      return s.equals("small") ? List.of("4MB") : s.equals("full") ? List.of("256MB") : List.of(ByteSize.format(ByteSize.parse(size)));
    }
    boolean words = workload.equals("wordcount");
    if (s.equals("small")) {
      return List.of(words ? "4MB" : "8MB");
    }
    if (s.equals("full")) {
      return words ? List.of("16MB", "128MB", "512MB") : List.of("1GB");
    }
    return List.of(ByteSize.format(ByteSize.parse(size)));
  }

  /**
   * Threads an engine may use: mr-sequential, df-sequential and the hand-written loops one, a DFS
   * client one (a single writer or reader), the others one per core (their default).
   */
  public static int threadsOf(String engine) {
    return engine.equals("mr-sequential") || engine.equals("df-sequential") || engine.startsWith("hand-written")
        || engine.startsWith("dfs-") || engine.startsWith(DISK_LIMIT) ? 1
        : Runtime.getRuntime().availableProcessors();
  }

  private static Topic topicOf(String workload) {
    return switch (workload) {
      case "dfs" -> Topic.DFS;
      case "skew" -> Topic.DATAFLOW;
      default -> Topic.MAPREDUCE;
    };
  }

  /**
   * Small inputs: a warm-up iteration, then iterations of at least a second. Large ones: whole-job
   * iterations, fewer of them, and no warm-up job for the engines from 512 MB on (a 512 MB job on
   * a slow engine takes minutes, and the JIT is warm early in the first); the hand-written loops
   * always get a warm-up, which costs seconds.
   */
  private static Plan plan(long bytes) {
    if (bytes <= 8L << 20) {
      return new Plan(1, 1, 1, 1, 1, Mode.AverageTime); // smoke runs: under a minute per workload
    }
    if (bytes < 64L << 20) {
      return new Plan(1, 1, 1, 3, 1, Mode.AverageTime);
    }
    if (bytes < 512L << 20) {
      return new Plan(1, 1, 1, 2, 1, Mode.AverageTime);
    }
    return new Plan(1, 1, 0, 2, 1, Mode.AverageTime);
  }

  private static List<BenchResult> runSize(String workload, List<String> engines, String size, Consumer<String> progress, Plan plan) {
    boolean words = workload.equals("wordcount");
    long bytes;
    try {
      progress.accept("preparing " + workload + " input " + size + " (cached under " + BenchData.dir() + ")");
      Path input = words ? BenchData.zipfCorpus(size) : BenchData.teraInput(size);
      if (!words) {
        BenchData.teraExpectation(input);
      }
      bytes = Files.size(input);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot generate the " + workload + " input of " + size, e);
    }

    String baselines = words ? Pattern.quote(B01) + "\\.measure(Right|Wrong)$" : Pattern.quote(B03) + "\\.baseline$";
    String engineBench = Pattern.quote(words ? B02 : B03) + "\\.measureEngine$";
    Path log = jmhLog(workload, size);
    double megabytes = bytes / (double) (1 << 20);
    List<RunResult> results = new ArrayList<>(jmh(options(workload, size, bytes, plan, plan.baselineWarmups()).include(baselines).build(),
        workload, size, megabytes, "MB/s", false, progress));
    if (!engines.isEmpty()) {
      results.addAll(jmh(options(workload, size, bytes, plan, plan.engineWarmups()).include(engineBench)
          .param("engine", engines.toArray(String[]::new)).build(), workload, size, megabytes, "MB/s", true, progress));
    }

    Map<String, Double> mbPerSecond = new LinkedHashMap<>();
    for (RunResult result : results) {
      double msPerJob = result.getPrimaryResult().getScore();
      mbPerSecond.put(rowEngine(result.getParams()), bytes / (double) (1 << 20) / (msPerJob / 1000.0));
    }
    Double baseline = mbPerSecond.get(BASELINE);
    if (baseline == null) {
      throw new IllegalStateException("the hand-written baseline failed (" + workload + ", " + size + "), so no ratio can be given; see " + log);
    }
    List<String> order = new ArrayList<>(List.of(BASELINE));
    if (words) {
      order.add(HASHMAP_LOOP);
    }
    order.addAll(engines);
    List<BenchResult> rows = new ArrayList<>();
    for (String engine : order) {
      Double value = mbPerSecond.get(engine);
      if (value == null) {
        progress.accept("no result for " + engine + " (" + workload + ", " + size + "): it failed; see " + log);
        continue;
      }
      rows.add(new BenchResult(workload, engine, size, threadsOf(engine), "MB/s", round(value),
          BASELINE, round(value / baseline), null, null));
    }
    return rows;
  }

  /**
   * Each engine's start-up ({@link B09_EngineStartUp}): milliseconds from creating it in a JVM that
   * has not loaded it to the first result of a trivial job; one cold start per engine, in a fork
   * of its own (in this JVM under an in-process plan, where only the first engine of its kind is cold).
   * For an engine half to call before its throughput runs; the figures go on its rows as {@code startupMs}.
   */
  static Map<String, Double> measureStartUps(List<String> engines, String workload, String size, Plan plan, Consumer<String> progress) {
    Plan once = new Plan(Math.min(plan.forks(), 1), 0, 0, 1, 1, Mode.SingleShotTime);
    Map<String, Double> ms = new LinkedHashMap<>();
    for (RunResult result : jmh(options(workload, size, 0, once, 0).include(Pattern.quote(B09) + "\\.startUp$")
        .param("engine", engines.toArray(String[]::new)).build(), workload, size, 1, "starts/s", true, progress)) {
      ms.put(result.getParams().getParam("engine"), round(result.getPrimaryResult().getScore()));
    }
    return ms;
  }

  /**
   * Measures {@code workload}'s engine half for the chosen engines wherever they live: those on this
   * class path here, each forked module's in a JVM of its own ({@link ForkedBench}). See
   * {@link EngineBench} for how a benchmark uses it.
   */
  public static List<BenchResult> measureEverywhere(String workload, EngineChoice engines, String size, Plan plan, Consumer<String> progress) {
    EngineBench bench = EngineBench.of(workload).orElseThrow(() -> new IllegalArgumentException("no engine half for '" + workload + "'"));
    List<BenchResult> rows = new ArrayList<>();
    if (!engines.local().isEmpty()) {
      rows.addAll(bench.measure(engines.local(), size, plan, progress));
    }
    engines.forked().forEach((module, ids) -> rows.addAll(ForkedBench.measure(module, workload, ids, size, plan, progress)));
    return rows;
  }

  /** JMH's full output of a workload and size: one file per run, which its parts (here or in a forked JVM) append to. */
  static Path jmhLog(String workload, String size) {
    return BenchData.dir().resolve("jmh-" + workload + "-" + size + ".log");
  }

  /** Runs JMH, its output to {@link #jmhLog} (appended to, or begun afresh) and a line per iteration to {@code progress}. */
  static Collection<RunResult> jmh(org.openjdk.jmh.runner.options.Options options, String workload, String size,
      double amount, String unit, boolean append, Consumer<String> progress) {
    Path log = jmhLog(workload, size);
    try {
      Files.createDirectories(log.getParent());
      try (PrintStream logStream = new PrintStream(append ? Files.newOutputStream(log, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND) : Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
        OutputFormat logFormat = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
        return new Runner(options, new ProgressFormat(logFormat, progress, workload, size, amount, unit)).run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed (" + workload + ", " + size + "); see " + log, e);
    }
  }

  static ChainedOptionsBuilder options(String workload, String size, long bytes, Plan plan, int warmups) {
    return new OptionsBuilder()
        .param("size", size)
        .forks(plan.forks())
        .warmupIterations(warmups).warmupTime(TimeValue.seconds(plan.seconds()))
        .measurementIterations(plan.measurements()).measurementTime(TimeValue.seconds(plan.seconds()))
        .mode(plan.mode()).timeUnit(TimeUnit.MILLISECONDS)
        .shouldFailOnError(false)
        .jvmArgs(forkFlags())
        .jvmArgsAppend(heapFlags(workload, heapMegabytes(workload, bytes)));
  }

  /**
   * -Xmx; for nexmark also -Xms of the same size: its runs keep a million outputs alive until they
   * return, and a heap that starts small copies them through several young collections while it
   * grows, which timed the collector more than the engines.
   */
  private static String[] heapFlags(String workload, long megabytes) {
    return workload.equals("nexmark") ? new String[] {"-Xms" + megabytes + "m", "-Xmx" + megabytes + "m"}
        : new String[] {"-Xmx" + megabytes + "m"};
  }

  /** The benchmark method's simple name (B04's {@code write}/{@code read}, B09's {@code startUp}...). */
  static String method(BenchmarkParams params) {
    return params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
  }

  static String rowEngine(BenchmarkParams params) {
    String method = method(params);
    return switch (method) {
      case "measureRight", "baseline" -> BASELINE;
      case "measureWrong" -> HASHMAP_LOOP;
      case "write", "read" -> DfsBench.rowEngine(params);
      default -> params.getParam("strategy") != null
          ? B10_SkewedJoin.rowEngine(params.getParam("engine"), params.getParam("strategy"))
          : params.getParam("salted") != null
          ? B05_SkewedAggregation.rowEngine(params.getParam("engine"), Boolean.parseBoolean(params.getParam("salted")), params.getParam("aggregation"))
          : params.getParam("engine");
    };
  }

  /** Four significant digits: more would be noise, fewer would print a slow engine as 0.0. */
  static double round(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue();
  }

  /** The flags the project's engines need ({@link EngineJvm#jvmFlags}), and the shared data directory. */
  private static String[] forkFlags() {
    List<String> flags = new ArrayList<>(EngineJvm.jvmFlags());
    flags.add("-D" + BenchData.DIR_PROPERTY + "=" + BenchData.dir());
    return flags.toArray(String[]::new);
  }


  /**
   * Word count needs little; TeraSort on mr-sequential holds the whole input as Strings; dfs-memory
   * holds every replica of a file (and a block buffer per writer); skew's input is primitive arrays
   * (about 24 bytes a record) but groupByKey holds every record boxed in its shuffle, measured at
   * about 8 GB live for 50 M records ({@code inputBytes} is records there).
   */
  private static long heapMegabytes(String workload, long inputBytes) {
    long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() >> 20;
    long wanted = switch (workload) {
      case "terasort" -> Math.max(2048, 10 * (inputBytes >> 20));
      // dfs-memory at r3 holds six copies of the file (read and written), in block-sized arrays that
      // G1 keeps as humongous objects, a 1 MB one in two 1 MB regions: 8x the file ran out at 256MB
      case "dfs" -> Math.max(2048, 16 * (inputBytes >> 20) + 512);
      case "skew" -> Math.max(2048, inputBytes * 200 >> 20);
      default -> 4096;
    };
    return Math.max(512, Math.min(wanted, physical * 3 / 4));
  }

  /** Logs JMH's usual output and gives {@code progress} a line per benchmark and iteration. */
  static class ProgressFormat implements OutputFormat {
    private final OutputFormat log;
    private final Consumer<String> progress;
    private final String workload;
    private final String size;
    private final double amount;
    private final String unit;
    private boolean afterFailure;

    /** {@code amount} of work per job (MB, records), reported per second in {@code unit}. */
    ProgressFormat(OutputFormat log, Consumer<String> progress, String workload, String size, double amount, String unit) {
      this.log = log;
      this.progress = progress;
      this.workload = workload;
      this.size = size;
      this.amount = amount;
      this.unit = unit;
    }

    /** The benchmark's name in progress lines. */
    String label(BenchmarkParams params) {
      String exponent = params.getParam("exponent");
      return workload + " " + size + (exponent != null ? "-z" + exponent : "") + " " + rowEngine(params)
          + (workload.equals("dfs") ? " " + method(params) : method(params).equals("startUp") ? " start-up" : "");
    }

    @Override public void startBenchmark(BenchmarkParams params) {
      log.startBenchmark(params);
      progress.accept(label(params) + ": " + params.getWarmup().getCount() + " warm-up + "
          + params.getMeasurement().getCount() + " measured iteration(s)");
    }

    @Override public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
      log.iteration(benchParams, params, iteration);
    }

    @Override public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
      log.iterationResult(benchParams, params, iteration, data);
      double ms = data.getPrimaryResult().getScore();
      progress.accept(String.format(Locale.ROOT, "  %s %s %d/%d: %.1f ms per job, %.4g %s", label(benchParams),
          params.getType() == org.openjdk.jmh.runner.IterationType.WARMUP ? "warm-up" : "iteration",
          iteration, params.getCount(), ms, amount / (ms / 1000.0), unit));
    }

    @Override public void endBenchmark(BenchmarkResult result) { log.endBenchmark(result); }
    @Override public void startRun() { log.startRun(); }
    @Override public void endRun(Collection<RunResult> result) { log.endRun(result); }
    @Override public void print(String s) { log.print(s); }

    @Override public void println(String s) {
      log.println(s);
      if (s.startsWith("<failure>")) {
        afterFailure = true;
      } else if (afterFailure && !s.isBlank()) {
        progress.accept("  failed: " + s);
        afterFailure = false;
      }
    }

    @Override public void flush() { log.flush(); }
    @Override public void close() { log.close(); }
    @Override public void verbosePrintln(String s) { log.verbosePrintln(s); }
    @Override public void write(int b) { log.write(b); }
    @Override public void write(byte[] b) throws IOException { log.write(b); }
  }
}
