package org.bigdatalab.suite.matrix;

import java.util.Locale;

/** The outcome of one clause on one engine. Order matters: the worst outcome of a clause's checks wins. */
public enum ClauseStatus {
  PASSED, UNSUPPORTED, FAILED, ERROR;

  /** The name used in the JSON report: {@code passed}, {@code failed}, {@code unsupported}, {@code error}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  ClauseStatus worse(ClauseStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
