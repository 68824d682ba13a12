package org.bigdatalab.suite.faults;

/** One step of a schedule: a client's operation sent to a node, or a fault. */
public sealed interface Step<O> {

  /** A client operation {@code op} sent to {@code node}. */
  record Client<O>(int node, O op) implements Step<O> {
    @Override
    public String toString() {
      return "client -> n" + node + ": " + op;
    }
  }

  /** A fault injected between client operations. */
  record Inject<O>(Fault fault) implements Step<O> {
    @Override
    public String toString() {
      return fault.toString();
    }
  }
}
