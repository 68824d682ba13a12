package org.bigdatalab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long each part of the last runs took, in {@code <report>/times.json}: an engine's suite, a
 * forked engine module, each phase of the tour. The next run plans from them ({@link Eta}: the time
 * left on its progress line, the forked modules longest first); a part never run before gets a
 * guess. Keys name the bounds they ran under ({@link #matrixKey}), since one case a property and
 * eight take different times.
 */
final class RunTimes {
  static final String FILE = "times.json";
  /** Guesses for parts with no recorded time: measured once on the project's 2-core machine, rounded up. */
  static final double GUESS_REFERENCE_ENGINE = 3;
  static final double GUESS_REAL_ENGINE = 40;
  static final double GUESS_MODULE = 90;

  private final Map<String, Double> seconds;

  private RunTimes(Map<String, Double> seconds) {
    this.seconds = seconds;
  }

  static RunTimes none() {
    return new RunTimes(new TreeMap<>());
  }

  /** The recorded times; none where the file is missing or unreadable (it is only a guide to the next run). */
  static RunTimes read(Path reportDir) {
    Map<String, Double> seconds = new TreeMap<>();
    Path file = reportDir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try {
        JsonNode node = new ObjectMapper().readTree(file.toFile()).path("seconds");
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          if (e.getValue().isNumber()) {
            seconds.put(e.getKey(), e.getValue().asDouble());
          }
        }
      } catch (IOException e) {
        // a damaged file costs only the estimates: start from the guesses
      }
    }
    return new RunTimes(seconds);
  }

  /** The key of an engine's suite ({@code kind} "engine") or a forked module's ("module") under the run's bounds. */
  static String matrixKey(String kind, String name, int tries, int realTries) {
    return "matrix tries=" + tries + " real=" + realTries + " " + kind + " " + name;
  }

  double get(String key, double guess) {
    return seconds.getOrDefault(key, guess);
  }

  synchronized void put(String key, double took) {
    seconds.put(key, Math.round(took * 10) / 10.0);
  }

  /** Writes the times, those of this run replacing the file's under the same keys, the others kept. */
  synchronized void write(Path reportDir) throws IOException {
    RunTimes merged = read(reportDir);
    merged.seconds.putAll(seconds);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("updated", Instant.now().toString());
    ObjectNode node = root.putObject("seconds");
    merged.seconds.forEach(node::put);
    Files.createDirectories(reportDir);
    json.writeValue(reportDir.resolve(FILE).toFile(), root);
  }
}
