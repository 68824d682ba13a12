package org.bigdatalab.mapreduce;

/**
 * A job that did not succeed. The message names the job and the task (e.g. {@code m-00002}); the
 * cause is the user's original exception, or an {@link org.bigdatalab.spi.InputFormatException}
 * naming file, line and field.
 */
public class JobFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public JobFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  public JobFailedException(String message) {
    super(message);
  }
}
