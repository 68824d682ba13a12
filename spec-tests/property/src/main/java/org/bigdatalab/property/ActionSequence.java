package org.bigdatalab.property;

import java.util.List;

/** A drawn sequence of actions; it prints as a numbered schedule, one step a line. */
public record ActionSequence<A>(List<A> steps) {
  public ActionSequence {
    steps = List.copyOf(steps);
  }

  public int size() {
    return steps.size();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("schedule of ").append(steps.size()).append(steps.size() == 1 ? " step" : " steps");
    for (int i = 0; i < steps.size(); i++) {
      b.append("\n  ").append(i + 1).append(". ").append(steps.get(i));
    }
    return b.toString();
  }
}
