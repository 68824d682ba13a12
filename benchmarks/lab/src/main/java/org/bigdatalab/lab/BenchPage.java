package org.bigdatalab.lab;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bigdatalab.bench.BenchResult;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code bench.html}: every benchmark run the report has kept, newest first, each with its date,
 * commit, load and command, and its charts: throughput per engine with the ratio to the same run's
 * baseline; latency percentiles where the run measured them (HdrHistogram p50 and p99); throughput
 * against input size where a run covered several sizes; and, on the skew workload, the largest
 * task's share and time before (the plain plan) and after (salted, split, broadcast).
 */
final class BenchPage {
  private BenchPage() {}

  static String page(List<BenchRuns.Run> runs) {
    StringBuilder h = new StringBuilder("<p>Measured with JMH; every ratio is to the hand-written baseline measured in the same run. ")
        .append(runs.size()).append(" run(s), newest first. A figure means little without its machine and load, so each run says both."
            + " Start-up, where measured, is never part of a value.</p>");
    if (runs.isEmpty()) {
      h.append("<p>No benchmark run yet: <code>./lab bench --workload wordcount</code>.</p>");
    }
    for (int i = 0; i < runs.size(); i++) {
      h.append(run(runs.get(i), i));
    }
    return Html.page("Benchmarks", h.toString());
  }

  private static String run(BenchRuns.Run run, int index) {
    StringBuilder h = new StringBuilder("<section class=\"run\" id=\"run-").append(index).append("\"><h2>")
        .append(Html.esc(String.join(", ", workloads(run)))).append(" <small>").append(Html.esc(date(run.date())))
        .append("</small></h2><p class=\"meta\">commit ").append(Html.esc(run.commit())).append(" · load average ")
        .append(load(run.loadBefore())).append(" at the start, ").append(load(run.loadAfter())).append(" at the end · ")
        .append(Html.esc(run.machine())).append("<br><code>").append(Html.esc(run.command())).append("</code></p>");
    throughputCharts(run).forEach(h::append);
    latencyChart(run).ifPresent(h::append);
    scalingCharts(run).forEach(h::append);
    skewCharts(run).forEach(h::append);
    return h.append(table(run.results())).append("</section>").toString();
  }

  /** One chart per metric and size: the engines' values beside the baseline, each bar labelled with its ratio. */
  static List<String> throughputCharts(BenchRuns.Run run) {
    List<String> charts = new ArrayList<>();
    for (Map.Entry<String, List<BenchResult>> group : group(run.results(), r -> true, r -> r.metric() + "\u0000" + r.size()).entrySet()) {
      List<BenchResult> rows = group.getValue();
      BenchResult first = rows.get(0);
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      rows.forEach(r -> data.addValue(r.value(), first.metric(), r.engine()));
      String title = first.workload() + ", " + first.size() + ": " + first.metric()
          + (first.baseline() == null ? "" : " (ratio to " + first.baseline() + ")");
      charts.add(Html.figure("throughput", Charts.bars(title, first.metric(), data, v -> HumanUnits.format(v, first.metric()),
          (s, c, v) -> HumanUnits.format(v, first.metric()) + ratio(rows.get(c)))));
    }
    return charts;
  }

  private static String ratio(BenchResult r) {
    return r.baseline() == null || r.ratioToBaseline() == 0 || r.engine().equals(r.baseline())
        ? (r.engine().equals(r.baseline()) ? "  (baseline)" : "") : "  · " + HumanUnits.ratio(r.ratioToBaseline());
  }

  /** p50 and p99 per engine and size, where the run recorded them from its HdrHistograms. */
  static java.util.Optional<String> latencyChart(BenchRuns.Run run) {
    List<BenchResult> rows = run.results().stream().filter(r -> r.p50Ms() != null || r.p99Ms() != null).toList();
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    boolean sizes = rows.stream().map(BenchResult::size).distinct().count() > 1;
    for (BenchResult r : rows) {
      String name = r.engine() + (sizes ? " " + r.size() : "");
      if (r.p50Ms() != null) {
        data.addValue(r.p50Ms(), "p50", name);
      }
      if (r.p99Ms() != null) {
        data.addValue(r.p99Ms(), "p99", name);
      }
    }
    return java.util.Optional.of(Html.figure("latency", Charts.bars(rows.get(0).workload() + ": latency percentiles (HdrHistogram)",
        "ms", data, HumanUnits::milliseconds, (s, c, v) -> (s == 0 ? "p50 " : "p99 ") + HumanUnits.milliseconds(v))));
  }

  /** Value against input size, one line per engine, for each metric measured at several sizes. */
  static List<String> scalingCharts(BenchRuns.Run run) {
    List<String> charts = new ArrayList<>();
    for (Map.Entry<String, List<BenchResult>> group : group(run.results(), r -> true, BenchResult::metric).entrySet()) {
      List<BenchResult> rows = group.getValue();
      if (rows.stream().map(BenchResult::size).distinct().count() < 2) {
        continue;
      }
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      rows.forEach(r -> data.addValue(r.value(), r.engine(), r.size()));
      String metric = group.getKey();
      charts.add(Html.figure("scaling", Charts.lines(rows.get(0).workload() + ": " + metric + " by input size", "input size", metric,
          data, v -> HumanUnits.format(v, metric))));
    }
    return charts;
  }

  /**
   * The skew workload's largest task, before (the plain plan) and after each remedy: its share of
   * its stage's records and the longest task after the shuffle, one chart each per size.
   */
  static List<String> skewCharts(BenchRuns.Run run) {
    List<String> charts = new ArrayList<>();
    for (List<BenchResult> rows : group(run.results(), r -> r.maxTaskShare() != null, BenchResult::size).values()) {
      DefaultCategoryDataset share = new DefaultCategoryDataset();
      DefaultCategoryDataset time = new DefaultCategoryDataset();
      for (BenchResult r : rows) {
        share.addValue(r.maxTaskShare(), remedy(r.engine()), plan(r.engine()));
        Double ms = r.maxShuffledTaskMs() != null ? r.maxShuffledTaskMs() : r.maxTaskMs();
        if (ms != null) {
          time.addValue(ms, remedy(r.engine()), plan(r.engine()));
        }
      }
      String size = rows.get(0).size();
      charts.add(Html.figure("skew", Charts.bars("skew " + size + ": the largest task's share of its stage's records, before and after",
          "share", share, v -> HumanUnits.digits(v), (s, c, v) -> share.getRowKey(s) + " " + HumanUnits.digits(v))));
      if (time.getColumnCount() > 0) {
        charts.add(Html.figure("skew", Charts.bars("skew " + size + ": the longest task after the shuffle (wall), before and after",
            "ms", time, HumanUnits::milliseconds, (s, c, v) -> time.getRowKey(s) + " " + HumanUnits.milliseconds(v))));
      }
    }
    return charts;
  }

  /** {@code df-parallel/join+salted} → plan {@code df-parallel/join}, remedy {@code salted}; no suffix is "before". */
  static String plan(String engine) {
    int plus = engine.lastIndexOf('+');
    return plus < 0 || engine.startsWith("lambda:") ? engine : engine.substring(0, plus);
  }

  static String remedy(String engine) {
    String plan = plan(engine);
    return plan.equals(engine) ? "before (plain)" : engine.substring(plan.length() + 1);
  }

  private static String table(List<BenchResult> rows) {
    StringBuilder h = new StringBuilder("<table><tr><th>workload</th><th>engine</th><th>size</th><th>threads</th><th>value</th>"
        + "<th>ratio to baseline</th><th>p50 / p99</th><th>largest task share</th><th>start-up</th></tr>");
    for (BenchResult r : rows) {
      h.append("<tr><td>").append(Html.esc(r.workload())).append("</td><td>").append(Html.esc(r.engine())).append("</td><td>")
          .append(Html.esc(r.size())).append("</td><td class=\"num\">").append(r.threads()).append("</td><td class=\"num\">")
          .append(Html.esc(HumanUnits.format(r.value(), r.metric()))).append("</td><td class=\"num\">")
          .append(r.ratioToBaseline() == 0 ? "" : HumanUnits.ratio(r.ratioToBaseline())).append("</td><td class=\"num\">")
          .append(r.p50Ms() == null ? "" : HumanUnits.milliseconds(r.p50Ms()) + " / "
              + (r.p99Ms() == null ? "?" : HumanUnits.milliseconds(r.p99Ms())))
          .append("</td><td class=\"num\">").append(r.maxTaskShare() == null ? "" : HumanUnits.digits(r.maxTaskShare()))
          .append("</td><td class=\"num\">").append(r.startupMs() == null ? "" : HumanUnits.milliseconds(r.startupMs()))
          .append("</td></tr>");
    }
    return h.append("</table>").toString();
  }

  private static <K> Map<K, List<BenchResult>> group(List<BenchResult> rows, Predicate<BenchResult> keep,
      java.util.function.Function<BenchResult, K> key) {
    return rows.stream().filter(keep).collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
  }

  static Set<String> workloads(BenchRuns.Run run) {
    return run.results().stream().map(BenchResult::workload).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String load(Double load) {
    return load == null || load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
  }

  static String date(String iso) {
    try {
      return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.parse(iso));
    } catch (RuntimeException e) {
      return iso;
    }
  }
}
