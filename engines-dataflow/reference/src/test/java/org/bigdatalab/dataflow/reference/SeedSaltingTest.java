package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bigdatalab.dataflow.jobs.OneStageSalting;
import org.bigdatalab.dataflow.jobs.SaltedAggregation;
import org.bigdatalab.dataflow.spec.SkewGenerators.SkewedInput;
import org.bigdatalab.dataflow.spec.SkewSpec;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * The seed's one-stage salting is a broken job, not a broken engine: on a correct engine the check
 * behind {@code skew.salting.same-result} rejects it, and accepts the two-phase job.
 */
class SeedSaltingTest {
  private static final SkewedInput HOT = new SkewedInput(List.of(KeyValue.of("hot", 5L), KeyValue.of("hot", 7L),
      KeyValue.of("hot", 1L), KeyValue.of("cold", 2L)), 2);

  @Test
  void oneStageSaltingFailsTheSameResultCheck() {
    assertThatThrownBy(() -> SkewSpec.assertSameAsPlain(new SequentialDataflow(), OneStageSalting::aggregate, HOT, 3, 2))
        .isInstanceOf(AssertionError.class).hasMessageContaining("key hot comes out more than once");
  }

  @Test
  void twoPhaseSaltingPassesIt() throws Exception {
    SkewSpec.assertSameAsPlain(new SequentialDataflow(), SaltedAggregation::twoPhase, HOT, 3, 2);
  }
}
