package org.bigdatalab.cap.spec;

import org.bigdatalab.property.ActionSequence;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.suite.faults.Schedules;
import org.bigdatalab.suite.faults.Step;

/** Generated inputs of the CAP spec: operations on two keys, mixed with faults into schedules of three nodes. */
public final class CapGenerators {
  public static final int NODES = 3;
  public static final int MAX_STEPS = 40;

  private CapGenerators() {}

  public static Arbitrary<CapOp> operations() {
    Arbitrary<String> key = Arbitraries.of("a", "b");
    return Arbitraries.oneOf(
        key.map(CapOp.Read::new),
        key.map(CapOp.Write::new),
        org.bigdatalab.property.Combinators.combine(key, Arbitraries.integers().between(0, 2)).as(CapOp.Cas::new));
  }

  public static Arbitrary<ActionSequence<Step<CapOp>>> schedules() {
    return Schedules.of(NODES, operations()).ofMaxSize(MAX_STEPS);
  }

  /** The simulation's seed: election timeouts and message jitter. Small, so a failure prints a short one. */
  public static Arbitrary<Long> seeds() {
    return Arbitraries.longs().between(0, 1_000_000);
  }
}
