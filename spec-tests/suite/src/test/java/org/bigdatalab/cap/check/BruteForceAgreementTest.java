package org.bigdatalab.cap.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;

/**
 * The search agrees with the definition: on small random histories, a brute force that tries every
 * order of every subset of the unknown operations finds a legal linearization exactly when the
 * checker says there is one.
 */
class BruteForceAgreementTest {

  @Provide
  Arbitrary<History> histories() {
    Arbitrary<RegisterOp> op = Arbitraries.oneOf(
        Arbitraries.just(new RegisterOp.Read("k")),
        Arbitraries.integers().between(0, 2).map(v -> new RegisterOp.Write("k", v)),
        Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2))
            .as((e, v) -> new RegisterOp.Cas("k", e, v)));
    Arbitrary<Operation> operation = Combinators.combine(op, Arbitraries.of(Outcome.OK, Outcome.OK, Outcome.INFO, Outcome.FAIL),
        Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 6), Arbitraries.integers().between(-1, 2))
        .as((o, outcome, start, length, read) -> new Operation(0, -1, o, outcome,
            outcome == Outcome.OK && o instanceof RegisterOp.Read ? (read < 0 ? null : read) : null, start,
            outcome == Outcome.INFO ? Long.MAX_VALUE : start + length));
    return operation.list().ofMinSize(1).ofMaxSize(7).map(History::new);
  }

  @Property(tries = 400)
  void checkerAgreesWithBruteForce(@ForAll("histories") History history) {
    boolean brute = bruteForce(history.operations());
    assertThat(new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.SPEC).check(history).linearizable())
        .as("checker vs brute force on %s", history).isEqualTo(brute);
  }

  /** Tries every order of the ok operations plus any subset of the unknown ones. */
  static boolean bruteForce(List<Operation> all) {
    List<Operation> ops = all.stream().filter(o -> o.outcome() != Outcome.FAIL).toList();
    return search(ops, new ArrayList<>(), new boolean[ops.size()]);
  }

  private static boolean search(List<Operation> ops, List<Operation> order, boolean[] used) {
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
      if (legal(order) && search(ops, order, used)) {
        return true;
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

  private static boolean legal(List<Operation> order) {
    Object state = null;
    for (Operation o : order) {
      state = RegisterModel.CAS_REGISTER.step(state, o);
      if (state == RegisterModel.ILLEGAL) {
        return false;
      }
    }
    return true;
  }
}
