package org.bigdatalab.bench;

import static org.bigdatalab.bench.BenchRunner.BASELINE;
import static org.bigdatalab.bench.BenchRunner.round;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bigdatalab.spi.Topic;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * {@code lab bench --workload lambda-kappa}: reprocessing N events by Kappa replay and by Lambda
 * batch recompute on every pipeline combination (B12, in a JVM with engines-streaming/lambda's class
 * path), beside a hand-written loop over the same lines (here); the serving layer's query latency
 * (B12, HdrHistogram); and log-local's append and read beside a plain file of the same record
 * bytes, both fsync=on-close (B13, here). Sizes, in events: {@code small} = 100K, {@code full} = 1M
 * and 10M, or any count.
 *
 * <p>Rows: {@code <pipeline>/kappa-replay} and {@code <pipeline>/lambda-batch} in events/s, ratio to
 * {@code hand-written-1-thread}; {@code <pipeline>/serving-query} in queries/s with {@code p50_ms}
 * and {@code p99_ms}; {@code log-local/append/fsync-on-close} and {@code .../read} in MB/s of record
 * bytes (key, value, timestamp), ratio to {@code file/append/fsync-on-close} and {@code file/read}.
 */
final class LambdaKappaWorkload implements Workload {
  /** log-local's append as a fraction of the plain file's (the target). */
  static final double APPEND_TARGET = 0.5;
  static final String FSYNC = "fsync-on-close";
  private static final String B12 = B12_LambdaKappaReprocess.class.getName();
  private static final String B13 = B13_LogAppendRead.class.getName();

  @Override public String name() {
    return "lambda-kappa";
  }

  @Override public Topic topic() {
    return Topic.LAMBDA;
  }

  @Override public List<String> sizes(String size) {
    return Workload.sizes(size, "100K", List.of("1M", "10M"), String::trim);
  }

  @Override public Optional<EngineBench> engineHalf() {
    return Optional.of(this::measureEngines);
  }

  /** Clicks, their lines, two logs' worth of records and a pipeline's views: about 600 bytes an event, with room. */
  @Override public long heapMegabytes(long events) {
    return Math.max(2048, events / 1000);
  }

  static BenchRunner.Plan plan(BenchRunner.Plan fixed) {
    return fixed != null ? fixed : new BenchRunner.Plan(1, 1, 1, 2, 1, Mode.AverageTime);
  }

  @Override public BenchReport runSize(EngineChoice engines, String label, Consumer<String> progress, BenchRunner.Plan fixed) {
    int events = BenchData.count(label);
    BenchRunner.Plan plan = plan(fixed);
    List<BenchResult> rows = new ArrayList<>();
    Map<String, Double> msPerCall = new LinkedHashMap<>();
    for (RunResult r : BenchRunner.jmh(BenchRunner.options(this, label, events, plan, plan.baselineWarmups())
        .include(Pattern.quote(B12) + "\\.handWritten$|" + Pattern.quote(B13) + "\\.(append|read)$").build(),
        this, label, events, "events/s", false, progress)) {
      msPerCall.put(rowEngine(r.getParams()), r.getPrimaryResult().getScore());
    }
    Double baselineMs = msPerCall.get(BASELINE);
    if (baselineMs == null) {
      throw new IllegalStateException("the hand-written loop failed (lambda-kappa, " + label + "), so no ratio can be given; see "
          + BenchRunner.jmhLog(name(), label));
    }
    double baseline = events / (baselineMs / 1000);
    rows.add(new BenchResult(name(), BASELINE, label, 1, "events/s", round(baseline), BASELINE, 1.0, null, null));
    for (BenchResult row : BenchRunner.measureEverywhere(this, engines, label, plan, progress)) {
      rows.add(row.metric().equals("events/s") ? row.against(BASELINE, baseline) : row);
    }
    double megabytes = B13_LogAppendRead.payloadBytes(label) / (double) (1 << 20);
    for (String op : List.of("append", "read")) {
      String file = "file/" + op + (op.equals("append") ? "/" + FSYNC : "");
      String log = "log-local/" + op + (op.equals("append") ? "/" + FSYNC : "");
      Double fileMs = msPerCall.get(file);
      Double logMs = msPerCall.get(log);
      if (fileMs == null || logMs == null) {
        progress.accept("no result for " + (fileMs == null ? file : log) + " (lambda-kappa, " + label + "): it failed; see "
            + BenchRunner.jmhLog(name(), label));
        continue;
      }
      double fileMbs = megabytes / (fileMs / 1000);
      rows.add(new BenchResult(name(), file, label, 1, "MB/s", round(fileMbs), file, 1.0, null, null));
      rows.add(new BenchResult(name(), log, label, 1, "MB/s", round(megabytes / (logMs / 1000)), file,
          round(fileMs / logMs), null, null));
    }
    return BenchReport.of(rows);
  }

  /** B12 on the pipelines named (in this JVM: the lab's, or the lambda module's), rows without ratios. */
  List<BenchResult> measureEngines(List<String> engines, String size, BenchRunner.Plan plan, Consumer<String> progress) {
    int events = BenchData.count(size);
    List<BenchResult> rows = new ArrayList<>();
    for (RunResult r : BenchRunner.jmh(BenchRunner.options(this, size, events, plan, plan.engineWarmups())
        .include(Pattern.quote(B12) + "\\.(kappaReplay|lambdaRecompute|servingQuery)$")
        .param("engine", engines.toArray(String[]::new)).build(), this, size, events, "events/s", true, progress)) {
      String engine = r.getParams().getParam("engine");
      double ms = r.getPrimaryResult().getScore();
      if (BenchRunner.method(r.getParams()).equals("servingQuery")) {
        long[] latency = servingMicros(size, engine);
        rows.add(new BenchResult(name(), rowEngine(r.getParams()), size, 1, "queries/s", round(1000 / ms), null, 0,
            latency[0] / 1000.0, latency[1] / 1000.0));
      } else {
        // the reference combination is sequential end to end; the others use the cores (threadsOf's rule)
        int threads = engine.contains("+stream-sequential+") ? 1 : BenchRunner.threadsOf(engine);
        rows.add(new BenchResult(name(), rowEngine(r.getParams()), size, threads, "events/s",
            round(events / (ms / 1000)), null, 0, null, null));
      }
    }
    return rows;
  }

  private static long[] servingMicros(String size, String engine) {
    try {
      String[] f = Files.readString(B12_LambdaKappaReprocess.servingFile(size, engine)).trim().split(" ");
      return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    } catch (IOException e) {
      throw new UncheckedIOException("no serving latencies of " + engine + " at " + size, e);
    }
  }

  @Override public String rowEngine(BenchmarkParams params) {
    String method = BenchRunner.method(params);
    return switch (method) {
      case "handWritten" -> BASELINE;
      case "append" -> params.getParam("store") + "/append/" + FSYNC;
      case "read" -> params.getParam("store") + "/read";
      case "kappaReplay" -> params.getParam("engine") + "/kappa-replay";
      case "lambdaRecompute" -> params.getParam("engine") + "/lambda-batch";
      default -> params.getParam("engine") + "/serving-query";
    };
  }

  /** log-local's append against the plain file (the target), and Kappa's replay against Lambda's recompute per pipeline. */
  @Override public List<String> targets(List<BenchResult> rows) {
    List<String> lines = new ArrayList<>();
    for (BenchResult r : rows) {
      if (!r.workload().equals(name())) {
        continue;
      }
      if (r.engine().equals("log-local/append/" + FSYNC)) {
        lines.add(String.format(Locale.ROOT, "lambda-kappa %-5s log-local append %.3g of the plain file's, both %s (target >= %.1f): %s",
            r.size(), r.ratioToBaseline(), FSYNC, APPEND_TARGET, BenchTable.verdict(r.ratioToBaseline() >= APPEND_TARGET)));
      }
      if (r.engine().endsWith("/kappa-replay")) {
        String pipeline = r.engine().substring(0, r.engine().length() - "/kappa-replay".length());
        BenchTable.find(rows, name(), r.size(), pipeline + "/lambda-batch").ifPresent(b -> lines.add(String.format(Locale.ROOT,
            "lambda-kappa %-5s %s: Kappa replay %.3g x Lambda's batch recompute (events/s)", r.size(), pipeline, r.value() / b.value())));
      }
    }
    return lines;
  }
}
