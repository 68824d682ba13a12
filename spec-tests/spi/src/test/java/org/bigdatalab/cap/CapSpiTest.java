package org.bigdatalab.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.Topic;
import org.junit.jupiter.api.Test;

/** The CAP catalogue keeps the ids, and histories number their processes the Knossos way. */
class CapSpiTest {

  @Test
  void theClauseIdsAreTheContract() {
    assertThat(CapClauses.CATALOGUE.clauses()).extracting(Clause::id).containsExactly(
        "cap.cp.linearizable", "cap.cp.no-acked-write-lost", "cap.cp.minority-unavailable",
        "cap.ap.available", "cap.ap.converges", "cap.ap.anomalies-reported", "cap.pacelc.latency");
    assertThat(Catalogues.forTopic(Topic.CAP)).contains(CapClauses.CATALOGUE);
    assertThat(Topic.CAP.engineTopic()).isEqualTo(Topic.CAP);
  }

  @Test
  void aProcessIsReusedAfterADefiniteAnswerAndRetiredAfterAnUnknownOne() {
    HistoryRecorder recorder = new HistoryRecorder();
    int first = recorder.invoke(0, new RegisterOp.Write("x", 1), 0);
    int second = recorder.invoke(1, new RegisterOp.Read("x"), 1);
    recorder.complete(first, Outcome.INFO, null, 5);
    recorder.complete(second, Outcome.OK, 1, 6);
    int third = recorder.invoke(2, new RegisterOp.Read("x"), 7);
    History history = recorder.history();
    assertThat(history.operations()).extracting(Operation::process).containsExactly(0, 1, 1);
    assertThat(history.operations().get(2).completedAt()).as("still in flight").isEqualTo(Long.MAX_VALUE);
    assertThat(recorder.isPending(third)).isTrue();
    assertThatThrownBy(() -> recorder.complete(first, Outcome.OK, null, 9)).hasMessageContaining("already completed");
  }

  @Test
  void aHistorySplitsByKeyKeepingInvocationOrder() {
    HistoryRecorder recorder = new HistoryRecorder();
    recorder.complete(recorder.invoke(0, new RegisterOp.Write("y", 1), 3), Outcome.OK, null, 4);
    recorder.complete(recorder.invoke(0, new RegisterOp.Write("x", 2), 1), Outcome.OK, null, 2);
    recorder.complete(recorder.invoke(0, new RegisterOp.Cas("y", 1, 3), 5), Outcome.FAIL, null, 6);
    assertThat(recorder.history().byKey()).containsOnlyKeys("x", "y");
    assertThat(recorder.history().byKey().get("y").operations()).extracting(o -> o.op().f()).containsExactly("write", "cas");
  }
}
