package org.bigdatalab.cap.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.cap.CapClauses.AP_ANOMALIES_REPORTED;
import static org.bigdatalab.cap.CapClauses.AP_AVAILABLE;
import static org.bigdatalab.cap.CapClauses.AP_CONVERGES;
import static org.bigdatalab.cap.CapClauses.CP_LINEARIZABLE;
import static org.bigdatalab.cap.CapClauses.CP_MINORITY_UNAVAILABLE;
import static org.bigdatalab.cap.CapClauses.CP_NO_ACKED_WRITE_LOST;
import static org.bigdatalab.cap.CapClauses.PACELC_LATENCY;

import java.util.stream.Stream;
import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.reference.BrokenCapStores.AcksBeforeQuorum;
import org.bigdatalab.cap.reference.BrokenCapStores.NoAntiEntropy;
import org.bigdatalab.cap.reference.BrokenCapStores.ReadsFromLaggingReplica;
import org.bigdatalab.cap.reference.BrokenCapStores.RefusesWithoutMajority;
import org.bigdatalab.cap.reference.BrokenCapStores.WallClockLww;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.ClauseResult;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CAP suite tests itself: each broken store must fail the clause it breaks. */
class CapSelfTest {

  static Stream<Arguments> brokenStores() {
    return Stream.of(
        Arguments.of(new ReadsFromLaggingReplica(), CP_LINEARIZABLE),
        Arguments.of(new AcksBeforeQuorum(), CP_NO_ACKED_WRITE_LOST),
        Arguments.of(new PrimaryBackupStore(true), CP_NO_ACKED_WRITE_LOST),
        Arguments.of(new AcksBeforeQuorum(), CP_MINORITY_UNAVAILABLE),
        Arguments.of(new AcksBeforeQuorum(), PACELC_LATENCY),
        Arguments.of(new RefusesWithoutMajority(), AP_AVAILABLE),
        Arguments.of(new NoAntiEntropy(), AP_CONVERGES),
        Arguments.of(new WallClockLww(), AP_ANOMALIES_REPORTED));
  }

  @ParameterizedTest(name = "{1} catches {0}")
  @MethodSource("brokenStores")
  void brokenStoreFailsItsClause(CapEngine broken, String clause) throws Exception {
    try (broken) {
      SelfTest.assertFails(broken, clause);
    }
  }

  @Test
  void everyClauseHasABrokenStoreThatFailsIt() {
    SelfTest.assertCoversEveryClause(Topic.CAP, brokenStores().map(a -> (String) a.get()[1]));
  }

  @Test
  void honestStoresAreNotFailedByTheSameRunner() {
    assertThat(SelfTest.statusOf(new QuorumStore(), CP_MINORITY_UNAVAILABLE)).isEqualTo(ClauseStatus.PASSED);
    ClauseResult anomalies = SelfTest.run(new LwwStore(), AP_ANOMALIES_REPORTED);
    assertThat(anomalies.status()).isEqualTo(ClauseStatus.PASSED);
    assertThat(anomalies.detail()).as("the matrix reports what the AP store gave up")
        .containsPattern("measured: \\d+ schedules: \\d+ stale reads, \\d+ lost writes, \\d+ non-linearizable keys");
    assertThat(SelfTest.statusOf(new QuorumStore(), AP_CONVERGES)).as("declared").isEqualTo(ClauseStatus.UNSUPPORTED);
  }
}
