package org.bigdatalab.cap.check;

import java.util.List;
import org.bigdatalab.cap.Operation;

/** What a linearizability check came to. */
public sealed interface Verdict {

  /** Some order of the operations, each at one instant between its invocation and its completion, is legal. */
  record Linearizable(int operations) implements Verdict {}

  /**
   * No order is legal. {@code unorderable} is a smallest set of the key's operations that still has
   * no legal order (removing any one of them makes it linearizable), unless the explanation's own
   * budget ran out ({@code minimal} false); {@code timeline} draws them.
   */
  record NotLinearizable(String key, List<Operation> unorderable, boolean minimal, String timeline) implements Verdict {
    public NotLinearizable {
      unorderable = List.copyOf(unorderable);
    }
  }

  /** The budget ran out first; {@code progress} says how far the search got. */
  record Unknown(String progress) implements Verdict {}

  default boolean linearizable() {
    return this instanceof Linearizable;
  }
}
