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

/** The conformance matrix as a console table and the stable JSON ({@link ConformancePage} draws the HTML from the JSON). */
final class MatrixReport {
  private final Matrix matrix;
  private final List<EngineInfo> engines;
  private final int tries;
  private final int realTries;
  private final int clusterTries;
  private final String run;

  /** {@code run}: {@code conformance}, or {@code tour} for the tour's bounded run (the page says so). */
  MatrixReport(Matrix matrix, List<EngineInfo> engines, int tries, int realTries, int clusterTries, String run) {
    this.run = run;
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
        row.append(String.format(cell, matrix.find(e.id(), clause).map(MatrixReport::cell).orElse("-")));
      }
      out.println(row);
    }
    Map<ClauseStatus, Integer> counts = matrix.counts();
    out.printf("%n%d passed, %d failed, %d unsupported, %d errors (%d engines x clauses; %d tries per property, %d on real engines,"
            + " %d on cluster rows; \"passed 3\": 3 cases run)%n",
        counts.get(ClauseStatus.PASSED), counts.get(ClauseStatus.FAILED), counts.get(ClauseStatus.UNSUPPORTED),
        counts.get(ClauseStatus.ERROR), matrix.results().size(), tries, realTries, clusterTries);
    if (run.equals(TOUR)) {
      out.println(tourBounds(tries, realTries));
    }
    for (ClauseResult r : matrix.results()) {
      if (r.status() == ClauseStatus.FAILED || r.status() == ClauseStatus.ERROR) {
        out.println("  " + r.status().jsonName().toUpperCase() + " " + r.engine() + " " + r.clause() + ": " + r.detail());
      }
    }
  }

  static final String TOUR = "tour";

  /**
   * The work within a case that the tour bounds, by engine id ({@link ConformanceCommand#optionsOf}): Spark Structured
   * Streaming runs every micro-batch as Spark jobs and a checkpoint, so its cost is the batches, not the events; the
   * full run keeps the adapter's default of 16 batches a run.
   */
  static final int TOUR_MAX_BATCHES = 4;
  static final Map<String, List<String>> TOUR_OPTIONS = Map.of("spark-streaming", List.of("max.batches=" + TOUR_MAX_BATCHES));

  /** What the tour's matrix left out, and the command that runs it all. */
  static String tourBounds(int tries, int realTries) {
    return "The tour's matrix is bounded: every engine and every clause, but " + tries + " generated cases a property on reference"
        + " engines and " + realTries + " on real ones, and spark-streaming cuts each run into at most " + TOUR_MAX_BATCHES
        + " micro-batches (max.batches=" + TOUR_MAX_BATCHES + "; 16 otherwise); ./lab conformance runs the full matrix (" + ConformanceCommand.FULL_TRIES
        + " and " + ConformanceCommand.FULL_REAL_TRIES + ").";
  }

  /** A passed cell with the cases run: one generated case proves less than sixty. */
  private static String cell(ClauseResult r) {
    return switch (r.status()) {
      case PASSED -> "passed " + r.cases();
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
    root.put("run", run);
    root.put("tries", tries);
    root.put("real_engine_tries", realTries);
    root.put("cluster_row_tries", clusterTries);
    root.put("generated", Instant.now().toString());
    Files.createDirectories(file.toAbsolutePath().getParent());
    json.writeValue(file.toFile(), root);
  }
}
