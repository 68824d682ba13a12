package org.bigdatalab.dataflow;

import java.util.List;

/**
 * What an action's run did, stage by stage: the observable side of shuffles and task sizes that the
 * clauses on map-side combine, coalesce, broadcast joins and skew splitting check.
 */
public record ActionMetrics(List<StageMetrics> stages) {

  public static final ActionMetrics NONE = new ActionMetrics(List.of());

  public ActionMetrics {
    stages = List.copyOf(stages);
  }

  public int stagesRun() { return stages.size(); }

  /** Records written to shuffles by all stages. */
  public long shuffledRecords() { return stages.stream().mapToLong(StageMetrics::shuffleWriteRecords).sum(); }

  /** The stages that start with the named operation, e.g. {@code join}. */
  public List<StageMetrics> startingWith(String operation) {
    return stages.stream().filter(s -> s.start().equals(operation)).toList();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    stages.forEach(s -> b.append(String.format("stage %d from %-14s tasks %3d  largest %,8d  shuffle write %,8d%s%n",
        s.id(), s.start(), s.tasks(), s.largestTask(), s.shuffleWriteRecords(),
        s.taskNanos().isEmpty() ? "" : String.format("  slowest task %,.1f ms", s.slowestTaskNanos() / 1e6))));
    return b.toString();
  }
}
