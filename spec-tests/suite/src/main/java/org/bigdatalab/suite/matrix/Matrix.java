package org.bigdatalab.suite.matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Engine × clause results, computed from real test runs. */
public final class Matrix {
  private final List<ClauseResult> results;

  public Matrix(List<ClauseResult> results) {
    this.results = List.copyOf(results);
  }

  public static Matrix merge(List<Matrix> parts) {
    List<ClauseResult> all = new ArrayList<>();
    parts.forEach(m -> all.addAll(m.results));
    return new Matrix(all);
  }

  public List<ClauseResult> results() { return results; }

  public Optional<ClauseResult> find(String engine, String clause) {
    return results.stream().filter(r -> r.engine().equals(engine) && r.clause().equals(clause)).findFirst();
  }

  public ClauseStatus status(String engine, String clause) {
    return find(engine, clause).map(ClauseResult::status)
        .orElseThrow(() -> new IllegalArgumentException("no result for " + clause + " on " + engine));
  }

  public Set<String> engines() {
    Set<String> engines = new LinkedHashSet<>();
    results.forEach(r -> engines.add(r.engine()));
    return engines;
  }

  public Set<String> clauses() {
    Set<String> clauses = new LinkedHashSet<>();
    results.forEach(r -> clauses.add(r.clause()));
    return clauses;
  }

  public Map<ClauseStatus, Integer> counts() {
    Map<ClauseStatus, Integer> counts = new EnumMap<>(ClauseStatus.class);
    for (ClauseStatus s : ClauseStatus.values()) {
      counts.put(s, 0);
    }
    results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return Collections.unmodifiableMap(counts);
  }

  /** True when nothing failed or errored: unsupported clauses are honest, not failures. */
  public boolean conforms() {
    return results.stream().noneMatch(r -> r.status() == ClauseStatus.FAILED || r.status() == ClauseStatus.ERROR);
  }
}
