package org.bigdatalab.guide;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.cap.check.Budget;
import org.bigdatalab.cap.check.LinearizabilityChecker;
import org.bigdatalab.cap.check.RegisterModel;
import org.bigdatalab.cap.check.Verdict;

/*
 * Why: the seed says "choose 2 out of 3; most big data systems choose AP". A network partition is
 * not something a system chooses to have: it happens. While it lasts, a store must either refuse
 * some requests (give up availability) or answer them without agreement (give up consistency). The
 * clearest way to see it is one partition, scripted, against a CP store and an AP store.
 *
 * How: both stores run on the same deterministic simulated network (3 nodes, 5 ms a message), so
 * every run prints the same thing. The script: a client at n1 writes x=1; n0 is cut off; after a
 * second, a client at n0 writes x=2 and a client at n1 writes x=3; both sides read; the network
 * heals; everyone reads again. Then each history goes through the linearizability checker.
 */
public final class Ch10_CapInPractice {
  static final List<String> STORES = List.of("cap-quorum", "cap-lww");

  private Ch10_CapInPractice() {}

  // tag::script[]
  /** The same partition, step by step, on any store; returns what the clients saw. */
  static History partitionScript(CapEngine store) {
    return partitionScript(store, 0);
  }

  /** The script with n0's write {@code minorityDelay} ms after n1's (the exercise's variant). */
  static History partitionScript(CapEngine store, long minorityDelay) {
    try (Cluster c = store.start(ClusterConfig.of(3, 42))) {
      c.runFor(500);                                // a leader is elected (CP); nothing to do (AP)
      c.invoke(1, new RegisterOp.Write("x", 1));
      c.runFor(200);
      c.network().partition(Set.of(0));             // n0 alone | n1, n2
      c.runFor(1000);
      c.invoke(1, new RegisterOp.Write("x", 3));    // majority side
      c.runFor(minorityDelay);                      // 0 here; the exercise tries 100
      c.invoke(0, new RegisterOp.Write("x", 2));    // minority side
      c.runFor(700 - minorityDelay);
      c.invoke(0, new RegisterOp.Read("x"));
      c.invoke(2, new RegisterOp.Read("x"));
      c.runFor(700);
      c.network().heal();
      c.runFor(1000);
      for (int n = 0; n < 3; n++) {
        c.invoke(n, new RegisterOp.Read("x"));
      }
      c.runFor(700);
      return c.history();
    }
  }
  // end::script[]

  /** Operations in the order the script sent them: by time, then by node. */
  static List<Operation> inScriptOrder(History history) {
    return history.operations().stream()
        .sorted(java.util.Comparator.comparingLong(Operation::invokedAt).thenComparingInt(Operation::node)).toList();
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    LinearizabilityChecker checker = new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.SPEC);
    for (String id : STORES) {
      try (CapEngine store = GuideEngines.create(id, CapEngine.class)) {
        History history = partitionScript(store);
        out.printf("%s (%s)%n", id, store.consistency());
        for (Operation o : inScriptOrder(history)) {
          String latency = o.completedAt() == Long.MAX_VALUE ? "never answered" : o.latency() + " ms";
          String read = o.ok() && o.op() instanceof RegisterOp.Read ? " -> " + o.value() : "";
          out.printf("  t=%-5d client at n%d: %-9s%-6s %-5s (%s)%n", o.invokedAt(), o.node(), o.op(), read,
              o.outcome().name().toLowerCase(java.util.Locale.ROOT), latency);
        }
        Verdict verdict = checker.check(history);
        if (verdict instanceof Verdict.NotLinearizable n) {
          out.printf("  checker: NOT linearizable; these %d operations cannot be ordered:%n%s", n.unorderable().size(),
              n.timeline().indent(2));
        } else {
          out.printf("  checker: %s%n", verdict.linearizable() ? "linearizable" : verdict);
        }
        out.println();
      }
    }
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl guide exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch10_CapInPractice
end::run[]
 */
