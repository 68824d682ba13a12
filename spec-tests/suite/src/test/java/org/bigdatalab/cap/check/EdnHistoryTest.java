package org.bigdatalab.cap.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.spi.InputFormatException;
import org.junit.jupiter.api.Test;

/** Knossos-style EDN in and out, and a bad history named by file and line. */
class EdnHistoryTest {

  @Test
  void readsJepsenStyleEventsSkippingTheNemesis() {
    History h = EdnHistory.read("h.edn", """
        [#jepsen.history.Op{:index 0, :process 0, :type :invoke, :f :cas, :value [1 2], :time 10}
         {:process :nemesis, :type :info, :f :start, :value nil}
         {:process 1, :type :invoke, :f :read, :value nil} ; a comment
         {:process 0, :type :fail, :f :cas, :value [1 2]}
         {:process 1, :type :ok, :f :read, :value 3}
         {:process 2, :type :invoke, :f :write, :value 4}]
        """);
    assertThat(h.operations()).containsExactly(
        new Operation(0, -1, new RegisterOp.Cas("register", 1, 2), Outcome.FAIL, null, 1, 4),
        new Operation(1, -1, new RegisterOp.Read("register"), Outcome.OK, 3, 3, 5),
        new Operation(2, -1, new RegisterOp.Write("register", 4), Outcome.INFO, null, 6, Long.MAX_VALUE));
  }

  @Test
  void writtenHistoriesReadBackInTheSameOrder() {
    History h = new History(List.of(
        new Operation(0, 1, new RegisterOp.Write("x", 1), Outcome.OK, null, 0, 10),
        new Operation(1, 2, new RegisterOp.Read("x"), Outcome.OK, 1, 10, 12),
        new Operation(2, 0, new RegisterOp.Cas("y", 1, 2), Outcome.INFO, null, 11, Long.MAX_VALUE)));
    String edn = EdnHistory.write(h);
    assertThat(edn).startsWith("{:process 0, :type :invoke, :f :write, :value 1, :key \"x\", :node 1, :time 0}");
    History back = EdnHistory.read("back.edn", edn);
    assertThat(back.operations()).extracting(Operation::process, o -> o.op(), Operation::outcome, Operation::value, Operation::node)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, new RegisterOp.Write("x", 1), Outcome.OK, null, 1),
            org.assertj.core.groups.Tuple.tuple(1, new RegisterOp.Read("x"), Outcome.OK, 1, 2),
            org.assertj.core.groups.Tuple.tuple(2, new RegisterOp.Cas("y", 1, 2), Outcome.INFO, null, 0));
    assertThat(back.operations().get(1).invokedAt()).as("a completion at the instant of an invocation came before it")
        .isGreaterThan(back.operations().get(0).completedAt());
  }

  @Test
  void aBadEventIsNamedByFileLineAndField() {
    assertThatThrownBy(() -> EdnHistory.read("h.edn", "{:process 0, :type :invoke, :f :write, :value 1}\n\n"
        + "{:process 0, :type :done, :f :write, :value 1}\n"))
        .isInstanceOf(InputFormatException.class).hasMessage("h.edn:3: :type: expected :invoke, :ok, :fail or :info, got :done");
    assertThatThrownBy(() -> EdnHistory.read("h.edn", "{:process 0, :type :ok, :f :read, :value 1}"))
        .hasMessage("h.edn:1: :type: :ok for process 0 without an invocation before it");
    assertThatThrownBy(() -> EdnHistory.read("h.edn", "{:process 0, :type :invoke, :f :cas, :value 1}"))
        .hasMessage("h.edn:1: :value: a cas takes [expected new], got 1");
    assertThatThrownBy(() -> EdnHistory.read("h.edn", "{:process 0, :type :invoke, :f :write, :value 1}\n"
        + "{:process 0, :type :invoke, :f :read}"))
        .hasMessage("h.edn:2: :process: process 0 invokes again before its operation of line 1 completed");
    assertThatThrownBy(() -> EdnHistory.read("h.edn", "{:process 0, :type :invoke,\n :f :read"))
        .hasMessage("h.edn:1: edn: map not closed");
    assertThatThrownBy(() -> EdnHistory.read("h.edn", "{:process :nemesis}\n42"))
        .hasMessage("h.edn:2: event: expected a map, got 42");
  }
}
