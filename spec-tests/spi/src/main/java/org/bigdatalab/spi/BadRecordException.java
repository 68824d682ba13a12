package org.bigdatalab.spi;

import java.util.Objects;

/**
 * Thrown by a parser (or a job's map function) for a record it cannot accept. It names the field
 * and the problem; the engine or reader that knows the file and line adds them, turning it into an
 * {@link InputFormatException}.
 */
public class BadRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public BadRecordException(String field, String problem) {
    super(field + ": " + problem);
    this.field = Objects.requireNonNull(field, "field");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public String field() { return field; }
  public String problem() { return problem; }
}
