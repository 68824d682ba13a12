package org.bigdatalab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.spi.fork.EngineJvm;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * {@code lab bench --workload nexmark}: B07's hand-written windowed count, B06's throughput of every
 * query on each in-process streaming engine, and B08's latency of the windowed queries, in one run,
 * as report rows and a latency table.
 *
 * <p>Rows: workload {@code nexmark}, engine {@code <engine>/<query>/<source>} with source {@code lines}
 * (parsed by the job) or {@code typed} (B06's pre-parsed events), or the hand-written loops
 * ({@code hand-written-1-thread}: B07's primitive-array loop; {@code hand-written-parse-1-thread}:
 * it parsing each line; {@code hand-written-typed-1-thread}: the count over the typed bid objects
 * with an open-addressing table), size the event count, metric {@code events/s} (the query's input
 * events per second of one whole run), ratio to B07's primitive-array loop of the same run (the
 * console's targets also give the count's ratio to the typed loop); {@code threads} is what the engine may use
 * (stream-parallel: its shards plus the source thread, at most the cores), so per-thread = ratio /
 * threads. {@code p50_ms} and {@code p99_ms} are B08's, for the windowed queries. Sizes:
 * {@code small} = 1M events, {@code full} = 5M, or a count ({@code 200K}).
 *
 * <p>Flink and Kafka Streams run only when named in {@code --engines}, each in a JVM with its
 * module's class path ({@link ForkedBench}), throughput and B08's latency alike (one measured
 * latency run above {@link #REAL_LATENCY_EVENTS} events); spark-streaming is not offered (one
 * micro-batch per line). The flink module's NexmarkFlinkThroughput measures Flink beside the reference engines in
 * one JVM with its start-up subtracted.
 *
 * <p>Targets (reported, not asserted): stream-parallel's q0 and q1 at 10 M events/s per core, and
 * its windowed count at 0.25 of the hand-written loops per core. Measured runs and what they taught are in benchmarks/RESULTS.md.
 */
public final class NexmarkWorkload implements Workload {
  public static final String PARSING_LOOP = "hand-written-parse-1-thread";
  /** B07's loop over the typed bid objects the engines get, counts in an open-addressing table (ids not known dense). */
  public static final String TYPED_LOOP = "hand-written-typed-1-thread";
  /** The engines measured unless others are named; also the ones B08 can probe. */
  static final List<String> ENGINES = List.of("stream-sequential", "stream-parallel");
  static final List<String> WINDOWED = List.of("Q5", "Q7", "Q11", "COUNT");
  /** The sources every query is measured from: lines parsed by the job, and typed events (B06). */
  static final List<String> SOURCES = List.of("lines", "typed");
  /** Up to this many events a real engine's latency gets every measured iteration of the plan; above it, one. */
  static final int REAL_LATENCY_EVENTS = 250_000;
  /** stream-parallel's q0/q1 events/s per core. */
  public static final double STATELESS_PER_CORE_TARGET = 10_000_000;
  /** stream-parallel's windowed count per core, as a fraction of the hand-written loop. */
  public static final double COUNT_PER_CORE_TARGET = 0.25;

  private static final String B06 = B06_NexmarkThroughput.class.getName();
  private static final String B07 = B07_NexmarkWindowedCountBaseline.class.getName();
  private static final String B08 = B08_NexmarkLatency.class.getName();
  /** What progress lines give per second. */
  private static final String UNIT = "events/s (of the whole stream)";

  @Override public String name() {
    return "nexmark";
  }

  @Override public Topic topic() {
    return Topic.STREAMING;
  }

  @Override public List<String> defaultEngines() {
    return ENGINES;
  }

  @Override public List<String> sizes(String size) {
    return List.of(label(size));
  }

  @Override public Optional<EngineBench> engineHalf() {
    return Optional.of(this::measureEngines);
  }

  /** Its runs keep a million outputs alive until they return, and a heap that starts small copies them through young collections while it grows. */
  @Override public boolean fixedHeap() {
    return true;
  }

  @Override public BenchReport runSize(EngineChoice engines, String label, Consumer<String> progress, BenchRunner.Plan fixed) {
    Report report = measure(engines, label, progress, fixed);
    return new BenchReport(report.rows(), latencyTable(report.latencies()));
  }

  /** One latency line: microseconds, over {@code count} results of {@code runs} measured runs. */
  public record Latency(String engine, String query, long p50, long p99, long p999, long max, long count, int runs) {}

  /** The rows and the latency table of one run. */
  public record Report(List<BenchResult> rows, List<Latency> latencies) {}

  /** {@code small} = 1M events, {@code full} = 5M, or a count. */
  static String label(String size) {
    return size.equalsIgnoreCase("small") ? "1M" : size.equalsIgnoreCase("full") ? "5M" : size;
  }

  /**
   * The hand-written loops here, then every chosen engine's half ({@link #measureEngines}) where it
   * lives: the reference engines in this JVM, flink and kafka-streams (only when named: a run over
   * a million events takes them minutes per query) each in a JVM of its own.
   */
  static Report run(List<String> requested, String size, Consumer<String> progress, BenchRunner.Plan fixed) {
    return run(requested, size, progress, fixed, EngineJvm.root());
  }

  /** As {@link #run(List, String, Consumer, BenchRunner.Plan)}, with the forked engine modules of the checkout at {@code root}. */
  static Report run(List<String> requested, String size, Consumer<String> progress, BenchRunner.Plan fixed, Path root) {
    NexmarkWorkload nexmark = new NexmarkWorkload();
    return nexmark.measure(BenchRunner.choose(nexmark, requested, root, progress), label(size), progress, fixed);
  }

  /** The hand-written loops here, then the chosen engines' half wherever they live. */
  Report measure(EngineChoice choice, String label, Consumer<String> progress, BenchRunner.Plan fixed) {
    int events = NexmarkData.events(label);
    BenchRunner.Plan plan = fixed != null ? fixed : new BenchRunner.Plan(1, 1, 1, 3, 1, Mode.AverageTime);
    Map<String, Double> loops = new LinkedHashMap<>();
    for (RunResult r : BenchRunner.jmh(BenchRunner.options(this, label, events, plan, plan.baselineWarmups())
        .include(Pattern.quote(B07) + "\\.baseline(FromLines|FromTypedEvents)?$").build(), this, label, events, UNIT, false, progress)) {
      loops.put(rowEngine(r.getParams()), NexmarkData.of(label).bidTimes.length / (r.getPrimaryResult().getScore() / 1000.0));
    }
    Double baseline = loops.get(BenchRunner.BASELINE);
    if (baseline == null) {
      progress.accept("the hand-written loop failed (nexmark, " + label + "), so no ratio can be given; see " + BenchRunner.jmhLog(name(), label));
      return new Report(List.of(), List.of());
    }
    List<BenchResult> rows = new ArrayList<>();
    loops.forEach((engine, value) -> rows.add(new BenchResult("nexmark", engine, label, 1, "events/s", BenchRunner.round(value),
        BenchRunner.BASELINE, BenchRunner.round(value / baseline), null, null)));
    if (!choice.all().isEmpty()) {
      BenchRunner.measureEverywhere(this, choice, label, plan, progress)
          .forEach(r -> rows.add(r.against(BenchRunner.BASELINE, baseline)));
    }
    List<Latency> latencies = new ArrayList<>();
    for (String engine : choice.all()) {
      for (String q : plan.values("latency", WINDOWED)) {
        for (String source : plan.values("source", SOURCES)) {
          readLatency(label, engine, q + "-" + source).ifPresent(latencies::add);
        }
      }
    }
    return new Report(rows, latencies);
  }

  /**
   * The engine half ({@link EngineBench}): B06's throughput of every query on each engine, and B08's
   * latency of the windowed ones on each engine (a real one, in the JVM ForkedBench started for it,
   * with fewer runs above {@link #REAL_LATENCY_EVENTS} events: {@link #latencyRuns}).
   */
  List<BenchResult> measureEngines(List<String> engines, String size, BenchRunner.Plan plan, Consumer<String> progress) {
    int events = NexmarkData.events(size);
    String[] queries = plan.values("query", java.util.Arrays.stream(NexmarkBenchQuery.values()).map(Enum::name).toList())
        .toArray(String[]::new);
    List<String> windowed = plan.values("latency", WINDOWED);
    String[] sources = plan.values("source", SOURCES).toArray(String[]::new);
    engines.forEach(e -> windowed.forEach(q -> java.util.Arrays.stream(sources)
        .forEach(s -> deleteQuietly(B08_NexmarkLatency.latencyFile(size, e, q + "-" + s)))));
    Map<String, Double> perSecond = new LinkedHashMap<>();
    NexmarkData data = NexmarkData.of(size);
    for (RunResult r : BenchRunner.jmh(BenchRunner.options(this, size, events, plan, plan.engineWarmups())
        .include(Pattern.quote(B06) + "\\.measureEngine$").param("engine", engines.toArray(String[]::new))
        .param("query", queries).param("source", sources).build(), this, size, events, UNIT, true, progress)) {
      int input = NexmarkBenchQuery.valueOf(r.getParams().getParam("query")).inputEvents(data);
      perSecond.put(rowEngine(r.getParams()), input / (r.getPrimaryResult().getScore() / 1000.0));
    }
    for (boolean real : List.of(false, true)) {
      List<String> probed = engines.stream().filter(e -> isReal(e) == real).toList();
      if (probed.isEmpty()) {
        continue;
      }
      int runs = latencyRuns(real, events, plan);
      if (runs < plan.measurements()) {
        progress.accept("latency of " + probed + " (nexmark, " + size + "): " + runs + " measured run per query and source, not "
            + plan.measurements() + " (above " + REAL_LATENCY_EVENTS + " events a run takes a real engine too long)");
      }
      BenchRunner.jmh(BenchRunner.options(this, size, events, plan, Math.max(1, plan.engineWarmups())).measurementIterations(runs)
          .include(Pattern.quote(B08) + "\\.measureLatency$").param("engine", probed.toArray(String[]::new))
          .param("query", windowed.toArray(String[]::new)).param("source", sources).build(), this, size, events, UNIT, true, progress);
    }
    List<BenchResult> rows = new ArrayList<>();
    for (String engine : engines) {
      for (String q : queries) {
        for (String source : sources) {
          String id = rowId(engine, q, source);
          Double value = perSecond.get(id);
          if (value == null) {
            progress.accept("no result for " + id + " (nexmark, " + size + "): it failed; see " + BenchRunner.jmhLog(name(), size));
            continue;
          }
          Optional<Latency> latency = readLatency(size, engine, q + "-" + source);
          rows.add(new BenchResult("nexmark", id, size, threadsOf(engine), "events/s", BenchRunner.round(value), null, 0,
              latency.map(l -> l.p50() / 1000.0).orElse(null), latency.map(l -> l.p99() / 1000.0).orElse(null)));
        }
      }
    }
    return rows;
  }

  /** Whether an engine is a real one (Flink, Kafka Streams): its latency run may be cut short. */
  private static boolean isReal(String engine) {
    return EngineRegistry.load().find(engine).map(p -> p.info().kind() == EngineInfo.Kind.REAL).orElse(false);
  }

  /**
   * Measured iterations of B08 per query and source: the plan's, except for a real engine above
   * {@link #REAL_LATENCY_EVENTS} events, which gets one (each run takes it tens of seconds there).
   */
  static int latencyRuns(boolean real, int events, BenchRunner.Plan plan) {
    return real && events > REAL_LATENCY_EVENTS ? Math.min(1, plan.measurements()) : plan.measurements();
  }

  /**
   * Threads an engine may use: stream-parallel its shards (one per core, at most 4) and the source
   * thread, at most the cores; flink and kafka-streams run the job at parallelism 1 (one task thread); the others one.
   */
  static int threadsOf(String engine) {
    return engine.equals("stream-parallel") ? Math.min(5, Runtime.getRuntime().availableProcessors()) : 1;
  }

  @Override public String progressLabel(String size, BenchmarkParams p) {
    return name() + " " + size + " " + rowEngine(p);
  }

  @Override public String rowEngine(BenchmarkParams p) {
    String method = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
    return switch (method) {
      case "baseline" -> BenchRunner.BASELINE;
      case "baselineFromLines" -> PARSING_LOOP;
      case "baselineFromTypedEvents" -> TYPED_LOOP;
      default -> rowId(p.getParam("engine"), p.getParam("query"), p.getParam("source"));
    };
  }

  /** A row's engine column: {@code stream-parallel/q0/typed}, {@code stream-parallel/q0/lines}. */
  static String rowId(String engine, String query, String source) {
    return engine + "/" + query.toLowerCase(Locale.ROOT) + "/" + source;
  }

  private static Optional<Latency> readLatency(String size, String engine, String query) {
    Path file = B08_NexmarkLatency.latencyFile(size, engine, query);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String[] f = Files.readString(file).trim().split(" ");
      return Optional.of(new Latency(engine, query.toLowerCase(Locale.ROOT), Long.parseLong(f[0]), Long.parseLong(f[1]),
          Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), f.length > 5 ? Integer.parseInt(f[5]) : 0));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale file is overwritten by the next run anyway
    }
  }

  /** The rows, the latency table and the targets, for the console. */
  public static String format(Report report) {
    return BenchTable.format(report.rows(), latencyTable(report.latencies()));
  }

  /** B08's latencies, one line per engine, query and source. */
  static List<String> latencyTable(List<Latency> latencies) {
    List<String> out = new ArrayList<>();
    out.add("latency, ingest of the event that makes a window due -> its result (microseconds)");
    out.add(String.format(Locale.ROOT, "  %-20s %-12s %10s %10s %10s %10s %9s %5s", "engine", "query", "p50", "p99", "p99.9", "max",
        "results", "runs"));
    for (Latency l : latencies) {
      out.add(String.format(Locale.ROOT, "  %-20s %-12s %10d %10d %10d %10d %9d %5d", l.engine(), l.query(), l.p50(), l.p99(),
          l.p999(), l.max(), l.count(), l.runs()));
    }
    return out;
  }

  /** stream-parallel's q0 and q1 per core, and its windowed count per core against both hand-written loops. */
  @Override public List<String> targets(List<BenchResult> rows) {
    List<String> out = new ArrayList<>();
    Double typedLoop = rows.stream().filter(r -> r.workload().equals(name()) && r.engine().equals(TYPED_LOOP)).map(BenchResult::value)
        .findFirst().orElse(null);
    for (BenchResult r : rows.stream().filter(r -> r.workload().equals(name())).toList()) {
      double perCore = r.value() / Math.max(1, r.threads());
      if (r.engine().startsWith("stream-parallel/q0/") || r.engine().startsWith("stream-parallel/q1/")) {
        out.add(String.format(Locale.ROOT, "%s %.4g events/s per core (target >= %.0f): %s", r.engine(), perCore,
            STATELESS_PER_CORE_TARGET, BenchTable.verdict(perCore >= STATELESS_PER_CORE_TARGET)));
      } else if (r.engine().startsWith("stream-parallel/count/")) {
        double share = r.ratioToBaseline() / Math.max(1, r.threads());
        out.add(String.format(Locale.ROOT, "%s per core %.3g of %s, the primitive-array loop (target >= %.2f): %s",
            r.engine(), share, BenchRunner.BASELINE, COUNT_PER_CORE_TARGET, BenchTable.verdict(share >= COUNT_PER_CORE_TARGET)));
        if (typedLoop != null) {
          double typedShare = r.value() / typedLoop / Math.max(1, r.threads());
          out.add(String.format(Locale.ROOT, "%s per core %.3g of %s, the loop over the typed events (target >= %.2f): %s",
              r.engine(), typedShare, TYPED_LOOP, COUNT_PER_CORE_TARGET, BenchTable.verdict(typedShare >= COUNT_PER_CORE_TARGET)));
        }
      }
    }
    return out;
  }
}
