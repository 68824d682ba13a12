package org.bigdatalab.cap.check;

import java.util.Objects;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;

/**
 * The sequential specification a history is checked against: one register per key, which starts
 * empty ({@code null}). {@link #step} says what an operation does to the register if it is placed
 * at this point of a linearization, or that it cannot be placed here.
 */
public enum RegisterModel {
  /** Reads, writes and compare-and-set. */
  CAS_REGISTER("cas-register"),
  /** Reads and writes only: a history with a compare-and-set is refused. */
  REGISTER("register");

  /** The state {@link #step} returns for an operation that cannot be placed here. */
  public static final Object ILLEGAL = new Object() {
    @Override public String toString() { return "illegal"; }
  };

  private final String id;

  RegisterModel(String id) {
    this.id = id;
  }

  public String id() { return id; }

  public static RegisterModel byId(String id) {
    for (RegisterModel m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown model '" + id + "'; known: cas-register, register");
  }

  /** Why this model cannot check {@code op}, or null when it can. */
  public String refuses(RegisterOp op) {
    return this == REGISTER && op instanceof RegisterOp.Cas ? "the register model has no cas (use --model cas-register)" : null;
  }

  /**
   * The register after {@code op} takes effect on {@code state}, or {@link #ILLEGAL}. An {@code INFO}
   * compare-and-set that is placed at all must have succeeded (had it failed, it changed nothing,
   * which is the same as leaving it out).
   */
  public Object step(Object state, Operation op) {
    RegisterOp o = op.op();
    if (o instanceof RegisterOp.Read) {
      return op.outcome() != Outcome.OK || Objects.equals(state, op.value()) ? state : ILLEGAL;
    }
    if (o instanceof RegisterOp.Write w) {
      return w.value();
    }
    RegisterOp.Cas cas = (RegisterOp.Cas) o;
    return Objects.equals(state, cas.expected()) ? (Object) cas.value() : ILLEGAL;
  }
}
