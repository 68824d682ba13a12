package org.bigdatalab.table;

import java.io.IOException;
import java.util.Objects;

/** Every failure a table reports, with a {@link Problem} a test or a user can act on; the message reads {@code PROBLEM table: detail}. */
public class TableException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure. */
  public enum Problem {
    /** A concurrent commit touched what this write read (Delta's ConcurrentModificationException family). */
    CONFLICT,
    /** A record breaks the schema; the detail names the record and the field. */
    SCHEMA_VIOLATION,
    /** A MERGE source row matched two target rows, or two source rows one target row. */
    MERGE_AMBIGUOUS,
    /** The version (or a version at the time) does not exist. */
    VERSION_NOT_FOUND,
    /** The version is older than the last vacuum kept. */
    VERSION_EXPIRED,
    /** The writer stopped mid-write (an injected fault, see {@link TableFaults}). */
    WRITER_CRASHED,
    /** Create of a table that exists, or open of one that does not. */
    TABLE_EXISTS,
    NOT_FOUND,
    /** Storage failed or holds something the table cannot read. */
    STORAGE
  }

  private final Problem problem;

  public TableException(Problem problem, String table, String detail) {
    this(problem, table, detail, null);
  }

  public TableException(Problem problem, String table, String detail, Throwable cause) {
    super(problem + " " + table + ": " + detail, cause);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Problem problem() { return problem; }

  /** Work on an engine that fails with a TableException or with the engine's own exceptions. */
  public interface Work<T> {
    T run() throws Exception;
  }

  /**
   * Runs {@code work} for {@code table}: a failure other than a TableException (Spark, Delta and
   * Iceberg fail with unchecked exceptions, and Scala code throws checked ones it does not declare)
   * becomes a STORAGE error with the first line of its message.
   */
  public static <T> T storageErrors(String table, Work<T> work) throws TableException {
    try {
      return work.run();
    } catch (TableException e) {
      throw e;
    } catch (Exception e) {
      String m = String.valueOf(e.getMessage());
      throw new TableException(Problem.STORAGE, table, m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m, e);
    }
  }
}
