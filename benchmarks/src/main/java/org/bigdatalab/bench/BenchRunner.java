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
  public static final List<String> WORKLOADS = List.of("wordcount", "terasort", "dfs", "skew");
  /** The baseline of the {@code dfs} rows: a plain sequential {@code Files} write or read of the same bytes. */
  public static final String DISK_LIMIT = "files-sequential";
  /** Stores skipped unless asked for by name: a MiniDFSCluster takes long to start per combination. */
  static final List<String> EXPENSIVE_STORES = List.of("dfs-hdfs");

  private static final String B01 = B01_WordCountBaseline.class.getName();
  private static final String B02 = B02_WordCountEngines.class.getName();
  private static final String B03 = B03_TeraSort.class.getName();
  private static final String B04 = B04_DfsThroughput.class.getName();
  private static final String B05 = B05_SkewedAggregation.class.getName();

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
    List<String> ids = engines(engines, topicOf(workload), progress);
    BenchData.deleteStaleRuns();
    List<BenchResult> rows = new ArrayList<>();
    for (String label : sizes(workload, size)) {
      if (workload.equals("skew")) {
        rows.addAll(runSkew(ids, label, progress, fixed != null ? fixed : skewPlan(SkewData.records(label))));
      } else if (workload.equals("dfs")) {
        rows.addAll(runDfs(ids, label, blockSizes(size, label), progress, fixed != null ? fixed : plan(BenchData.bytes(label))));
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

  private static List<String> engines(List<String> requested, Topic topic, Consumer<String> progress) {
    EngineRegistry registry = EngineRegistry.load();
    List<String> known = registry.engines(topic).stream()
        .filter(i -> i.kind() != EngineInfo.Kind.BROKEN).map(EngineInfo::id).toList();
    if (requested == null || requested.isEmpty()) {
      List<String> skipped = known.stream().filter(EXPENSIVE_STORES::contains).toList();
      if (!skipped.isEmpty()) {
        progress.accept("skipping " + skipped + " by default (a cluster start per combination); name it in --engines to include it");
      }
      return known.stream().filter(id -> !EXPENSIVE_STORES.contains(id)).toList();
    }
    List<String> ids = new ArrayList<>();
    for (String id : requested) {
      if (known.contains(id)) {
        ids.add(id);
      } else {
        progress.accept("skipping " + id + ": no " + topic.title() + " engine of that id on the class path (registered: " + known + ")");
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
      ProgressFormat format = new ProgressFormat(logFormat, progress, workload, size, bytes / (double) (1 << 20), "MB/s");
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

  /** Block sizes of the {@code dfs} runs: a couple on small runs, 1 MB to 128 MB (those that fit the file) otherwise. */
  static List<String> blockSizes(String size, String label) {
    if (size.trim().equalsIgnoreCase("small")) {
      return List.of("1MB", "4MB");
    }
    long bytes = BenchData.bytes(label);
    List<String> blocks = List.of("1MB", "8MB", "64MB", "128MB").stream().filter(b -> ByteSize.parse(b) <= Math.max(1L << 20, bytes)).toList();
    return blocks;
  }

  /**
   * B04: the disk limit (plain Files write and read, in one fork) and then every store at
   * replication 1 and 3 and each block size. Rows: {@code engine} is {@code store/rN/block}, the
   * metric {@code write MB/s} or {@code read MB/s}, the ratio to the disk limit's write or read.
   */
  private static List<BenchResult> runDfs(List<String> stores, String size, List<String> blocks, Consumer<String> progress, Plan plan) {
    long bytes = BenchData.bytes(size);
    String bench = Pattern.quote(B04) + "\\.(write|read)$";
    Path log = BenchData.dir().resolve("jmh-dfs-" + size + ".log");
    List<RunResult> results = new ArrayList<>();
    try {
      Files.createDirectories(BenchData.dir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
      OutputFormat logFormat = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
      ProgressFormat format = new ProgressFormat(logFormat, progress, "dfs", size, bytes / (double) (1 << 20), "MB/s");
      results.addAll(new Runner(options("dfs", size, bytes, plan, plan.baselineWarmups()).include(bench)
          .param("store", B04_DfsThroughput.DISK).param("replication", "1").param("blockSize", "1MB").build(), format).run());
      if (!stores.isEmpty()) {
        results.addAll(new Runner(options("dfs", size, bytes, plan, plan.engineWarmups()).include(bench)
            .param("store", stores.toArray(String[]::new)).param("replication", "1", "3")
            .param("blockSize", blocks.toArray(String[]::new)).build(), format).run());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed (dfs, " + size + "); see " + log, e);
    }
    Map<String, Double> mbPerSecond = new LinkedHashMap<>();
    for (RunResult result : results) {
      double msPerJob = result.getPrimaryResult().getScore();
      mbPerSecond.put(method(result.getParams()) + " " + rowEngine(result.getParams()), bytes / (double) (1 << 20) / (msPerJob / 1000.0));
    }
    List<BenchResult> rows = new ArrayList<>();
    for (String op : List.of("write", "read")) {
      Double baseline = mbPerSecond.get(op + " " + DISK_LIMIT);
      if (baseline == null) {
        progress.accept("the disk limit's " + op + " failed (dfs, " + size + "), so no " + op + " ratio can be given; see " + log);
        continue;
      }
      List<String> order = new ArrayList<>(List.of(DISK_LIMIT));
      for (String store : stores) {
        for (String r : List.of("1", "3")) {
          for (String block : blocks) {
            order.add(store + "/r" + r + "/" + block);
          }
        }
      }
      for (String engine : order) {
        Double value = mbPerSecond.get(op + " " + engine);
        if (value == null) {
          progress.accept("no result for " + engine + " " + op + " (dfs, " + size + "): it failed; see " + log);
          continue;
        }
        rows.add(new BenchResult("dfs", engine, size, 1, op + " MB/s", round(value), DISK_LIMIT, round(value / baseline), null, null));
      }
    }
    return rows;
  }

  private static String method(BenchmarkParams params) {
    return params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
  }

  private static String dfsRowEngine(BenchmarkParams params) {
    String store = params.getParam("store");
    return B04_DfsThroughput.DISK.equals(store) ? DISK_LIMIT
        : store + "/r" + params.getParam("replication") + "/" + params.getParam("blockSize");
  }

  /** Zipf exponents of the {@code skew} runs: uniform, classic Zipf, and heavy skew. */
  static final List<String> SKEW_EXPONENTS = List.of("0", "1.0", "1.5");

  /** reduceByKey (map-side combine) and groupByKey + sum (none), each plain and salted. */
  static final List<String> SKEW_AGGREGATIONS = List.of("reduceByKey", "groupByKey");

  private static List<String> skewVariants(String engine) {
    List<String> ids = new ArrayList<>();
    for (String aggregation : SKEW_AGGREGATIONS) {
      ids.add(B05_SkewedAggregation.rowEngine(engine, false, aggregation));
      ids.add(B05_SkewedAggregation.rowEngine(engine, true, aggregation));
    }
    return ids;
  }

  /** Up to 1 M records: a smoke run; larger: two measured jobs per engine. */
  private static Plan skewPlan(int records) {
    return records <= 1_000_000 ? new Plan(1, 1, 1, 1, 1, Mode.AverageTime) : new Plan(1, 1, 1, 2, 1, Mode.AverageTime);
  }

  /**
   * B05: the hand-written primitive loop per exponent, then every dataflow engine with and without
   * two-phase salting. Rows: {@code size} is {@code <records>-z<exponent>}, the metric
   * {@code records/s}, the ratio to the hand-written loop at the same size and exponent, and
   * {@code maxTaskShare} the engine's largest task's share of its stage (left by the fork).
   */
  private static List<BenchResult> runSkew(List<String> engines, String size, Consumer<String> progress, Plan plan) {
    int records = SkewData.records(size);
    progress.accept("preparing skew input " + size + " records, exponents " + SKEW_EXPONENTS + " (cached under " + BenchData.dir() + ")");
    for (String e : SKEW_EXPONENTS) {
      SkewData.of(records, Double.parseDouble(e));
      for (String engine : engines) {
        skewVariants(engine).forEach(id -> SkewData.deleteShare(size, e, id));
      }
    }
    Path log = BenchData.dir().resolve("jmh-skew-" + size + ".log");
    List<RunResult> results = new ArrayList<>();
    try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
      OutputFormat logFormat = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
      ProgressFormat format = new ProgressFormat(logFormat, progress, "skew", size, records, "records/s");
      String[] exponents = SKEW_EXPONENTS.toArray(String[]::new);
      results.addAll(new Runner(options("skew", size, records, plan, plan.baselineWarmups())
          .include(Pattern.quote(B05) + "\\.baseline$").param("exponent", exponents).build(), format).run());
      if (!engines.isEmpty()) {
        results.addAll(new Runner(options("skew", size, records, plan, plan.engineWarmups())
            .include(Pattern.quote(B05) + "\\.measureEngine$").param("exponent", exponents)
            .param("engine", engines.toArray(String[]::new)).param("salted", "false", "true")
            .param("aggregation", SKEW_AGGREGATIONS.toArray(String[]::new)).build(), format).run());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed (skew, " + size + "); see " + log, e);
    }
    Map<String, Double> perSecond = new LinkedHashMap<>();
    for (RunResult result : results) {
      double msPerJob = result.getPrimaryResult().getScore();
      perSecond.put(result.getParams().getParam("exponent") + " " + rowEngine(result.getParams()), records / (msPerJob / 1000.0));
    }
    List<BenchResult> rows = new ArrayList<>();
    for (String e : SKEW_EXPONENTS) {
      String label = size + "-z" + e;
      Double baseline = perSecond.get(e + " " + BASELINE);
      if (baseline == null) {
        progress.accept("the hand-written baseline failed (skew, " + label + "), so no ratio can be given; see " + log);
        continue;
      }
      rows.add(new BenchResult("skew", BASELINE, label, 1, "records/s", round(baseline), BASELINE, 1.0, null, null, null));
      for (String engine : engines) {
        for (String id : skewVariants(engine)) {
          Double value = perSecond.get(e + " " + id);
          if (value == null) {
            progress.accept("no result for " + id + " (skew, " + label + "): it failed; see " + log);
            continue;
          }
          Double share = SkewData.readShare(size, e, id).map(BenchRunner::round).orElse(null);
          rows.add(new BenchResult("skew", id, label, threadsOf(engine), "records/s", round(value), BASELINE,
              round(value / baseline), null, null, share));
        }
      }
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
      case "write", "read" -> dfsRowEngine(params);
      default -> params.getParam("salted") != null
          ? B05_SkewedAggregation.rowEngine(params.getParam("engine"), Boolean.parseBoolean(params.getParam("salted")), params.getParam("aggregation"))
          : params.getParam("engine");
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

  /**
   * Word count needs little; TeraSort on mr-sequential holds the whole input as Strings; dfs-memory
   * holds every replica of a file (and a block buffer per writer); skew holds its records boxed
   * (about 50 bytes each), the copies a salted plan makes and the shuffles ({@code inputBytes} is records there).
   */
  private static long heapMegabytes(String workload, long inputBytes) {
    long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() >> 20;
    long wanted = switch (workload) {
      case "terasort" -> Math.max(2048, 10 * (inputBytes >> 20));
      case "dfs" -> Math.max(2048, 8 * (inputBytes >> 20) + 512);
      case "skew" -> Math.max(2048, inputBytes * 400 >> 20);
      default -> 4096;
    };
    return Math.max(512, Math.min(wanted, physical * 3 / 4));
  }

  /** Logs JMH's usual output and gives {@code progress} a line per benchmark and iteration. */
  private static final class ProgressFormat implements OutputFormat {
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

    private String label(BenchmarkParams params) {
      String exponent = params.getParam("exponent");
      return workload + " " + size + (exponent != null ? "-z" + exponent : "") + " " + rowEngine(params)
          + (workload.equals("dfs") ? " " + method(params) : "");
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
