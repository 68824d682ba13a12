package org.bigdatalab.cap.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;

/**
 * Is a register history linearizable? Keys are independent registers, so the history is checked
 * key by key (Herlihy and Wing's locality, Horn and Kroening's P-compositionality): a history is
 * linearizable exactly when every key's sub-history is, and small searches are much cheaper than one
 * big one. Each key is searched by {@link WingGongSearch}.
 *
 * <p>{@code FAIL} operations did not happen and are left out; an {@code INFO} read says nothing and
 * is left out; an {@code INFO} write or compare-and-set may or may not have happened. Over its
 * budget the answer is {@link Verdict.Unknown} with how far the search got, never a hang.
 *
 * <pre>{@code
 * Verdict v = new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.of(Duration.ofSeconds(10))).check(history);
 * }</pre>
 */
public final class LinearizabilityChecker {
  /** A remembered configuration costs its bit set plus a hash-set entry and a record: about this much besides the bits. */
  private static final long BYTES_PER_CONFIGURATION = 120;

  private final RegisterModel model;
  private final Budget budget;

  public LinearizabilityChecker(RegisterModel model, Budget budget) {
    this.model = model;
    this.budget = budget;
  }

  /**
   * @throws IllegalArgumentException when the model cannot check an operation of the history
   */
  public Verdict check(History history) {
    long deadline = System.nanoTime() + budget.time().toNanos();
    int checked = 0;
    int keysDone = 0;
    Map<String, History> keys = history.byKey();
    for (Map.Entry<String, History> key : keys.entrySet()) {
      List<Operation> ops = relevant(key.getValue());
      WingGongSearch search = new WingGongSearch(ops, model);
      WingGongSearch.Result result = search.run(deadline, maxConfigurations(ops.size()));
      switch (result) {
        case LINEARIZABLE -> {
          checked += ops.size();
          keysDone++;
        }
        case NOT_LINEARIZABLE -> {
          return Explanations.explain(key.getKey(), ops, this::linearizable, deadline + budget.time().toNanos() / 2);
        }
        default -> {
          return new Verdict.Unknown((result == WingGongSearch.Result.OUT_OF_TIME ? "time limit of " + budget.time()
              : "memory limit of " + (budget.memoryBytes() >> 20) + " MiB") + " reached on key " + key.getKey() + " ("
              + ops.size() + " operations): " + search.explored() + " configurations explored, at most "
              + search.mostPlaced() + " operations placed in order; " + keysDone + " of " + keys.size()
              + " keys linearizable before it (" + checked + " operations)");
        }
      }
    }
    return new Verdict.Linearizable(checked);
  }

  /** The operations of one key the search needs, each checked against the model. */
  private List<Operation> relevant(History key) {
    List<Operation> ops = new ArrayList<>();
    for (Operation o : key.operations()) {
      String refusal = model.refuses(o.op());
      if (refusal != null) {
        throw new IllegalArgumentException(refusal + ": " + o);
      }
      boolean happened = o.outcome() != Outcome.FAIL;
      boolean saysSomething = !(o.outcome() == Outcome.INFO && o.op() instanceof RegisterOp.Read);
      if (happened && saysSomething) {
        ops.add(o);
      }
    }
    return ops;
  }

  /** Whether these operations of one key have a legal order: true, false, or null when the deadline passed. */
  private Boolean linearizable(List<Operation> ops, long deadline) {
    WingGongSearch.Result r = new WingGongSearch(ops, model).run(deadline, maxConfigurations(ops.size()));
    return switch (r) {
      case LINEARIZABLE -> true;
      case NOT_LINEARIZABLE -> false;
      default -> null;
    };
  }

  private long maxConfigurations(int operations) {
    return Math.max(1000, budget.memoryBytes() / (BYTES_PER_CONFIGURATION + operations / 8));
  }
}
