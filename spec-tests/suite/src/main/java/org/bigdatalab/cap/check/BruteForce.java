package org.bigdatalab.cap.check;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;

/**
 * Linearizability by its definition, with nothing clever: try every order of a key's ok operations
 * plus any subset of its unknown ones that keeps real-time order, cutting an order as soon as its
 * prefix is illegal, and remembering nothing. Exponential in the operations that overlap; it is the
 * yardstick the checker is tested against (BruteForceAgreementTest) and measured beside
 * ({@code lab bench --workload cap}), on short histories only.
 */
public final class BruteForce {
  private final RegisterModel model;
  private final long deadlineNanos;

  private BruteForce(RegisterModel model, long deadlineNanos) {
    this.model = model;
    this.deadlineNanos = deadlineNanos;
  }

  /** Whether one key's operations have a legal order, with no time limit. */
  public static boolean linearizable(List<Operation> oneKey, RegisterModel model) {
    return Boolean.TRUE.equals(new BruteForce(model, Long.MAX_VALUE).search(happened(oneKey)));
  }

  /** Whether every key of {@code history} has a legal order; null when {@code deadlineNanos} ({@link System#nanoTime}) passed first. */
  public static Boolean linearizable(History history, RegisterModel model, long deadlineNanos) {
    BruteForce search = new BruteForce(model, deadlineNanos);
    for (History key : history.byKey().values()) {
      Boolean ok = search.search(happened(key.operations()));
      if (!Boolean.TRUE.equals(ok)) {
        return ok;
      }
    }
    return true;
  }

  private static List<Operation> happened(List<Operation> all) {
    return all.stream().filter(o -> o.outcome() != Outcome.FAIL).toList();
  }

  private Boolean search(List<Operation> ops) {
    return search(ops, new ArrayList<>(), new boolean[ops.size()]);
  }

  private Boolean search(List<Operation> ops, List<Operation> order, boolean[] used) {
    if (System.nanoTime() > deadlineNanos) {
      return null;
    }
    boolean allOkPlaced = true;
    for (int i = 0; i < ops.size(); i++) {
      allOkPlaced &= used[i] || ops.get(i).outcome() != Outcome.OK;
    }
    if (allOkPlaced && legal(order)) {
      return true;
    }
    for (int i = 0; i < ops.size(); i++) {
      if (used[i] || !mayComeNext(ops, used, i)) {
        continue;
      }
      used[i] = true;
      order.add(ops.get(i));
      if (legal(order)) {
        Boolean found = search(ops, order, used);
        if (!Boolean.FALSE.equals(found)) {
          return found;
        }
      }
      order.remove(order.size() - 1);
      used[i] = false;
    }
    return false;
  }

  /** An operation may be placed next unless an unplaced ok one completed before it was invoked. */
  private static boolean mayComeNext(List<Operation> ops, boolean[] used, int next) {
    for (int j = 0; j < ops.size(); j++) {
      if (!used[j] && j != next && ops.get(j).outcome() == Outcome.OK && ops.get(j).completedAt() < ops.get(next).invokedAt()) {
        return false;
      }
    }
    return true;
  }

  /** Replays the whole order from the empty register: no state kept between steps, by design. */
  private boolean legal(List<Operation> order) {
    Object state = null;
    for (Operation o : order) {
      state = model.step(state, o);
      if (state == RegisterModel.ILLEGAL) {
        return false;
      }
    }
    return true;
  }
}
