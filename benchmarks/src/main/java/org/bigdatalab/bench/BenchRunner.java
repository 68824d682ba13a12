package org.bigdatalab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bigdatalab.spi.ByteSize;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineRegistry;
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
 * {@code 1GB}, any other {@link ByteSize} text, or {@code full} (the issue's sizes: 16MB, 128MB
 * and 512MB for word count, 1GB for TeraSort).
 *
 * <p>Rows: {@code value} is MB/s (2^20 bytes of input per second of one whole job, the average of
 * the measured iterations); {@code ratio_to_baseline} divides it by the hand-written loop's MB/s
 * at the same size (B01 {@code measureRight} for word count, B03 {@code baseline} for TeraSort);
 * {@code threads} is what the engine may use (per-thread ratio = ratio / threads).
 *
 * <p>Each benchmark runs in one forked JVM with the same class path as this one (JMH's default:
 * {@code java.class.path}), the project's engine flags from {@code lab-build.properties}, a heap
 * fit for the size, and the data directory, so parent and forks share the cached inputs. JMH's
 * full output goes to {@code target/bench-data/jmh-<workload>-<size>.log}; {@code progress} gets
 * one line per benchmark and per iteration. An engine that is not on the class path is skipped
 * with a line to {@code progress}; one that fails is reported and left out of the rows.
 */
public final class BenchRunner {
  /** The baseline of every ratio: the hand-written loop on one thread. */
  public static final String BASELINE = "hand-written-1-thread";
  /** B01's measureWrong: the same loop with HashMap&lt;String, Long&gt;, for scale. */
  public static final String HASHMAP_LOOP = "hand-written-hashmap-1-thread";
  public static final List<String> WORKLOADS = List.of("wordcount", "terasort");

  private static final String B01 = B01_WordCountBaseline.class.getName();
  private static final String B02 = B02_WordCountEngines.class.getName();
  private static final String B03 = B03_TeraSort.class.getName();

  private BenchRunner() {}

  /**
   * How much JMH measures: iterations of at least {@code seconds} each, whole jobs per iteration.
   * The hand-written loops are cheap, so they may get more warm-up than the engines.
   */
  record Plan(int forks, int baselineWarmups, int engineWarmups, int measurements, int seconds, Mode mode) {}

  public static List<BenchResult> run(String workload, List<String> engines, String size, Consumer<String> progress) {
    return run(workload, engines, size, progress, null);
  }

  /** As {@link #run(String, List, String, Consumer)}, with a fixed plan (tests run in-process). */
  static List<BenchResult> run(String workload, List<String> engines, String size, Consumer<String> progress, Plan fixed) {
    if (!WORKLOADS.contains(workload)) {
      throw new IllegalArgumentException("unknown workload '" + workload + "'; known: " + WORKLOADS);
    }
    List<String> ids = engines(engines, progress);
    BenchData.deleteStaleRuns();
    List<BenchResult> rows = new ArrayList<>();
    for (String label : sizes(workload, size)) {
      rows.addAll(runSize(workload, ids, label, progress, fixed != null ? fixed : plan(BenchData.bytes(label))));
    }
    return rows;
  }

  /** The size labels a {@code --size} value stands for. */
  public static List<String> sizes(String workload, String size) {
    String s = size.trim().toLowerCase(Locale.ROOT);
    boolean words = workload.equals("wordcount");
    if (s.equals("small")) {
      return List.of(words ? "4MB" : "8MB");
    }
    if (s.equals("full")) {
      return words ? List.of("16MB", "128MB", "512MB") : List.of("1GB");
    }
    return List.of(ByteSize.format(ByteSize.parse(size)));
  }

  /** Threads an engine may use: mr-sequential one, the others one per core (their default). */
  public static int threadsOf(String engine) {
    return engine.equals("mr-sequential") || engine.startsWith("hand-written") ? 1
        : Runtime.getRuntime().availableProcessors();
  }

  private static List<String> engines(List<String> requested, Consumer<String> progress) {
    EngineRegistry registry = EngineRegistry.load();
    List<String> known = registry.engines(Topic.MAPREDUCE).stream()
        .filter(i -> i.kind() != EngineInfo.Kind.BROKEN).map(EngineInfo::id).toList();
    if (requested == null || requested.isEmpty()) {
      return known;
    }
    List<String> ids = new ArrayList<>();
    for (String id : requested) {
      if (known.contains(id)) {
        ids.add(id);
      } else {
        progress.accept("skipping " + id + ": no MapReduce engine of that id on the class path (registered: " + known + ")");
      }
    }
    return ids;
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
    Path log = BenchData.dir().resolve("jmh-" + workload + "-" + size + ".log");
    List<RunResult> results = new ArrayList<>();
    try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
      OutputFormat logFormat = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
      ProgressFormat format = new ProgressFormat(logFormat, progress, workload, size, bytes);
      results.addAll(new Runner(options(workload, size, bytes, plan, plan.baselineWarmups()).include(baselines).build(), format).run());
      if (!engines.isEmpty()) {
        results.addAll(new Runner(options(workload, size, bytes, plan, plan.engineWarmups()).include(engineBench)
            .param("engine", engines.toArray(String[]::new)).build(), format).run());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed (" + workload + ", " + size + "); see " + log, e);
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

  private static ChainedOptionsBuilder options(String workload, String size, long bytes, Plan plan, int warmups) {
    return new OptionsBuilder()
        .param("size", size)
        .forks(plan.forks())
        .warmupIterations(warmups).warmupTime(TimeValue.seconds(plan.seconds()))
        .measurementIterations(plan.measurements()).measurementTime(TimeValue.seconds(plan.seconds()))
        .mode(plan.mode()).timeUnit(TimeUnit.MILLISECONDS)
        .shouldFailOnError(false)
        .jvmArgs(forkFlags())
        .jvmArgsAppend("-Xmx" + heapMegabytes(workload, bytes) + "m");
  }

  private static String rowEngine(BenchmarkParams params) {
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    return switch (method) {
      case "measureRight", "baseline" -> BASELINE;
      case "measureWrong" -> HASHMAP_LOOP;
      default -> params.getParam("engine");
    };
  }

  /** Four significant digits: more would be noise, fewer would print a slow engine as 0.0. */
  private static double round(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue();
  }

  /** The flags the project's engines need (lab-build.properties), and the shared data directory. */
  private static String[] forkFlags() {
    List<String> flags = new ArrayList<>();
    try (InputStream in = BenchRunner.class.getResourceAsStream("/lab-build.properties")) {
      if (in != null) {
        Properties props = new Properties();
        props.load(in);
        String value = props.getProperty("jvm.flags", "");
        if (!value.contains("${")) {
          Arrays.stream(value.trim().split("\\s+")).filter(f -> !f.isEmpty()).forEach(flags::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    flags.add("-D" + BenchData.DIR_PROPERTY + "=" + BenchData.dir());
    return flags.toArray(String[]::new);
  }

  /** Word count needs little; TeraSort on mr-sequential holds the whole input as Strings. */
  private static long heapMegabytes(String workload, long inputBytes) {
    long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() >> 20;
    long wanted = workload.equals("terasort") ? Math.max(2048, 10 * (inputBytes >> 20)) : 4096;
    return Math.max(512, Math.min(wanted, physical * 3 / 4));
  }

  /** Logs JMH's usual output and gives {@code progress} a line per benchmark and iteration. */
  private static final class ProgressFormat implements OutputFormat {
    private final OutputFormat log;
    private final Consumer<String> progress;
    private final String workload;
    private final String size;
    private final long bytes;
    private boolean afterFailure;

    ProgressFormat(OutputFormat log, Consumer<String> progress, String workload, String size, long bytes) {
      this.log = log;
      this.progress = progress;
      this.workload = workload;
      this.size = size;
      this.bytes = bytes;
    }

    private String label(BenchmarkParams params) {
      return workload + " " + size + " " + rowEngine(params);
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
      progress.accept(String.format(Locale.ROOT, "  %s %s %d/%d: %.0f ms per job, %.1f MB/s", label(benchParams),
          params.getType() == org.openjdk.jmh.runner.IterationType.WARMUP ? "warm-up" : "iteration",
          iteration, params.getCount(), ms, bytes / (double) (1 << 20) / (ms / 1000.0)));
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
