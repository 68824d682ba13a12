package org.bigdatalab.spi;

import java.util.Objects;

/**
 * A record of the user's input that cannot be read, located precisely: the message is always
 * {@code file:line: field: problem}, so a user can open the file at the line and fix it.
 */
public final class InputFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String field;
  private final String problem;

  public InputFormatException(String file, long line, String field, String problem) {
    super(file + ":" + line + ": " + field + ": " + problem);
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1, got " + line);
    }
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.field = Objects.requireNonNull(field, "field");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** Locates a {@link BadRecordException} thrown by a parser that did not know where it was. */
  public static InputFormatException at(String file, long line, BadRecordException cause) {
    InputFormatException located = new InputFormatException(file, line, cause.field(), cause.problem());
    located.initCause(cause);
    return located;
  }

  public String file() { return file; }
  public long line() { return line; }
  public String field() { return field; }
  public String problem() { return problem; }
}
