package org.bigdatalab.dataflow;

/**
 * An action that did not succeed. The message names the stage and the partition whose task failed,
 * e.g. {@code stage 1 (reduceByKey) partition 3 failed: …}; the cause is the user's original exception.
 */
public class DataflowFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public DataflowFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
