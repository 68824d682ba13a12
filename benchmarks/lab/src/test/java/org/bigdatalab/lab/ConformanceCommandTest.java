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
  void unknownEngineIsAClearError(@TempDir Path report) {
    CommandLine cli = Lab.commandLine();
    java.io.StringWriter err = new java.io.StringWriter();
    cli.setErr(new java.io.PrintWriter(err));
    int exit = cli.execute("conformance", "--engine", "no-such-engine", "--no-fork", "--report", report.toString());
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("no engine ['no-such-engine']").contains("mr-sequential");
  }
}
