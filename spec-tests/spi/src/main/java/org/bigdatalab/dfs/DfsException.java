package org.bigdatalab.dfs;

import java.io.IOException;
import java.util.Objects;

/**
 * Every failure a store reports: what went wrong (a {@link Problem} a test or a user can act on),
 * on which path, and why in words. The message reads {@code PROBLEM path: detail}.
 */
public class DfsException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure; each names its Hadoop counterpart where there is one. */
  public enum Problem {
    /** FileNotFoundException: the path (or a parent) does not exist. */
    NOT_FOUND,
    /** FileAlreadyExistsException: create without overwrite, or mkdirs over a file. */
    ALREADY_EXISTS,
    /** ParentNotDirectoryException: a parent on the path is a file. */
    PARENT_NOT_DIRECTORY,
    /** A directory where a file is needed (open, append, create over a directory). */
    NOT_A_FILE,
    /** PathIsNotEmptyDirectoryException: non-recursive delete of a non-empty directory. */
    DIRECTORY_NOT_EMPTY,
    /** InvalidPathException: the path breaks the namespace rules (see {@link DfsPath}). */
    INVALID_PATH,
    /** AlreadyBeingCreatedException / lease conflict: the file already has a writer. */
    LEASE_HELD,
    /** No live DataNode to write to. */
    NO_LIVE_DATANODES,
    /** The live DataNodes have no room for the next block. */
    NOT_ENOUGH_SPACE,
    /** ChecksumException / BlockMissingException: no healthy replica of a block is reachable. */
    NO_HEALTHY_REPLICA,
    /** The stream was closed; closed bytes never change. */
    STREAM_CLOSED
  }

  private final Problem problem;
  private final String path;

  public DfsException(Problem problem, String path, String detail) {
    super(problem + " " + path + ": " + detail);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.path = Objects.requireNonNull(path, "path");
  }

  public DfsException(Problem problem, DfsPath path, String detail) {
    this(problem, path.value(), detail);
  }

  public Problem problem() { return problem; }
  public String path() { return path; }
}
