package org.bigdatalab.workloads;

import java.util.Objects;
import org.bigdatalab.spi.InputFormatException;

/**
 * A line a reader set aside in {@link BadLinePolicy#SKIP} mode, with where it was, why it was
 * refused and its text, so skipped input can be reported, fixed or replayed, never just lost.
 */
public record BadLine(String file, long line, String field, String problem, String text) {
  public BadLine {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(text, "text");
  }

  /** {@code file:line: field: problem}, the same message FAIL mode would have thrown. */
  public String message() {
    return file + ":" + line + ": " + field + ": " + problem;
  }

  public InputFormatException toException() {
    return new InputFormatException(file, line, field, problem);
  }
}
