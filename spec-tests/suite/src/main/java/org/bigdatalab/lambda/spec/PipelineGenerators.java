package org.bigdatalab.lambda.spec;

import java.util.List;
import org.bigdatalab.property.ActionSequenceArbitrary;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.property.Tuple;
import org.bigdatalab.streaming.spec.Click;

/**
 * Schedules of appends and pipeline runs. Click times come from a narrow range in no order, so
 * clicks at the same time land on both sides of a batch run, and late clicks arrive after it: the
 * two ways a time boundary between layers goes wrong.
 */
public final class PipelineGenerators {
  private PipelineGenerators() {}

  static Arbitrary<Click> clicks() {
    return Combinators.combine(Arbitraries.longs().between(0, 40), Arbitraries.of("ann", "bob", "cy", "dee"),
        Arbitraries.longs().between(1, 9)).as(Click::new);
  }

  static Arbitrary<List<Click>> someClicks() {
    return clicks().list().ofMinSize(1).ofMaxSize(5);
  }

  /** A step of a Lambda schedule. */
  public sealed interface LambdaStep {}
  public record Append(List<Click> clicks) implements LambdaStep, KappaStep {
    @Override public String toString() { return "append " + clicks; }
  }
  public record RunBatch() implements LambdaStep {
    @Override public String toString() { return "run batch"; }
  }
  public record RunSpeed() implements LambdaStep {
    @Override public String toString() { return "run speed"; }
  }

  /** Appends, batch runs and speed runs, in any order; a check follows every step. */
  public static ActionSequenceArbitrary<Integer, LambdaStep> lambdaSchedules() {
    return Arbitraries.sequences(new ActionSequenceArbitrary.Model<Integer, LambdaStep>() {
      @Override public Integer initial() { return 0; }

      @Override
      public Arbitrary<? extends LambdaStep> actions(Integer appended) {
        Arbitrary<LambdaStep> append = someClicks().map(Append::new);
        // nothing to run before the first append: the schedule starts with one
        return appended == 0 ? append : Arbitraries.<LambdaStep>frequencyOf(Tuple.of(2, append),
            Tuple.of(1, Arbitraries.just(new RunBatch())), Tuple.of(1, Arbitraries.just(new RunSpeed())));
      }

      @Override
      public Integer next(Integer appended, LambdaStep step) {
        return step instanceof Append a ? appended + a.clicks().size() : appended;
      }
    }).ofMinSize(1).ofMaxSize(12);
  }

  /** A step of a Kappa reprocessing schedule. */
  public sealed interface KappaStep {}
  public record CatchUp() implements KappaStep {
    @Override public String toString() { return "live job catches up"; }
  }
  public record StartReprocessing() implements KappaStep {
    @Override public String toString() { return "start reprocessing with new code"; }
  }
  public record Step(int maxRecords) implements KappaStep {
    @Override public String toString() { return "reprocess at most " + maxRecords; }
  }

  /** Where a Kappa schedule is: reprocessing not yet started, or started. */
  enum Phase { BEFORE, REPROCESSING }

  /**
   * Appends and catch-ups, one reprocessing started among them and then stepped. Only the check
   * knows when a step switches (that is what it checks), so steps may follow the switch; the check
   * skips them.
   */
  public static ActionSequenceArbitrary<Phase, KappaStep> kappaSchedules() {
    return Arbitraries.sequences(new ActionSequenceArbitrary.Model<Phase, KappaStep>() {
      @Override public Phase initial() { return Phase.BEFORE; }

      @Override
      public Arbitrary<? extends KappaStep> actions(Phase phase) {
        Arbitrary<KappaStep> append = someClicks().map(Append::new);
        Arbitrary<KappaStep> catchUp = Arbitraries.just(new CatchUp());
        return switch (phase) {
          case BEFORE -> Arbitraries.<KappaStep>frequencyOf(Tuple.of(2, append), Tuple.of(2, catchUp),
              Tuple.of(1, Arbitraries.just(new StartReprocessing())));
          case REPROCESSING -> Arbitraries.<KappaStep>frequencyOf(Tuple.of(1, append), Tuple.of(1, catchUp),
              Tuple.of(3, Arbitraries.integers().between(1, 4).map(Step::new)));
        };
      }

      @Override
      public Phase next(Phase phase, KappaStep step) {
        return step instanceof StartReprocessing ? Phase.REPROCESSING : phase;
      }
    }).ofMinSize(1).ofMaxSize(16);
  }
}
