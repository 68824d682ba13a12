package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.junit.jupiter.api.Test;

/** Chapter 10's program runs, and the two stores give up what the chapter says they give up. */
class Ch10Test {
  private static History run(String id) throws Exception {
    try (CapEngine store = GuideEngines.create(id, CapEngine.class)) {
      return Ch10_CapInPractice.partitionScript(store);
    }
  }

  /** The script's operations in its own order: by invocation time, then node. */
  private static List<Operation> inOrder(History history) {
    return Ch10_CapInPractice.inScriptOrder(history);
  }

  @Test
  void theCpStoreRefusesTheMinorityAndStaysLinearizable() throws Exception {
    List<Operation> ops = inOrder(run("cap-quorum"));
    assertThat(ops.get(1).node()).isZero();
    assertThat(ops.get(1).outcome()).as("the write on n0's side of the partition").isNotEqualTo(Outcome.OK);
    assertThat(ops.get(2).outcome()).as("the write on the majority side").isEqualTo(Outcome.OK);
    assertThat(ops.get(3).outcome()).as("the read on n0's side").isNotEqualTo(Outcome.OK);
    assertThat(ops.subList(5, 8)).as("after the heal every node reads the majority's write")
        .allMatch(o -> o.ok() && Integer.valueOf(3).equals(o.value()));
  }

  @Test
  void theApStoreAnswersBothSidesDisagreesThenConverges() throws Exception {
    List<Operation> ops = inOrder(run("cap-lww"));
    assertThat(ops).allMatch(Operation::ok);
    assertThat(ops.get(3).value()).as("n0 reads its own side's write").isEqualTo(2);
    assertThat(ops.get(4).value()).as("n2 reads the other side's").isEqualTo(3);
    assertThat(ops.subList(5, 8)).extracting(Operation::value).as("after the heal, one value everywhere").containsOnly(3);
  }

  @Test
  void theOutputShowsBothVerdicts() {
    String out = GuideTesting.output(Ch10_CapInPractice::run);
    assertThat(out).contains("cap-quorum (CP)").contains("cap-lww (AP)").contains("checker: linearizable")
        .contains("checker: NOT linearizable");
  }
}
