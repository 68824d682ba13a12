package org.bigdatalab.bench;

import static org.bigdatalab.bench.BenchRunner.BASELINE;
import static org.bigdatalab.bench.BenchRunner.round;

import java.io.IOException;
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
 * {@code lab bench --workload tables}: a table format's MERGE of 1% changed rows, a scan pruned to
 * one partition of ten against a full scan, and a time-travel read of the first version (B14), on
 * every table engine (table-memory and table-log here, delta and iceberg in a JVM with their
 * module's class path), beside a hand-written baseline on plain CSV files in the same run (a MERGE
 * that rewrites the affected partition's file; scans that read one file or all ten). Sizes, in
 * rows: {@code small} = 1M, {@code full} = 1M and 10M, or any count.
 *
 * <p>Rows, all in operations/s: {@code <engine>/merge} (ratio to {@code hand-written-1-thread/merge}),
 * {@code <engine>/scan-pruned} and {@code <engine>/scan-full} (to the hand-written scans) and
 * {@code <engine>/time-travel} (to the hand-written full scan). The targets lines give the files
 * each engine's pruned and full scans opened, by the engine's own account.
 */
final class TablesWorkload implements Workload {
  private static final String B14 = B14_Tables.class.getName();
  static final String MERGE = "/merge";
  static final String PRUNED = "/scan-pruned";
  static final String FULL = "/scan-full";
  static final String TRAVEL = "/time-travel";

  @Override public String name() {
    return "tables";
  }

  @Override public Topic topic() {
    return Topic.TABLE;
  }

  @Override public List<String> sizes(String size) {
    return Workload.sizes(size, "1M", List.of("1M", "10M"), String::trim);
  }

  @Override public Optional<EngineBench> engineHalf() {
    return Optional.of(this::measureEngines);
  }

  /** The rows as Java objects, a version or two of them in table-memory, and Spark's copies: about 1 KB a row, with room. */
  @Override public long heapMegabytes(long rows) {
    return Math.max(3072, rows / 1000);
  }

  static BenchRunner.Plan plan(BenchRunner.Plan fixed) {
    return fixed != null ? fixed : new BenchRunner.Plan(1, 1, 1, 2, 1, Mode.AverageTime);
  }

  @Override public BenchReport runSize(EngineChoice engines, String label, Consumer<String> progress, BenchRunner.Plan fixed) {
    int rows = BenchData.count(label);
    BenchRunner.Plan plan = plan(fixed);
    Map<String, Double> baselineMs = new LinkedHashMap<>();
    for (RunResult r : BenchRunner.jmh(BenchRunner.options(this, label, rows, plan, plan.baselineWarmups())
        .include(Pattern.quote(B14) + "\\.handWritten\\w+$").build(), this, label, rows, "rows", false, progress)) {
      baselineMs.put(rowEngine(r.getParams()), r.getPrimaryResult().getScore());
    }
    List<BenchResult> out = new ArrayList<>();
    for (String op : List.of(MERGE, PRUNED, FULL)) {
      Double ms = baselineMs.get(BASELINE + op);
      if (ms == null) {
        throw new IllegalStateException("the hand-written " + op.substring(1) + " failed (tables, " + label + "), so no ratio can be given; see "
            + BenchRunner.jmhLog(name(), label));
      }
      out.add(new BenchResult(name(), BASELINE + op, label, 1, "ops/s", round(1000 / ms), BASELINE + op, 1.0, null, null));
    }
    for (BenchResult row : BenchRunner.measureEverywhere(this, engines, label, plan, progress)) {
      String op = row.engine().substring(row.engine().lastIndexOf('/'));
      String against = BASELINE + (op.equals(TRAVEL) ? FULL : op);
      out.add(row.against(against, 1000 / baselineMs.get(against)));
    }
    return BenchReport.of(out);
  }

  /** B14 on the table engines named (in this JVM: the lab's, or a table module's), rows without ratios. */
  List<BenchResult> measureEngines(List<String> engines, String size, BenchRunner.Plan plan, Consumer<String> progress) {
    int rows = BenchData.count(size);
    List<BenchResult> out = new ArrayList<>();
    for (RunResult r : BenchRunner.jmh(BenchRunner.options(this, size, rows, plan, plan.engineWarmups())
        .include(Pattern.quote(B14) + "\\.(merge|scanPruned|scanFull|timeTravel)$")
        .param("engine", engines.toArray(String[]::new)).build(), this, size, rows, "rows", true, progress)) {
      out.add(new BenchResult(name(), rowEngine(r.getParams()), size, BenchRunner.threadsOf(r.getParams().getParam("engine")), "ops/s",
          round(1000 / r.getPrimaryResult().getScore()),
          null, 0, null, null));
    }
    return out;
  }

  @Override public String rowEngine(BenchmarkParams params) {
    String method = BenchRunner.method(params);
    return switch (method) {
      case "handWrittenMerge" -> BASELINE + MERGE;
      case "handWrittenScanPruned" -> BASELINE + PRUNED;
      case "handWrittenScanFull" -> BASELINE + FULL;
      case "merge" -> params.getParam("engine") + MERGE;
      case "scanPruned" -> params.getParam("engine") + PRUNED;
      case "scanFull" -> params.getParam("engine") + FULL;
      default -> params.getParam("engine") + TRAVEL;
    };
  }

  /** Per engine and size: the files its pruned and full scans opened (its own account), and pruning's gain in time. */
  @Override public List<String> targets(List<BenchResult> rows) {
    List<String> lines = new ArrayList<>();
    for (BenchResult r : rows) {
      if (!r.workload().equals(name()) || !r.engine().endsWith(PRUNED) || r.engine().startsWith(BASELINE)) {
        continue;
      }
      String engine = r.engine().substring(0, r.engine().length() - PRUNED.length());
      String files;
      try {
        String[] f = Files.readString(B14_Tables.filesOpened(r.size(), engine)).trim().split(" ");
        files = "opened " + f[0] + " file(s) where the full scan opened " + f[1];
      } catch (IOException e) {
        files = "files opened not recorded";
      }
      String speedUp = BenchTable.find(rows, name(), r.size(), engine + FULL)
          .map(full -> String.format(Locale.ROOT, ", %.3g x the full scan's speed", r.value() / full.value())).orElse("");
      lines.add(String.format(Locale.ROOT, "tables %-5s %s: the scan pruned to 1 partition of %d %s%s", r.size(), engine,
          B14_Tables.PARTITIONS, files, speedUp));
    }
    return lines;
  }
}
