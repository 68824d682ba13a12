package org.bigdatalab.cap.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;
import org.junit.jupiter.api.Test;

/** Hand-made histories, each small enough to see by eye whether it is linearizable. */
class LinearizabilityCheckerTest {
  private static final LinearizabilityChecker CAS = new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.SPEC);

  private static Verdict check(String edn) {
    return CAS.check(EdnHistory.read("test.edn", edn));
  }

  @Test
  void aReadConcurrentWithAWriteMaySeeIt() {
    assertThat(check("""
        {:process 0, :type :invoke, :f :write, :value 1}
        {:process 1, :type :invoke, :f :read, :value nil}
        {:process 0, :type :ok, :f :write, :value 1}
        {:process 1, :type :ok, :f :read, :value 1}
        """)).isEqualTo(new Verdict.Linearizable(2));
  }

  @Test
  void aStaleReadIsNotLinearizableAndExplainedByTheThreeOperationsInvolved() {
    Verdict v = check("""
        {:process 0, :type :invoke, :f :write, :value 1}
        {:process 0, :type :ok, :f :write, :value 1}
        {:process 2, :type :invoke, :f :read, :value nil}
        {:process 2, :type :ok, :f :read, :value 1}
        {:process 0, :type :invoke, :f :write, :value 2}
        {:process 0, :type :ok, :f :write, :value 2}
        {:process 1, :type :invoke, :f :read, :value nil}
        {:process 1, :type :ok, :f :read, :value 1}
        """);
    assertThat(v).isInstanceOf(Verdict.NotLinearizable.class);
    Verdict.NotLinearizable n = (Verdict.NotLinearizable) v;
    assertThat(n.minimal()).isTrue();
    assertThat(n.unorderable()).extracting(o -> o.op().toString()).containsExactly(
        "write register=1", "write register=2", "read register");
    assertThat(n.timeline()).contains("p0 write register=2 ok").contains("p1 read register -> 1 ok").contains("[--");
  }

  @Test
  void anUnknownWriteMayOrMayNotHaveHappenedButNotBoth() {
    String infoWrite = """
        {:process 0, :type :invoke, :f :write, :value 1}
        {:process 0, :type :info, :f :write, :value 1}
        """;
    assertThat(check(infoWrite + "{:process 1, :type :invoke, :f :read}\n{:process 1, :type :ok, :f :read, :value 1}\n")
        .linearizable()).as("it happened").isTrue();
    assertThat(check(infoWrite + "{:process 1, :type :invoke, :f :read}\n{:process 1, :type :ok, :f :read, :value nil}\n")
        .linearizable()).as("it did not (yet)").isTrue();
    assertThat(check(infoWrite + """
        {:process 1, :type :invoke, :f :read}
        {:process 1, :type :ok, :f :read, :value 1}
        {:process 1, :type :invoke, :f :read}
        {:process 1, :type :ok, :f :read, :value nil}
        """).linearizable()).as("seen, then unseen").isFalse();
  }

  @Test
  void aFailedOperationDidNotHappen() {
    assertThat(check("""
        {:process 0, :type :invoke, :f :write, :value 5}
        {:process 0, :type :fail, :f :write, :value 5}
        {:process 1, :type :invoke, :f :read}
        {:process 1, :type :ok, :f :read, :value 5}
        """).linearizable()).isFalse();
  }

  @Test
  void compareAndSetSucceedsOnlyOnTheExpectedValue() {
    String written = "{:process 0, :type :invoke, :f :write, :value 0}\n{:process 0, :type :ok, :f :write, :value 0}\n";
    String cas = "{:process 0, :type :invoke, :f :cas, :value [0 1]}\n{:process 0, :type :ok, :f :cas, :value [0 1]}\n";
    String read = "{:process 1, :type :invoke, :f :read}\n{:process 1, :type :ok, :f :read, :value 1}\n";
    assertThat(check(written + cas + read).linearizable()).isTrue();
    assertThat(check(cas + read).linearizable()).as("cas on an empty register").isFalse();
    assertThatThrownBy(() -> new LinearizabilityChecker(RegisterModel.REGISTER, Budget.SPEC)
        .check(EdnHistory.read("t.edn", cas))).hasMessageContaining("register model has no cas");
  }

  @Test
  void keysAreCheckedApartAndTheBrokenOneIsNamed() {
    Verdict v = check("""
        {:process 0, :type :invoke, :f :write, :value 1, :key "x"}
        {:process 0, :type :ok, :f :write, :value 1, :key "x"}
        {:process 1, :type :invoke, :f :read, :key "y"}
        {:process 1, :type :ok, :f :read, :value 1, :key "y"}
        {:process 1, :type :invoke, :f :read, :key "x"}
        {:process 1, :type :ok, :f :read, :value 1, :key "x"}
        """);
    assertThat(v).isInstanceOfSatisfying(Verdict.NotLinearizable.class, n -> assertThat(n.key()).isEqualTo("y"));
  }

  /** Twenty concurrent unknown writes and an impossible read: more configurations than either budget allows. */
  @Test
  void overItsBudgetTheAnswerIsUnknownWithProgress() {
    List<Operation> ops = new ArrayList<>();
    for (int p = 0; p < 20; p++) {
      ops.add(new Operation(p, -1, new RegisterOp.Write("k", p), Outcome.INFO, null, p, Long.MAX_VALUE));
    }
    ops.add(new Operation(20, -1, new RegisterOp.Read("k"), Outcome.OK, 99, 30, 31));
    History history = new History(ops);
    Verdict byMemory = new LinearizabilityChecker(RegisterModel.CAS_REGISTER, new Budget(Duration.ofSeconds(30), 1))
        .check(history);
    assertThat(byMemory).isInstanceOfSatisfying(Verdict.Unknown.class, u -> assertThat(u.progress())
        .contains("memory limit").contains("configurations explored").contains("key k"));
    Verdict byTime = new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.of(Duration.ofMillis(1))).check(history);
    assertThat(byTime).isInstanceOfSatisfying(Verdict.Unknown.class, u -> assertThat(u.progress()).contains("time limit"));
  }
}
