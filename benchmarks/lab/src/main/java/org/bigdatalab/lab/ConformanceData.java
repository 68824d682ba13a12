package org.bigdatalab.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code conformance.json} as the report pages read it: the pages are drawn from the stable JSON,
 * not from the run's objects, so {@code lab report} can redraw them from any saved run. Fields the
 * JSON gains later are ignored here.
 */
record ConformanceData(List<Result> results, List<EngineEntry> engines, List<ClauseEntry> clauses, int tries,
                       int realEngineTries, String generated, String run) {

  static final String FILE = "conformance.json";
  static final List<String> STATUSES = List.of("passed", "failed", "error", "unsupported");

  record Result(String engine, String clause, String status, String detail, int cases, String seed) {}

  record EngineEntry(String id, String name, String topic, String kind) {}

  record ClauseEntry(String id, String topic, String level, String statement, String source) {}

  static Optional<ConformanceData> read(Path reportDir) throws IOException {
    Path file = reportDir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile(), ConformanceData.class));
  }

  /** Clauses by topic, topics in the order their first clause appears. */
  Map<String, List<ClauseEntry>> clausesByTopic() {
    return clauses.stream().collect(Collectors.groupingBy(ClauseEntry::topic, LinkedHashMap::new, Collectors.toList()));
  }

  Optional<Result> find(String engine, String clause) {
    return results.stream().filter(r -> r.engine().equals(engine) && r.clause().equals(clause)).findFirst();
  }

  /** The engines with a result on any of {@code clauses}, in the JSON's order. */
  List<EngineEntry> enginesOn(List<ClauseEntry> topicClauses) {
    return engines.stream().filter(e -> topicClauses.stream().anyMatch(c -> find(e.id(), c.id()).isPresent())).toList();
  }

  long count(String status) {
    return results.stream().filter(r -> r.status().equals(status)).count();
  }
}
