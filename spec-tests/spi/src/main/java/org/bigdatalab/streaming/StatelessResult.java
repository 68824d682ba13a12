package org.bigdatalab.streaming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Everything a stateless run emitted: the outputs in arrival order, and the dead letters. */
public record StatelessResult<R>(List<R> outputs, List<DeadLetter> deadLetters) {

  public StatelessResult {
    outputs = immutableCopy(outputs);
    deadLetters = List.copyOf(deadLetters);
  }

  /**
   * An unmodifiable copy without nulls, as {@link List#copyOf}, but made by one bulk copy: copyOf
   * stores element by element, which for a million outputs under G1 costs as much as the job.
   */
  private static <R> List<R> immutableCopy(List<R> list) {
    List<R> copy = new ArrayList<>(list);
    for (R r : copy) {
      Objects.requireNonNull(r, "a stateless output is null");
    }
    return Collections.unmodifiableList(copy);
  }
}
