package org.bigdatalab.property;

import java.util.ArrayList;
import java.util.List;

/**
 * Sequences of actions drawn against a model's state: each step asks the model which actions the
 * current state allows (a node can only restart after a crash), draws one, and moves the state on.
 * Because every action is drawn from the same choice sequence as everything else, a failing
 * sequence shrinks to the shortest one that still fails, and each step to its simplest form, with
 * no shrinker written for the actions.
 */
public final class ActionSequenceArbitrary<S, A> implements Arbitrary<ActionSequence<A>> {

  /** What a sequence is drawn against. */
  public interface Model<S, A> {
    S initial();

    /** The actions allowed in {@code state}; null when none is (the sequence ends there). */
    Arbitrary<? extends A> actions(S state);

    S next(S state, A action);
  }

  private final Model<S, A> model;
  private final int minSize;
  private final int maxSize;

  ActionSequenceArbitrary(Model<S, A> model, int minSize, int maxSize) {
    this.model = model;
    this.minSize = minSize;
    this.maxSize = maxSize;
  }

  public ActionSequenceArbitrary<S, A> ofMinSize(int size) {
    return new ActionSequenceArbitrary<>(model, size, Math.max(size, maxSize));
  }

  public ActionSequenceArbitrary<S, A> ofMaxSize(int size) {
    return new ActionSequenceArbitrary<>(model, Math.min(minSize, size), size);
  }

  @Override
  public ActionSequence<A> generate(Source s) {
    double tuning = s.tuning();
    double average = tuning < 0.3 ? Math.min(maxSize, minSize + 3) : tuning < 0.75 ? (minSize + maxSize) / 2.0 : maxSize;
    double more = 1 - 1 / (1 + Math.max(0.5, average - minSize));
    List<A> steps = new ArrayList<>();
    S state = model.initial();
    while (true) {
      int start = s.mark();
      Arbitrary<? extends A> allowed = model.actions(state);
      if (allowed == null) {
        break;
      }
      if (steps.size() < minSize) {
        s.forced(1);
      } else if (steps.size() >= maxSize) {
        s.forced(0);
        break;
      } else if (!s.weighted(more)) {
        break;
      }
      A action = allowed.generate(s);
      steps.add(action);
      state = model.next(state, action);
      s.span(start);
    }
    return new ActionSequence<>(steps);
  }
}
