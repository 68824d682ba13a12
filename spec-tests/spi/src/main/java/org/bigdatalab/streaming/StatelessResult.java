package org.bigdatalab.streaming;

import java.util.List;

/** Everything a stateless run emitted: the outputs in arrival order, and the dead letters. */
public record StatelessResult<R>(List<R> outputs, List<DeadLetter> deadLetters) {

  public StatelessResult {
    outputs = List.copyOf(outputs);
    deadLetters = List.copyOf(deadLetters);
  }
}
