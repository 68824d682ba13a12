package org.bigdatalab.cap.spec;

/**
 * A client operation as a schedule draws it. Values are not drawn: the run gives every write a
 * value of its own (so a value read names the one write that made it), and a compare-and-set
 * expects the value of the write {@code back} writes before it on the same key (0 = the latest).
 */
public sealed interface CapOp {
  String key();

  record Read(String key) implements CapOp {
    @Override public String toString() { return "read " + key; }
  }

  record Write(String key) implements CapOp {
    @Override public String toString() { return "write " + key; }
  }

  record Cas(String key, int back) implements CapOp {
    @Override public String toString() { return "cas " + key + " expecting the write " + back + " back"; }
  }
}
