package org.bigdatalab.lab;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * {@code conformance.html}: the engine x clause matrix, grouped by topic, each topic drawn as a heat
 * map (passed, failed, error, unsupported, not run) and then as a table whose cells carry the
 * details; the failures and errors listed in full at the end.
 */
final class ConformancePage {
  /** Heat-map colours, indexed as {@link ConformanceData#STATUSES}. */
  static final Color[] COLOURS = {new Color(0x8CCB7E), Charts.RED, new Color(0xF2A541), new Color(0xCFCFCF)};

  private ConformancePage() {}

  static String page(ConformanceData data) {
    StringBuilder h = new StringBuilder("<p>Computed from real runs of the spec's suites (").append(data.tries())
        .append(" generated cases per property, ").append(data.realEngineTries())
        .append(" on real engines, whose every case starts a real job); run ").append(Html.esc(BenchPage.date(data.generated())))
        .append(". ").append(MatrixReport.TOUR.equals(data.run()) ? "<b>" + Html.esc(MatrixReport.tourBounds(data.tries(), data.realEngineTries()))
            + "</b> " : "").append(summary(data)).append(" Each clause's statement, reasons and guide section: <a href=\"capabilities.html\">"
            + "capabilities</a>.</p>").append(legend()).append("<p>Topics: ");
    data.clausesByTopic().keySet().forEach(t -> h.append("<a href=\"#topic-").append(Html.esc(t)).append("\">").append(Html.esc(t))
        .append("</a> "));
    h.append("</p>");
    for (Map.Entry<String, List<ConformanceData.ClauseEntry>> topic : data.clausesByTopic().entrySet()) {
      h.append("<h2 id=\"topic-").append(Html.esc(topic.getKey())).append("\">").append(Html.esc(topic.getKey())).append("</h2>");
      h.append(Html.figure("heatmap", heatMap(data, topic.getKey(), topic.getValue())));
      h.append(table(data, topic.getValue()));
    }
    h.append("<h2>Failures, errors and unsupported clauses</h2><ul>");
    for (ConformanceData.Result r : data.results()) {
      if (!r.status().equals("passed")) {
        h.append("<li><b>").append(r.status()).append("</b> ").append(Html.esc(r.engine())).append(" <code>")
            .append(Html.esc(r.clause())).append("</code>: ").append(Html.esc(r.detail())).append("</li>");
      }
    }
    return Html.page("Conformance matrix", h.append("</ul>").toString());
  }

  static String summary(ConformanceData data) {
    return data.count("passed") + " passed, " + data.count("failed") + " failed, " + data.count("unsupported") + " unsupported, "
        + data.count("error") + " errors (" + data.results().size() + " engine × clause checks, "
        + data.results().stream().map(ConformanceData.Result::engine).distinct().count()
        + " engines, " + data.clauses().size() + " clauses).";
  }

  static String legend() {
    return "<p class=\"legend\"><span class=\"passed\">passed</span><span class=\"failed\">failed</span>"
        + "<span class=\"error\">error</span><span class=\"unsupported\">unsupported (declared, with a reason)</span>"
        + "<span>not run</span></p>";
  }

  static String heatMap(ConformanceData data, String topic, List<ConformanceData.ClauseEntry> clauses) {
    List<ConformanceData.EngineEntry> engines = data.enginesOn(clauses);
    int[][] status = new int[clauses.size()][engines.size()];
    for (int r = 0; r < clauses.size(); r++) {
      for (int c = 0; c < engines.size(); c++) {
        status[r][c] = data.find(engines.get(c).id(), clauses.get(r).id())
            .map(x -> ConformanceData.STATUSES.indexOf(x.status())).orElse(-1);
      }
    }
    return Charts.heatMap(topic + ": " + clauses.size() + " clauses on " + engines.size() + " engines",
        clauses.stream().map(ConformanceData.ClauseEntry::id).toList(), engines.stream().map(ConformanceData.EngineEntry::id).toList(),
        status, COLOURS);
  }

  private static String table(ConformanceData data, List<ConformanceData.ClauseEntry> clauses) {
    List<ConformanceData.EngineEntry> engines = data.enginesOn(clauses);
    StringBuilder h = new StringBuilder("<table><tr><th>clause</th>");
    engines.forEach(e -> h.append("<th>").append(Html.esc(e.id())).append("<br><small>").append(Html.esc(e.kind())).append("</small></th>"));
    h.append("</tr>");
    for (ConformanceData.ClauseEntry clause : clauses) {
      h.append("<tr><td><code>").append(Html.esc(clause.id())).append("</code><br><small>").append(Html.esc(clause.statement()))
          .append("</small></td>");
      for (ConformanceData.EngineEntry e : engines) {
        h.append(data.find(e.id(), clause.id()).map(r -> "<td class=\"" + r.status() + "\" title=\"" + Html.esc(r.detail()) + "\">"
            + r.status() + (r.status().equals("passed") ? "<br><small>" + r.cases() + (r.cases() == 1 ? " case" : " cases") + "</small>" : "")
            + "</td>").orElse("<td></td>"));
      }
      h.append("</tr>");
    }
    return h.append("</table>").toString();
  }
}
