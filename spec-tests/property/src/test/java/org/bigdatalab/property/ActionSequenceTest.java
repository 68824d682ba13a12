package org.bigdatalab.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A toy store with a fault-dependent bug: a write acknowledged while a node is down is lost when
 * that node restarts. Drawn schedules mix client operations and faults, each allowed by the
 * model's state (only a crashed node restarts). Shrinking must reach the shortest failing schedule:
 * crash, write, restart, read.
 */
class ActionSequenceTest {

  sealed interface Step permits Crash, Restart, Write, Read {}

  record Crash(int node) implements Step {
    @Override public String toString() { return "crash n" + node; }
  }

  record Restart(int node) implements Step {
    @Override public String toString() { return "restart n" + node; }
  }

  record Write(int value) implements Step {
    @Override public String toString() { return "write " + value; }
  }

  record Read() implements Step {
    @Override public String toString() { return "read"; }
  }

  /** Which of three nodes are down. */
  record Down(boolean[] nodes) {}

  static final ActionSequenceArbitrary.Model<Down, Step> MODEL = new ActionSequenceArbitrary.Model<>() {
    @Override
    public Down initial() {
      return new Down(new boolean[3]);
    }

    @Override
    public Arbitrary<? extends Step> actions(Down state) {
      Arbitrary<Step> node = Arbitraries.integers().between(0, 2).flatMap(n -> state.nodes()[n]
          ? Arbitraries.just(new Restart(n)) : Arbitraries.just(new Crash(n)));
      return Arbitraries.oneOf(Arbitraries.just(new Read()),
          Arbitraries.integers().between(0, 9).map(Write::new), node);
    }

    @Override
    public Down next(Down state, Step step) {
      boolean[] nodes = state.nodes().clone();
      if (step instanceof Crash c) {
        nodes[c.node()] = true;
      } else if (step instanceof Restart r) {
        nodes[r.node()] = false;
      }
      return new Down(nodes);
    }
  };

  /** Replays a schedule on the buggy store; true when every read saw the last acknowledged write. */
  static boolean readsSeeLastWrite(ActionSequence<Step> schedule) {
    boolean[] down = new boolean[3];
    int stored = -1;
    int acknowledged = -1;
    boolean lostOnRestart = false;
    for (Step step : schedule.steps()) {
      if (step instanceof Crash c) {
        down[c.node()] = true;
      } else if (step instanceof Restart r) {
        down[r.node()] = false;
        if (lostOnRestart) {
          stored = -1; // the bug: the restarted node's stale state wins
        }
      } else if (step instanceof Write w) {
        stored = w.value();
        acknowledged = w.value();
        lostOnRestart = down[0] || down[1] || down[2];
      } else if (stored != acknowledged) {
        return false;
      }
    }
    return true;
  }

  @Test
  void shrinksToTheShortestFailingSchedule() {
    for (long seed : new long[] {1, 7, 99, 2026}) {
      ActionSequence<Step> minimal = ShrinkingTest.falsify(seed, Arbitraries.sequences(MODEL).ofMaxSize(40),
          ActionSequenceTest::readsSeeLastWrite);
      assertThat(minimal.steps()).as("seed %d", seed)
          .containsExactly(new Crash(0), new Write(0), new Restart(0), new Read());
      assertThat(minimal.toString()).isEqualTo(String.join("\n", List.of(
          "schedule of 4 steps", "  1. crash n0", "  2. write 0", "  3. restart n0", "  4. read")));
    }
  }

  @Test
  void everyStepIsAllowedByTheStateItWasDrawnIn() {
    Arbitrary<ActionSequence<Step>> schedules = Arbitraries.sequences(MODEL).ofMaxSize(40);
    for (long seed = 0; seed < 200; seed++) {
      ActionSequence<Step> schedule = schedules.generate(Source.sampling(seed));
      Down state = MODEL.initial();
      for (Step step : schedule.steps()) {
        if (step instanceof Restart r) {
          assertThat(state.nodes()[r.node()]).as("restart of a running node in %s", schedule).isTrue();
        }
        if (step instanceof Crash c) {
          assertThat(state.nodes()[c.node()]).as("crash of a crashed node in %s", schedule).isFalse();
        }
        state = MODEL.next(state, step);
      }
    }
  }
}
