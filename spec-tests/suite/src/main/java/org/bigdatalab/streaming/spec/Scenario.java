package org.bigdatalab.streaming.spec;

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

  @Override
  public String toString() { return "bound " + outOfOrderness + ": " + lines(); }
}
