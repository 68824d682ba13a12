package org.bigdatalab.cap.check;

import static org.assertj.core.api.Assertions.assertThat;

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
 * checker says there is one ({@link BruteForce}).
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
    boolean brute = BruteForce.linearizable(history.operations(), RegisterModel.CAS_REGISTER);
    assertThat(new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.SPEC).check(history).linearizable())
        .as("checker vs brute force on %s", history).isEqualTo(brute);
  }
}
