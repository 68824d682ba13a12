package org.bigdatalab.lab;

import java.util.List;
import org.bigdatalab.bench.BenchResult;

/**
 * The comparison as an HTML page: a table and a bar per row, scaled to the fastest; an engine's
 * start-up, where measured, in a column of its own (it is never part of the value).
 */
final class BenchHtml {
  private BenchHtml() {}

  static String page(List<BenchResult> rows) {
    double max = rows.stream().mapToDouble(BenchResult::value).max().orElse(1);
    StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>bigdata-lab benchmarks</title>"
        + "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
        + "padding:4px 8px}.bar{background:#5b8def;height:12px}</style></head><body><h1>Benchmarks</h1>"
        + "<p>Measured with JMH; every ratio is to the hand-written baseline measured in the same run.</p>"
        + "<table><tr><th>workload</th><th>engine</th><th>size</th><th>threads</th><th>value</th><th>ratio to baseline</th><th>start-up</th><th></th></tr>");
    for (BenchResult r : rows) {
      h.append("<tr><td>").append(MatrixReport.esc(r.workload())).append("</td><td>").append(MatrixReport.esc(r.engine()))
          .append("</td><td>").append(r.size()).append("</td><td>").append(r.threads()).append("</td><td>")
          .append(String.format("%.1f %s", r.value(), r.metric())).append("</td><td>")
          .append(String.format("%.2f", r.ratioToBaseline())).append("</td><td>")
          .append(r.startupMs() == null ? "" : String.format("%.0f ms", r.startupMs())).append("</td><td><div class=\"bar\" style=\"width:")
          .append((int) (300 * r.value() / max)).append("px\"></div></td></tr>");
    }
    return h.append("</table></body></html>\n").toString();
  }
}
