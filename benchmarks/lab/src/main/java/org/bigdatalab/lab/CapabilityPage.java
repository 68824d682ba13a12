package org.bigdatalab.lab;

import java.util.List;
import java.util.Map;

/**
 * {@code capabilities.html}, in the manner of Apache Beam's capability matrix but computed from the
 * runs: topic by topic, each clause with its statement and source, the engines that pass it, fail it
 * or declare it unsupported (with their reason), the generated cases run, the broken engine the
 * suite's self-test makes fail it (a clause no broken engine fails has no teeth), and the guide
 * section that teaches it.
 */
final class CapabilityPage {
  private CapabilityPage() {}

  static String page(ConformanceData data, Map<String, List<String>> brokenEngines, Map<String, List<GuideSections.Section>> guide) {
    StringBuilder h = new StringBuilder("<p>What each engine keeps, clause by clause, from the run of ")
        .append(Html.esc(BenchPage.date(data.generated()))).append(" (").append(data.tries()).append(" generated cases per property, ")
        .append(data.realEngineTries()).append(" on real engines). An engine that does not keep a clause says so, with a reason;"
            + " that is never counted as a pass.");
    if (brokenEngines.isEmpty()) {
      h.append(" The self-tests' broken engines are read from the checkout's sources; none were found here.");
    }
    if (guide.isEmpty()) {
      h.append(" The guide's chapters are not on the class path, so no section is linked.");
    }
    h.append("</p><p>Topics: ");
    data.clausesByTopic().keySet().forEach(t -> h.append("<a href=\"#").append(Html.esc(t)).append("\">").append(Html.esc(t))
        .append("</a> "));
    h.append("</p>");
    for (Map.Entry<String, List<ConformanceData.ClauseEntry>> topic : data.clausesByTopic().entrySet()) {
      List<ConformanceData.EngineEntry> engines = data.enginesOn(topic.getValue());
      h.append("<h2 id=\"").append(Html.esc(topic.getKey())).append("\">").append(Html.esc(topic.getKey())).append("</h2><p class=\"meta\">")
          .append(topic.getValue().size()).append(" clauses; engines: ")
          .append(Html.esc(String.join(", ", engines.stream().map(e -> e.id() + " (" + e.kind() + ")").toList())))
          .append("</p><table><tr><th>clause</th><th>passes</th><th>fails</th><th>declares unsupported</th><th>cases run</th>"
              + "<th>broken engine that fails it</th><th>taught in</th></tr>");
      for (ConformanceData.ClauseEntry clause : topic.getValue()) {
        h.append(row(data, engines, clause, brokenEngines.getOrDefault(clause.id(), List.of()), guide.getOrDefault(clause.id(), List.of())));
      }
      h.append("</table>");
    }
    return Html.page("Capabilities", h.toString());
  }

  private static String row(ConformanceData data, List<ConformanceData.EngineEntry> engines, ConformanceData.ClauseEntry clause,
      List<String> broken, List<GuideSections.Section> sections) {
    StringBuilder passes = new StringBuilder();
    StringBuilder fails = new StringBuilder();
    StringBuilder unsupported = new StringBuilder();
    long cases = 0;
    for (ConformanceData.EngineEntry e : engines) {
      ConformanceData.Result r = data.find(e.id(), clause.id()).orElse(null);
      if (r == null) {
        continue;
      }
      cases += r.cases();
      switch (r.status()) {
        case "passed" -> passes.append("<code>").append(Html.esc(e.id())).append("</code> ");
        case "unsupported" -> unsupported.append("<div><code>").append(Html.esc(e.id())).append("</code>: ").append(Html.esc(r.detail()))
            .append("</div>");
        default -> fails.append("<div class=\"").append(r.status()).append("\" title=\"").append(Html.esc(r.detail())).append("\"><code>")
            .append(Html.esc(e.id())).append("</code> ").append(r.status()).append(" (seed ").append(Html.esc(r.seed())).append(")</div>");
      }
    }
    StringBuilder taught = new StringBuilder();
    for (GuideSections.Section s : sections) {
      taught.append("<div><a href=\"").append(Html.esc(s.href())).append("\">").append(Html.esc(s.title())).append("</a><br><small>")
          .append(Html.esc(s.chapter())).append("</small></div>");
    }
    return "<tr id=\"" + Html.esc(clause.id()) + "\"><td><code>" + Html.esc(clause.id()) + "</code> <small>(" + Html.esc(clause.level())
        + ")</small><br>" + Html.esc(clause.statement()) + "<br><small>source: " + Html.esc(clause.source()) + "</small></td><td>"
        + passes + "</td><td>" + fails + "</td><td>" + unsupported + "</td><td class=\"num\">" + cases + "</td><td>"
        + Html.esc(String.join(", ", broken)) + "</td><td>" + taught + "</td></tr>";
  }
}
