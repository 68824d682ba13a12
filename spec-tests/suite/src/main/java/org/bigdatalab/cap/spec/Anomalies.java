package org.bigdatalab.cap.spec;

import java.util.List;
import java.util.Map;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.check.LinearizabilityChecker;

/**
 * What an AP store gave up in one run: reads of a value already overwritten, acknowledged writes
 * the converged replicas lost, keys whose history is not linearizable, and writes lost to a write
 * their own node had read (which last-writer-wins by hybrid logical clock never does).
 */
record Anomalies(int staleReads, int lostWrites, int nonLinearizableKeys, List<String> lostAfterReading) {

  static Anomalies of(ScheduleRun.Result run, LinearizabilityChecker checker) {
    List<Operation> scheduled = run.scheduled();
    Writes writes = new Writes(scheduled);
    Map<String, Integer> held = run.replicas().get(0);
    int lost = 0;
    for (String key : run.history().byKey().keySet()) {
      lost += writes.lostTo(key, held.get(key)).size();
    }
    int nonLinearizable = 0;
    for (History key : new History(scheduled).byKey().values()) {
      nonLinearizable += checker.check(key).linearizable() ? 0 : 1;
    }
    return new Anomalies(writes.staleReads(scheduled).size(), lost, nonLinearizable, writes.lostAfterReading(scheduled, held));
  }

  /** One line over many runs, e.g. {@code 1000 schedules: 311 stale reads, 97 lost writes, 120 non-linearizable keys}. */
  static String summary(List<Anomalies> runs) {
    return runs.size() + " schedules: " + runs.stream().mapToInt(Anomalies::staleReads).sum() + " stale reads, "
        + runs.stream().mapToInt(Anomalies::lostWrites).sum() + " lost writes, "
        + runs.stream().mapToInt(Anomalies::nonLinearizableKeys).sum() + " non-linearizable keys";
  }
}
