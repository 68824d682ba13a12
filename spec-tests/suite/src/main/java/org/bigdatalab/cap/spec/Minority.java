package org.bigdatalab.cap.spec;

import java.util.Set;
import java.util.TreeSet;

/** A cluster of {@code nodes} and the minority {@code side} a partition cuts off. */
public record Minority(int nodes, Set<Integer> side) {
  public Minority {
    side = Set.copyOf(side);
    if (side.isEmpty() || side.size() * 2 >= nodes) {
      throw new IllegalArgumentException(side + " is not a minority of " + nodes);
    }
  }

  @Override
  public String toString() {
    return new TreeSet<>(side) + " cut off from " + nodes + " nodes";
  }
}
