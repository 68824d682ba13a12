package org.bigdatalab.cap;

/** How an operation ended, in Jepsen's words. */
public enum Outcome {
  /** It took effect (a read returned its value). */
  OK,
  /** It definitely did not take effect (refused, not the leader, a compare-and-set that did not match). */
  FAIL,
  /** Unknown: it may or may not have taken effect (a timeout, a crash while it was in flight). */
  INFO
}
