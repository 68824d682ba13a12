package org.bigdatalab.guide.exercises;

import java.io.Serializable;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.spec.Click;

/**
 * Exercise {@code session-mean} (chapter 6): the mean click amount per user session, as an
 * incremental aggregate (Flink's AggregateFunction). Check it with {@code ./lab exercise session-mean};
 * the answer is in {@code exercises.solutions}.
 */
public class SessionMean implements Aggregate<Click, SessionMean.Acc, String> {
  private static final long serialVersionUID = 1L;

  /** Sum and count so far; a value, never changed in place. */
  public record Acc(long sum, long count) implements Serializable {}

  @Override
  public Acc create() {
    return new Acc(0, 0);
  }

  @Override
  public Acc add(Acc acc, Click click) {
    return new Acc(acc.sum() + click.amount(), acc.count() + 1);
  }

  @Override
  public Acc merge(Acc a, Acc b) {
    // TODO: each click opens a session of its own, and the engine merges a user's sessions that
    // overlap (a late click can bridge two). Keeping only the first accumulator drops clicks.
    return a;
  }

  @Override
  public String result(Acc acc) {
    return acc.sum() + "/" + acc.count();
  }
}
