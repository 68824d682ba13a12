package org.bigdatalab.streaming;

/** A job that could not run to the end (a user function threw, or the engine broke); the cause is the original error. */
public class StreamingFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public StreamingFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
