package org.bigdatalab.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.suite.matrix.ClauseResult;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.Matrix;

/** The conformance matrix as a console table, the stable JSON, and a self-contained HTML page. */
final class MatrixReport {
  private final Matrix matrix;
  private final List<EngineInfo> engines;
  private final int tries;
  private final int realTries;
  private final int clusterTries;

  MatrixReport(Matrix matrix, List<EngineInfo> engines, int tries, int realTries, int clusterTries) {
    this.matrix = matrix;
    this.engines = engines;
    this.tries = tries;
    this.realTries = realTries;
    this.clusterTries = clusterTries;
  }

  void printTable(PrintStream out) {
    int width = matrix.clauses().stream().mapToInt(String::length).max().orElse(10) + 2;
    String cell = "%-" + (engines.stream().mapToInt(e -> e.id().length()).max().orElse(12) + 2) + "s";
    StringBuilder header = new StringBuilder(String.format("%-" + width + "s", "clause"));
    engines.forEach(e -> header.append(String.format(cell, e.id())));
    out.println(header);
    out.println("-".repeat(header.length()));
    for (String clause : matrix.clauses()) {
      StringBuilder row = new StringBuilder(String.format("%-" + width + "s", clause));
      for (EngineInfo e : engines) {
        row.append(String.format(cell, matrix.find(e.id(), clause).map(r -> cell(r.status())).orElse("-")));
      }
      out.println(row);
    }
    Map<ClauseStatus, Integer> counts = matrix.counts();
    out.printf("%n%d passed, %d failed, %d unsupported, %d errors (%d engines x clauses; %d tries per property, %d on real engines,"
            + " %d on cluster rows)%n",
        counts.get(ClauseStatus.PASSED), counts.get(ClauseStatus.FAILED), counts.get(ClauseStatus.UNSUPPORTED),
        counts.get(ClauseStatus.ERROR), matrix.results().size(), tries, realTries, clusterTries);
    for (ClauseResult r : matrix.results()) {
      if (r.status() == ClauseStatus.FAILED || r.status() == ClauseStatus.ERROR) {
        out.println("  " + r.status().jsonName().toUpperCase() + " " + r.engine() + " " + r.clause() + ": " + r.detail());
      }
    }
  }

  private static String cell(ClauseStatus status) {
    return switch (status) {
      case PASSED -> "passed";
      case FAILED -> "FAILED";
      case UNSUPPORTED -> "unsupported";
      case ERROR -> "ERROR";
    };
  }

  void writeJson(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    ArrayNode results = root.putArray("results");
    for (ClauseResult r : matrix.results()) {
      results.addObject().put("engine", r.engine()).put("clause", r.clause())
          .put("status", r.status().jsonName()).put("detail", r.detail())
          .put("cases", r.cases()).put("seed", Long.toString(r.seed()));
    }
    ArrayNode engineNodes = root.putArray("engines");
    engines.forEach(e -> engineNodes.addObject().put("id", e.id()).put("name", e.displayName())
        .put("topic", e.topic().id()).put("kind", e.kind().name().toLowerCase()));
    ArrayNode clauses = root.putArray("clauses");
    for (String id : matrix.clauses()) {
      Catalogues.find(id).ifPresent(c -> clauses.addObject().put("id", c.id()).put("topic", c.topic().id())
          .put("level", c.level().name().toLowerCase()).put("statement", c.statement()).put("source", c.source()));
    }
    root.put("tries", tries);
    root.put("real_engine_tries", realTries);
    root.put("cluster_row_tries", clusterTries);
    root.put("generated", Instant.now().toString());
    Files.createDirectories(file.toAbsolutePath().getParent());
    json.writeValue(file.toFile(), root);
  }

  void writeHtml(Path file) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>bigdata-lab conformance matrix</title>")
        .append("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}th{background:#f4f4f4}")
        .append(".passed{background:#d8f5d8}.failed{background:#f8c8c8}.error{background:#f5b070}")
        .append(".unsupported{background:#e8e8e8;color:#555}small{color:#555}</style></head><body>")
        .append("<h1>Conformance matrix</h1><p>Computed from real runs of the spec's suites (")
        .append(tries).append(" generated cases per property, ").append(realTries)
        .append(" on real engines, whose every case starts a real job, ").append(clusterTries)
        .append(" on cluster rows, engine@deployment, whose engine runs on a cluster of processes it started on this machine)."
            + " Hover a cell for details.</p><table><tr><th>clause</th>");
    engines.forEach(e -> h.append("<th>").append(esc(e.id())).append("<br><small>").append(esc(e.kind().name().toLowerCase()))
        .append("</small></th>"));
    h.append("</tr>");
    for (String id : matrix.clauses()) {
      Clause clause = Catalogues.find(id).orElse(null);
      h.append("<tr><td><code>").append(esc(id)).append("</code><br><small>")
          .append(clause == null ? "" : esc(clause.statement())).append("</small></td>");
      for (EngineInfo e : engines) {
        ClauseResult r = matrix.find(e.id(), id).orElse(null);
        if (r == null) {
          h.append("<td>-</td>");
        } else {
          h.append("<td class=\"").append(r.status().jsonName()).append("\" title=\"").append(esc(r.detail()))
              .append("\">").append(r.status().jsonName()).append("</td>");
        }
      }
      h.append("</tr>");
    }
    Map<ClauseStatus, Integer> counts = matrix.counts();
    h.append("</table><p>").append(counts.get(ClauseStatus.PASSED)).append(" passed, ")
        .append(counts.get(ClauseStatus.FAILED)).append(" failed, ").append(counts.get(ClauseStatus.UNSUPPORTED))
        .append(" unsupported, ").append(counts.get(ClauseStatus.ERROR)).append(" errors.</p>");
    h.append("<h2>Details</h2><ul>");
    for (ClauseResult r : matrix.results()) {
      if (r.status() != ClauseStatus.PASSED) {
        h.append("<li><b>").append(r.status().jsonName()).append("</b> ").append(esc(r.engine())).append(" <code>")
            .append(esc(r.clause())).append("</code>: ").append(esc(r.detail())).append("</li>");
      }
    }
    h.append("</ul></body></html>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, h, StandardCharsets.UTF_8);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
