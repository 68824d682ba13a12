package org.bigdatalab.cap.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.junit.jupiter.api.Test;

/** The simulation replays from its seed, and the two stores take the two sides of a partition. */
class SimulationTest {

  /** A busy run: writes everywhere, a partition, a crash, drops and duplicates. */
  private static String run(CapEngine engine, long seed) {
    Cluster c = engine.start(ClusterConfig.of(3, seed));
    c.runFor(500);
    for (int i = 0; i < 30; i++) {
      c.invoke(i % 3, i % 4 == 0 ? new RegisterOp.Read("k") : new RegisterOp.Write("k", i));
      if (i == 10) {
        c.network().partition(Set.of(i % 3));
      }
      if (i == 15) {
        c.network().duplicateNext(0, 1);
        c.network().dropNext(1, 2);
        c.network().crash(2, false);
      }
      if (i == 20) {
        c.network().heal();
        c.network().restart(2);
      }
      c.runFor(17);
    }
    c.runFor(2000);
    return c.history().toString();
  }

  @Test
  void oneSeedReplaysTheSameRun() {
    for (CapEngine engine : new CapEngine[] {new QuorumStore(), new LwwStore(), new PrimaryBackupStore(false)}) {
      assertThat(run(engine, 7)).as(engine.info().id()).isEqualTo(run(engine, 7));
    }
    assertThat(run(new QuorumStore(), 7)).as("election timeouts and jitter come from the seed").isNotEqualTo(run(new QuorumStore(), 8));
  }

  @Test
  void aQuorumStoreRefusesOnTheMinorityAndServesOnTheMajority() {
    Cluster c = new QuorumStore().start(ClusterConfig.of(3, 1));
    c.runFor(1000);
    c.invoke(0, new RegisterOp.Write("k", 1));
    c.runFor(200);
    c.network().partition(Set.of(0));
    c.runFor(1000);
    c.invoke(0, new RegisterOp.Write("k", 2));
    c.invoke(1, new RegisterOp.Write("k", 3));
    c.runFor(1000);
    assertThat(c.history().operations()).extracting(Operation::outcome)
        .containsExactly(Outcome.OK, Outcome.INFO.equals(outcomeAt(c, 1)) ? Outcome.INFO : Outcome.FAIL, Outcome.OK);
    assertThat(c.history().operations().get(0).latency()).as("a quorum round trip").isGreaterThanOrEqualTo(10);
  }

  private static Outcome outcomeAt(Cluster c, int i) {
    return c.history().operations().get(i).outcome();
  }

  @Test
  void anLwwStoreAnswersBothSidesAndConvergesAfterTheHeal() {
    Cluster c = new LwwStore().start(ClusterConfig.of(3, 1));
    c.network().partition(Set.of(0));
    c.invoke(0, new RegisterOp.Write("k", 1));
    c.runFor(1);
    c.invoke(1, new RegisterOp.Write("k", 2));
    c.runFor(300);
    assertThat(c.history().operations()).allMatch(o -> o.outcome() == Outcome.OK && o.latency() == 0);
    assertThat(c.localValues(0)).containsEntry("k", 1);
    assertThat(c.localValues(1)).containsEntry("k", 2);
    c.network().heal();
    c.runFor(300);
    assertThat(c.localValues(0)).isEqualTo(c.localValues(1)).isEqualTo(c.localValues(2)).containsEntry("k", 2);
  }
}
