package org.bigdatalab.cap;

import java.util.Objects;

/**
 * An operation on one key's register: read it, write it, or compare-and-set it. Values are ints,
 * as in Jepsen's Knossos histories; a register nobody wrote holds {@code null}.
 */
public sealed interface RegisterOp {

  String key();

  /** The function's name as Knossos spells it: read, write or cas. */
  String f();

  record Read(String key) implements RegisterOp {
    public Read { Objects.requireNonNull(key, "key"); }
    @Override public String f() { return "read"; }
    @Override public String toString() { return "read " + key; }
  }

  record Write(String key, int value) implements RegisterOp {
    public Write { Objects.requireNonNull(key, "key"); }
    @Override public String f() { return "write"; }
    @Override public String toString() { return "write " + key + "=" + value; }
  }

  /** Sets {@code value} only if the register holds {@code expected}; otherwise it fails and changes nothing. */
  record Cas(String key, int expected, int value) implements RegisterOp {
    public Cas { Objects.requireNonNull(key, "key"); }
    @Override public String f() { return "cas"; }
    @Override public String toString() { return "cas " + key + " " + expected + "->" + value; }
  }
}
