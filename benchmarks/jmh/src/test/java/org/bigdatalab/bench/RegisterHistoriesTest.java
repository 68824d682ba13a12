package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.check.BruteForce;
import org.bigdatalab.cap.check.Budget;
import org.bigdatalab.cap.check.LinearizabilityChecker;
import org.bigdatalab.cap.check.RegisterModel;
import org.junit.jupiter.api.Test;

/** The checker's benchmark measures what it says: histories of the asked shape, linearizable, with unknown outcomes. */
class RegisterHistoriesTest {

  @Test
  void historiesHaveTheAskedShapeAndAreLinearizable() {
    for (long seed = 1; seed <= 20; seed++) {
      History history = RegisterHistories.generate(200, 3, 4, seed);

      assertThat(history.size()).isEqualTo(200);
      assertThat(history.byKey()).hasSizeLessThanOrEqualTo(3);
      assertThat(mostAtOnce(history.operations())).isLessThanOrEqualTo(4);
      assertThat(new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.of(Duration.ofSeconds(10))).check(history).linearizable())
          .as("seed %d", seed).isTrue();
      assertThat(BruteForce.linearizable(history, RegisterModel.CAS_REGISTER, Long.MAX_VALUE)).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void someOperationsEndUnknownOrFailed() {
    History history = RegisterHistories.generate(2000, 1, 10, 7);
    assertThat(history.operations()).anyMatch(o -> o.outcome() == Outcome.INFO).anyMatch(o -> o.outcome() == Outcome.FAIL);
  }

  /** The most operations open at one instant (an unknown outcome stays open from then on, but its client is replaced). */
  private static int mostAtOnce(List<Operation> ops) {
    int most = 0;
    for (Operation o : ops) {
      long open = ops.stream().filter(p -> p.invokedAt() <= o.invokedAt() && p.completedAt() > o.invokedAt()
          && p.outcome() != Outcome.INFO).count();
      most = (int) Math.max(most, open);
    }
    return most;
  }
}
