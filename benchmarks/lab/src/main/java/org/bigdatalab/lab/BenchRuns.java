package org.bigdatalab.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bigdatalab.bench.BenchResult;

/**
 * Every {@code lab bench} run the report has seen, kept in {@code bench-runs.json} beside
 * {@code bench.json} (which stays the stable, one-run interface): each run with its date, commit,
 * machine, load average and command, so {@code bench.html} can show every workload run, newest
 * first, instead of only the last one.
 */
final class BenchRuns {
  static final String FILE = "bench-runs.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One run: {@code date} is ISO-8601 UTC; loads are the one-minute load average, or null where unknown. */
  record Run(String date, String commit, String machine, Double loadBefore, Double loadAfter, String command,
             List<BenchResult> results) {}

  private BenchRuns() {}

  /** Adds {@code run} to the report's list (the file is created on the first run). */
  static void append(Path reportDir, Run run) throws IOException {
    Path file = reportDir.resolve(FILE);
    ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
    ArrayNode runs = root.has("runs") ? (ArrayNode) root.get("runs") : root.putArray("runs");
    runs.add(JSON.valueToTree(run));
    Files.createDirectories(reportDir);
    JSON.writeValue(file.toFile(), root);
  }

  /** The rows of a {@code bench.json}. */
  static List<BenchResult> rows(Path benchJson) throws IOException {
    List<BenchResult> rows = new ArrayList<>();
    for (JsonNode node : JSON.readTree(benchJson.toFile()).path("results")) {
      rows.add(JSON.treeToValue(node, BenchResult.class));
    }
    return rows;
  }

  /** The runs in the report directory, newest first; none when there is no file. */
  static List<Run> read(Path reportDir) throws IOException {
    Path file = reportDir.resolve(FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Run> runs = new ArrayList<>();
    for (JsonNode node : JSON.readTree(file.toFile()).path("runs")) {
      runs.add(JSON.treeToValue(node, Run.class));
    }
    runs.sort(Comparator.comparing(Run::date).reversed());
    return runs;
  }
}
