package org.bigdatalab.guide.exercises.solutions;

import java.io.Serializable;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.spec.Click;

/** Answer to {@code session-mean}: merged sessions add their sums and their counts. */
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
    return new Acc(a.sum() + b.sum(), a.count() + b.count());
  }

  @Override
  public String result(Acc acc) {
    return acc.sum() + "/" + acc.count();
  }
}
