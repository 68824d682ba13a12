package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The time left of a planned run, and the order the forked modules start in. */
class EtaTest {
  private final AtomicLong now = new AtomicLong();

  private void at(double seconds) {
    now.set((long) (seconds * 1e9));
  }

  @Test
  void longestFirstOnTwoSlotsEndsWhenTheBusiestSlotDoes() {
    // 5 | 3 then 3 on the slot free at 3, then 1 on the slot free at 5: both end at 6
    assertThat(Eta.makespan(List.of(), List.of(1.0, 3.0, 5.0, 3.0), 2)).isEqualTo(6.0);
    assertThat(Eta.makespan(List.of(), List.of(1.0, 3.0, 5.0, 3.0), 1)).isEqualTo(12.0);
    assertThat(Eta.makespan(List.of(4.0), List.of(2.0), 2)).isEqualTo(4.0);   // a running unit keeps its slot
    assertThat(Eta.makespan(List.of(), List.of(), 2)).isZero();
  }

  @Test
  void ordersLongestFirstKeepingTheOrderOfEqualEstimates() {
    record M(String name, double seconds) {}
    List<M> modules = List.of(new M("kafka-log", 25), new M("delta", 354), new M("spark", 56), new M("flink", 56), new M("lambda", 9));
    assertThat(Eta.longestFirst(modules, M::seconds).stream().map(M::name))
        .containsExactly("delta", "spark", "flink", "kafka-log", "lambda");
  }

  @Test
  void timeLeftIsEveryStageStillToRunLessWhatTheRunningUnitHasDone() {
    Eta eta = new Eta(now::get)
        .stage(1, List.of(new Eta.Unit("a", 10), new Eta.Unit("b", 20)))
        .stage(2, List.of(new Eta.Unit("c", 30), new Eta.Unit("d", 30), new Eta.Unit("e", 10)));
    assertThat(eta.secondsLeft()).isEqualTo(30 + 40);
    eta.start("a");
    at(4);
    assertThat(eta.secondsLeft()).isCloseTo(6 + 20 + 40, within(1e-9));
    at(15);
    // a past its estimate: it ends now at the earliest, and took 1.5 times its estimate, as the rest will
    assertThat(eta.secondsLeft()).isCloseTo(1.5 * (20 + 40), within(1e-9));
  }

  @Test
  void unitsSlowerThanEstimatedSlowTheRestByTheSameFactor() {
    Eta eta = new Eta(now::get)
        .stage(1, List.of(new Eta.Unit("a", 10), new Eta.Unit("b", 20)))
        .stage(2, List.of(new Eta.Unit("c", 30), new Eta.Unit("d", 30), new Eta.Unit("e", 10)));
    eta.start("a");
    at(20);
    assertThat(eta.finish("a")).isEqualTo(20.0);
    // twice as slow as planned: b 40, then c and d 60 each on two slots, e 20 after one of them
    assertThat(eta.secondsLeft()).isCloseTo(40 + 80, within(1e-9));
    eta.start("b");
    at(1000);
    eta.finish("b");
    // far slower than planned: the factor stops at 4
    assertThat(eta.secondsLeft()).isCloseTo(4 * 40, within(1e-9));
  }

  @Test
  void aFinishedRunHasNothingLeft() {
    Eta eta = new Eta(now::get).stage(2, List.of(new Eta.Unit("x", 5)));
    eta.start("x");
    at(3);
    eta.finish("x");
    assertThat(eta.secondsLeft()).isZero();
    assertThat(eta.left()).isEqualTo(" ~0s left");
  }
}
