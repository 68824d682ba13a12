package org.bigdatalab.mapreduce.hadoop;

/**
 * An exception thrown inside a Hadoop task, rebuilt on the client: Hadoop's task JVMs (or
 * LocalJobRunner's threads) only hand back text, so the engine records each failed attempt's
 * cause chain (class, message, stack trace) and rebuilds it here, as Hadoop's own
 * {@code RemoteException} does for RPC errors. {@link #getMessage()} is the original message, so
 * {@code hasRootCauseMessage("…")} style checks see what the user's code threw.
 */
public final class RemoteTaskException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String className;

  public RemoteTaskException(String className, String message) {
    super(message);
    this.className = className;
  }

  /** The class of the exception the task threw, e.g. {@code java.lang.IllegalStateException}. */
  public String className() {
    return className;
  }

  @Override
  public String toString() {
    String message = getMessage();
    return message == null ? className : className + ": " + message;
  }
}
