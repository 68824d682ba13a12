package org.bigdatalab.streaming.spec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bigdatalab.streaming.Windows;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.streaming.ScriptedSource;

/**
 * A generated input: clicks in arrival order, and the out-of-orderness bound the generator kept
 * (or, with late clicks, broke on purpose). Printed on failure as its lines, so a failing case can
 * be pasted into a pinned example.
 */
public record Scenario(List<Click> arrival, long outOfOrderness) {

  public Scenario {
    arrival = List.copyOf(arrival);
  }

  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    arrival.forEach(c -> lines.add(c.line()));
    return lines;
  }

  public ScriptedSource source() { return ScriptedSource.ofLines(lines()); }

  /**
   * This input without the session boundary the spec leaves open (see
   * {@link org.bigdatalab.streaming.StreamingJob}'s note on sessions): every click exactly one gap
   * after another click of its user is dropped. With bound 0 the first session is final at W = its
   * end, so such a click opens a session that touches it; with a larger bound both are open and
   * they merge; the oracle merges. Dropping clicks never makes another one late (the watermark only
   * falls), so the input keeps its bound. Other windows: the input as it is.
   */
  public Scenario withoutSessionTies(Windows windows) {
    if (!(windows instanceof Windows.Session session)) {
      return this;
    }
    Map<String, Set<Long>> times = new HashMap<>();
    arrival.forEach(c -> times.computeIfAbsent(c.user(), u -> new HashSet<>()).add(c.time()));
    return new Scenario(arrival.stream().filter(c -> !times.get(c.user()).contains(c.time() - session.gap())).toList(),
        outOfOrderness);
  }

  @Override
  public String toString() { return "bound " + outOfOrderness + ": " + lines(); }
}
