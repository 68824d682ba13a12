package org.bigdatalab.lab;

/**
 * A mistake in what the user asked for or gave us (a missing file, a bad option, input that is not
 * in the job's format), as opposed to a job that ran and failed. The message is the whole story, one
 * line, naming the file, line or offset and field where there is one: {@code lab} prints it as
 * {@code lab: <message>} and exits {@value LabErrors#BAD_INPUT}, with no stack trace.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }
}
