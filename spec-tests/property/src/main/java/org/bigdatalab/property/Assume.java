package org.bigdatalab.property;

import org.opentest4j.TestAbortedException;

/** Abandons a generated case that does not meet a precondition: it counts neither as passed nor as failed. */
public final class Assume {
  private Assume() {}

  public static void that(boolean condition) {
    if (!condition) {
      throw new Rejected();
    }
  }

  /** Outside a property (in a plain test) JUnit reports it as aborted. */
  public static final class Rejected extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    Rejected() {
      super("assumption not met");
    }
  }
}
