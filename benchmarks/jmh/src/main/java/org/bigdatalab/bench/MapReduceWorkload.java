package org.bigdatalab.bench;

import static org.bigdatalab.bench.BenchRunner.BASELINE;
import static org.bigdatalab.bench.BenchRunner.round;
import static org.bigdatalab.bench.BenchRunner.threadsOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bigdatalab.spi.ByteSize;
import org.bigdatalab.spi.Topic;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * What the MapReduce workloads share: an input file per size, the hand-written loop(s) and then every
 * engine on it with JMH, rows in MB/s (2^20 bytes of input per second of one whole job, the average
 * of the measured iterations), each divided by the hand-written loop's MB/s at the same size;
 * {@code threads} is what the engine may use (per-thread ratio = ratio / threads).
 */
abstract class MapReduceWorkload implements Workload {
  /** mr-parallel's MB/s per thread, as a fraction of the one-thread hand-written loop. */
  static final double PARALLEL_PER_THREAD_TARGET = 0.5;

  @Override public Topic topic() {
    return Topic.MAPREDUCE;
  }

  /** The input of a size label, generated once and cached. */
  abstract Path input(String label) throws IOException;

  /** JMH's include pattern of the hand-written loops. */
  abstract String baselines();

  /** JMH's include pattern of the engines' benchmark (its {@code engine} parameter takes the ids). */
  abstract String engineBenchmark();

  /** The rows' order: the baseline first, then other hand-written loops, then the engines. */
  List<String> handWritten() {
    return List.of(BASELINE);
  }

  @Override public List<String> sizes(String size) {
    return Workload.sizes(size, smallSize(), fullSizes(), exact -> ByteSize.format(ByteSize.parse(exact)));
  }

  abstract String smallSize();

  abstract List<String> fullSizes();

  @Override public BenchReport runSize(EngineChoice choice, String size, Consumer<String> progress, BenchRunner.Plan fixed) {
    List<String> engines = choice.local();
    long bytes;
    try {
      progress.accept("preparing " + name() + " input " + size + " (cached under " + BenchData.dir() + ")");
      bytes = Files.size(input(size));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot generate the " + name() + " input of " + size, e);
    }
    BenchRunner.Plan plan = fixed != null ? fixed : plan(bytes);
    Path log = BenchRunner.jmhLog(name(), size);
    double megabytes = bytes / (double) (1 << 20);
    List<RunResult> results = new ArrayList<>(BenchRunner.jmh(BenchRunner.options(this, size, bytes, plan, plan.baselineWarmups())
        .include(baselines()).build(), this, size, megabytes, "MB/s", false, progress));
    if (!engines.isEmpty()) {
      results.addAll(BenchRunner.jmh(BenchRunner.options(this, size, bytes, plan, plan.engineWarmups()).include(engineBenchmark())
          .param("engine", engines.toArray(String[]::new)).build(), this, size, megabytes, "MB/s", true, progress));
    }
    Map<String, Double> mbPerSecond = new LinkedHashMap<>();
    for (RunResult result : results) {
      mbPerSecond.put(rowEngine(result.getParams()), megabytes / (result.getPrimaryResult().getScore() / 1000.0));
    }
    Double baseline = mbPerSecond.get(BASELINE);
    if (baseline == null) {
      throw new IllegalStateException("the hand-written baseline failed (" + name() + ", " + size + "), so no ratio can be given; see " + log);
    }
    List<String> order = new ArrayList<>(handWritten());
    order.addAll(engines);
    List<BenchResult> rows = new ArrayList<>();
    for (String engine : order) {
      Double value = mbPerSecond.get(engine);
      if (value == null) {
        progress.accept("no result for " + engine + " (" + name() + ", " + size + "): it failed; see " + log);
        continue;
      }
      rows.add(new BenchResult(name(), engine, size, threadsOf(engine), "MB/s", round(value), BASELINE, round(value / baseline), null, null));
    }
    return BenchReport.of(rows);
  }

  /**
   * Small inputs: a warm-up iteration, then iterations of at least a second. Large ones: whole-job
   * iterations, fewer of them, and no warm-up job for the engines from 512 MB on (a 512 MB job on
   * a slow engine takes minutes, and the JIT is warm early in the first); the hand-written loops
   * always get a warm-up, which costs seconds.
   */
  static BenchRunner.Plan plan(long bytes) {
    if (bytes <= 8L << 20) {
      return new BenchRunner.Plan(1, 1, 1, 1, 1, Mode.AverageTime); // smoke runs: under a minute per workload
    }
    if (bytes < 64L << 20) {
      return new BenchRunner.Plan(1, 1, 1, 3, 1, Mode.AverageTime);
    }
    if (bytes < 512L << 20) {
      return new BenchRunner.Plan(1, 1, 1, 2, 1, Mode.AverageTime);
    }
    return new BenchRunner.Plan(1, 1, 0, 2, 1, Mode.AverageTime);
  }

  @Override public String rowEngine(BenchmarkParams params) {
    String method = BenchRunner.method(params);
    return method.equals("measureRight") || method.equals("baseline") ? BASELINE
        : method.equals("measureWrong") ? BenchRunner.HASHMAP_LOOP : params.getParam("engine");
  }

  /** mr-parallel's line against the hand-written loop: per thread, as word count's target reads. */
  String parallelTarget(String key, BenchResult parallel) {
    double perThread = parallel.ratioToBaseline() / Math.max(1, parallel.threads());
    return String.format(Locale.ROOT, "%-16s mr-parallel per thread %.3g of the hand-written loop (target >= %.2f): %s",
        key, perThread, PARALLEL_PER_THREAD_TARGET, BenchTable.verdict(perThread >= PARALLEL_PER_THREAD_TARGET));
  }

  /** mr-parallel against the hand-written loop, and against mr-hadoop, per size. */
  @Override public List<String> targets(List<BenchResult> rows) {
    List<String> lines = new ArrayList<>();
    rows.stream().filter(r -> r.workload().equals(name())).map(BenchResult::size).distinct().forEach(size -> {
      String key = name() + " " + size;
      Optional<BenchResult> parallel = BenchTable.find(rows, name(), size, "mr-parallel");
      Optional<BenchResult> hadoop = BenchTable.find(rows, name(), size, "mr-hadoop");
      parallel.ifPresent(p -> {
        lines.add(parallelTarget(key, p));
        hadoop.ifPresent(h -> lines.add(String.format(Locale.ROOT, "%-16s mr-parallel %.4g MB/s vs mr-hadoop %.4g MB/s (target: faster): %s",
            key, p.value(), h.value(), BenchTable.verdict(p.value() > h.value()))));
      });
    });
    return lines;
  }
}
