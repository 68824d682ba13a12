package org.bigdatalab.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code index.html}: the report at a glance. The matrix summed up per topic (a chart of passed,
 * failed, error and unsupported checks), the newest benchmark run's throughput charts, and links to
 * the full pages.
 */
final class IndexPage {
  private IndexPage() {}

  static String page(Optional<ConformanceData> conformance, List<BenchRuns.Run> runs, boolean guideRendered) {
    StringBuilder h = new StringBuilder("<ul><li><a href=\"conformance.html\">Conformance matrix</a>: every clause on every engine, "
        + "as heat maps by topic</li><li><a href=\"capabilities.html\">Capabilities</a>: clause by clause, who keeps it, who declares it "
        + "unsupported and why, and where the guide teaches it</li><li><a href=\"bench.html\">Benchmarks</a>: every run kept, newest first"
        + "</li><li><a href=\"guide/index.html\">Study guide</a>" + (guideRendered ? "" : " (not rendered yet: <code>./lab guide</code>)")
        + "</li></ul><h2>Conformance</h2>");
    if (conformance.isEmpty()) {
      h.append("<p>No matrix yet: <code>./lab conformance</code>.</p>");
    } else {
      ConformanceData data = conformance.get();
      h.append("<p>").append(data.count("failed") + data.count("error") == 0 ? "Every engine conforms. " : "<b>Some checks failed</b>: see the matrix. ")
          .append(ConformancePage.summary(data)).append("</p>").append(Html.figure("matrix-summary", perTopic(data)));
    }
    h.append("<h2>Benchmarks</h2>");
    if (runs.isEmpty()) {
      h.append("<p>No benchmark run yet: <code>./lab bench</code>.</p>");
    } else {
      BenchRuns.Run newest = runs.get(0);
      h.append("<p>The newest of ").append(runs.size()).append(" run(s): <code>").append(Html.esc(newest.command())).append("</code>, ")
          .append(Html.esc(BenchPage.date(newest.date()))).append(", commit ").append(Html.esc(newest.commit())).append(".</p>");
      BenchPage.throughputCharts(newest).forEach(h::append);
    }
    return Html.page("bigdata-lab report", h.toString());
  }

  private static String perTopic(ConformanceData data) {
    DefaultCategoryDataset counts = new DefaultCategoryDataset();
    for (Map.Entry<String, List<ConformanceData.ClauseEntry>> topic : data.clausesByTopic().entrySet()) {
      for (String status : ConformanceData.STATUSES) {
        long n = data.results().stream().filter(r -> r.status().equals(status))
            .filter(r -> topic.getValue().stream().anyMatch(c -> c.id().equals(r.clause()))).count();
        counts.addValue(n, status, topic.getKey());
      }
    }
    return Charts.stackedBars("engine × clause checks per topic", "checks", counts, ConformancePage.COLOURS);
  }
}
