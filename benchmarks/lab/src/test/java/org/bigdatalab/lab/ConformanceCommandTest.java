package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.mapreduce.MapReduceClauses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The matrix JSON is a stable interface: one entry per engine x clause, with the documented fields. */
class ConformanceCommandTest {

  @Test
  void writesOneResultPerClauseWithStableFields(@TempDir Path report) throws Exception {
    int exit = Lab.commandLine().execute("conformance", "--engine", "mr-sequential", "--tries", "5", "--no-fork",
        "--report", report.toString());
    assertThat(exit).isZero();

    JsonNode root = new ObjectMapper().readTree(report.resolve("conformance.json").toFile());
    List<String> clauses = new ArrayList<>();
    for (JsonNode result : root.get("results")) {
      assertThat(result.get("engine").asText()).isEqualTo("mr-sequential");
      assertThat(result.get("status").asText()).isIn("passed", "failed", "unsupported", "error");
      assertThat(result.has("detail")).isTrue();
      clauses.add(result.get("clause").asText());
    }
    assertThat(clauses).containsExactlyInAnyOrderElementsOf(
        MapReduceClauses.CATALOGUE.clauses().stream().map(org.bigdatalab.spi.Clause::id).toList());
    assertThat(root.findValuesAsText("status")).containsOnly("passed");
    assertThat(Files.readString(report.resolve("conformance.html"))).contains(MapReduceClauses.COMBINER_TRANSPARENT);
  }

  @Test
  void theToursMatrixSaysItIsBoundedAndHowManyCasesEachCellRan(@TempDir Path report) throws Exception {
    ConformanceCommand tour = new ConformanceCommand();
    tour.engines = List.of("mr-sequential");
    tour.tries = 3;
    tour.fork = false;
    tour.reportDir = report;
    tour.run = MatrixReport.TOUR;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream console = System.out;
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      tour.run(new Eta(), RunTimes.read(report));
    } finally {
      System.setOut(console);
    }

    JsonNode root = new ObjectMapper().readTree(report.resolve("conformance.json").toFile());
    assertThat(root.get("run").asText()).isEqualTo("tour");
    int cases = root.get("results").get(0).get("cases").asInt();
    assertThat(cases).isPositive();
    String table = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(table).contains(MatrixReport.tourBounds(3, 3)).contains("./lab conformance runs the full matrix (60 and 8)")
        .containsPattern(root.get("results").get(0).get("clause").asText() + " +passed " + cases + " ")
        .containsPattern("conformance \\[#+\\] \\d+/\\d+ in \\d+s, ~\\d+s left");   // the progress line, with the plan's time left
    assertThat(Files.readString(report.resolve("conformance.html"))).contains(MatrixReport.tourBounds(3, 3))
        .contains("passed<br><small>" + cases + (cases == 1 ? " case" : " cases") + "</small>");
    // the next run plans from this one's time
    assertThat(RunTimes.read(report).get(RunTimes.matrixKey("engine", "mr-sequential", 3, 3), -1)).isNotNegative();
  }

  @Test
  void optionsForOneEngineReachItsRunOnlyAndTheUsersEngineOptionsWin() {
    ConformanceCommand run = new ConformanceCommand();
    run.optionsOf = java.util.Map.of("spark-streaming", List.of("max.batches=4"));
    assertThat(run.optionsFor(List.of("spark-streaming"))).containsExactly("max.batches=4");
    assertThat(run.optionsFor(List.of("delta"))).isEmpty();
    run.engineOptions = List.of("max.batches=16");
    assertThat(org.bigdatalab.spi.EngineOptions.parse(run.optionsFor(List.of("spark-streaming"))).get("max.batches")).contains("16");
    // the tour's page says what it bounds within a case
    assertThat(MatrixReport.TOUR_OPTIONS.get("spark-streaming")).containsExactly("max.batches=" + MatrixReport.TOUR_MAX_BATCHES);
    assertThat(MatrixReport.tourBounds(10, 1)).contains("max.batches=" + MatrixReport.TOUR_MAX_BATCHES);
  }

  @Test
  void unknownEngineIsAClearError(@TempDir Path report) {
    CommandLine cli = Lab.commandLine();
    java.io.StringWriter err = new java.io.StringWriter();
    cli.setErr(new java.io.PrintWriter(err));
    int exit = cli.execute("conformance", "--engine", "no-such-engine", "--no-fork", "--report", report.toString());
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("no engine ['no-such-engine']").contains("mr-sequential");
  }
}
