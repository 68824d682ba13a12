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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
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
 * Runs a workload's comparison with JMH ({@link Workload}, found by name in {@link Workloads}) and
 * turns it into report rows: every requested engine beside the hand-written baseline, measured in
 * the same run, so each ratio compares numbers taken on the same machine, minutes apart. This is
 * what {@code lab bench} calls; the tools the workloads share live here.
 *
 * <p>Each benchmark runs in one forked JVM with the same class path as this one (JMH's default:
 * {@code java.class.path}), the project's engine flags ({@link EngineJvm#jvmFlags}), a heap
 * fit for the workload and size, and the data directory, so parent and forks share the cached
 * inputs. JMH's full output goes to {@code target/bench-data/jmh-<workload>-<size>.log};
 * {@code progress} gets one line per benchmark and per iteration. An engine that is not on the
 * class path is skipped with a line to {@code progress}; one that fails is reported and left out
 * of the rows.
 *
 * <p>Engines that cannot share this class path (Spark; Flink and Kafka Streams for streaming
 * workloads) are measured in a JVM with their module's class path ({@link ForkedBench}) when the
 * workload has an engine half that can run there ({@link Workload#engineHalf}), and their rows are
 * compared with the same baseline. Such a workload also measures every engine's start-up once
 * ({@link B09_EngineStartUp}), reported as {@code startup_ms} and never part of a value.
 */
public final class BenchRunner {
  /** The baseline of every ratio: the hand-written loop on one thread. */
  public static final String BASELINE = "hand-written-1-thread";
  /** B01's measureWrong: the same loop with HashMap&lt;String, Long&gt;, for scale. */
  public static final String HASHMAP_LOOP = "hand-written-hashmap-1-thread";
  /** The hand-written join of B10, the baseline of the skew workload's join rows. */
  public static final String JOIN_BASELINE = "hand-written-join-1-thread";
  /** The baseline of the {@code dfs} rows: a plain sequential {@code Files} write or read of the same bytes. */
  public static final String DISK_LIMIT = "files-sequential";
  /**
   * Engines skipped unless asked for by name: a MiniDFSCluster takes long to start per combination,
   * and the real pipeline appends each event to a real broker and waits for its acknowledgement
   * (the log SPI's append returns the offset), which takes far longer than the reprocessing measured.
   */
  public static final List<String> EXPENSIVE_STORES = List.of("dfs-hdfs", "lambda:spark+spark-streaming+kafka");

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

  /** The named workload at {@code size} on {@code engines} (the workload's default when empty), in the checkout of {@link EngineJvm#root}. */
  public static BenchReport run(String workload, List<String> engines, String size, Consumer<String> progress) {
    return run(Workloads.named(workload), engines, size, progress, null, EngineJvm.root());
  }

  /** As {@link #run(String, List, String, Consumer)}, with a fixed plan (tests run in-process); the rows only. */
  static List<BenchResult> run(String workload, List<String> engines, String size, Consumer<String> progress, Plan fixed) {
    return run(workload, engines, size, progress, fixed, EngineJvm.root());
  }

  /** As {@link #run(String, List, String, Consumer, Plan)}, with the forked engine modules of the checkout at {@code root}. */
  static List<BenchResult> run(String workload, List<String> engines, String size, Consumer<String> progress, Plan fixed, Path root) {
    return run(Workloads.named(workload), engines, size, progress, fixed, root).rows();
  }

  private static BenchReport run(Workload workload, List<String> engines, String size, Consumer<String> progress, Plan fixed,
      Path root) {
    EngineChoice choice = choose(workload, engines, root, progress);
    BenchData.deleteStaleRuns();
    return workload.run(choice, size, progress, fixed);
  }

  /** The engines a run of {@code workload} measures: those named, else the workload's default; forked ones where it has an engine half. */
  static EngineChoice choose(Workload workload, List<String> engines, Path root, Consumer<String> progress) {
    List<String> requested = engines == null || engines.isEmpty() ? workload.defaultEngines() : engines;
    return EngineChoice.choose(requested, workload.topic(), workload.engineHalf().isPresent(), root, progress);
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

  /**
   * Each engine's start-up ({@link B09_EngineStartUp}): milliseconds from creating it in a JVM that
   * has not loaded it to the first result of a trivial job; one cold start per engine, in a fork
   * of its own (in this JVM under an in-process plan, where only the first engine of its kind is cold).
   * For an engine half to call before its throughput runs; the figures go on its rows as {@code startupMs}.
   */
  static Map<String, Double> measureStartUps(List<String> engines, Workload workload, String size, Plan plan, Consumer<String> progress) {
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
  public static List<BenchResult> measureEverywhere(Workload workload, EngineChoice engines, String size, Plan plan, Consumer<String> progress) {
    EngineBench bench = workload.engineHalf().orElseThrow(() -> new IllegalArgumentException("no engine half for '" + workload.name() + "'"));
    List<BenchResult> rows = new ArrayList<>();
    if (!engines.local().isEmpty()) {
      rows.addAll(bench.measure(engines.local(), size, plan, progress));
    }
    engines.forked().forEach((module, ids) -> rows.addAll(ForkedBench.measure(module, workload.name(), ids, size, plan, progress)));
    return rows;
  }

  /** JMH's full output of a workload and size: one file per run, which its parts (here or in a forked JVM) append to. */
  static Path jmhLog(String workload, String size) {
    return BenchData.dir().resolve("jmh-" + workload + "-" + size + ".log");
  }

  /** Runs JMH, its output to {@link #jmhLog} (appended to, or begun afresh) and a line per iteration to {@code progress}. */
  static Collection<RunResult> jmh(org.openjdk.jmh.runner.options.Options options, Workload workload, String size,
      double amount, String unit, boolean append, Consumer<String> progress) {
    Path log = jmhLog(workload.name(), size);
    try {
      Files.createDirectories(log.getParent());
      try (PrintStream logStream = new PrintStream(append ? Files.newOutputStream(log, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND) : Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
        OutputFormat logFormat = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
        return new Runner(options, new JmhProgress(logFormat, progress, workload, size, amount, unit)).run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed (" + workload.name() + ", " + size + "); see " + log, e);
    }
  }

  static ChainedOptionsBuilder options(Workload workload, String size, long amount, Plan plan, int warmups) {
    return new OptionsBuilder()
        .param("size", size)
        .forks(plan.forks())
        .warmupIterations(warmups).warmupTime(TimeValue.seconds(plan.seconds()))
        .measurementIterations(plan.measurements()).measurementTime(TimeValue.seconds(plan.seconds()))
        .mode(plan.mode()).timeUnit(TimeUnit.MILLISECONDS)
        .shouldFailOnError(false)
        .jvmArgs(forkFlags())
        .jvmArgsAppend(heapFlags(workload, amount));
  }

  /**
   * -Xmx as the workload wants it, at most 3/4 of the machine's memory; -Xms too where the workload asks for a fixed
   * heap; then the workload's garbage collector flags.
   */
  private static String[] heapFlags(Workload workload, long amount) {
    long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() >> 20;
    long megabytes = Math.max(512, Math.min(workload.heapMegabytes(amount), physical * 3 / 4));
    List<String> flags = new ArrayList<>(workload.fixedHeap() ? List.of("-Xms" + megabytes + "m", "-Xmx" + megabytes + "m")
        : List.of("-Xmx" + megabytes + "m"));
    flags.addAll(workload.forkGcFlags());
    return flags.toArray(String[]::new);
  }

  /** The benchmark method's simple name (B04's {@code write}/{@code read}, B09's {@code startUp}...). */
  static String method(BenchmarkParams params) {
    return params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
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
}
