package org.bigdatalab.dfs;

/**
 * How a store refuses a rename it cannot do (destination is an existing file, source missing,
 * destination's parent missing, a directory into its own subtree). Hadoop's FileSystem spec allows
 * both: HDFS's {@code rename(Path, Path)} returns false, other file systems throw. A store declares
 * which one it does, and the suite asserts that one.
 */
public enum RenameRefusal {
  /** {@code rename} returns false and changes nothing (HDFS). */
  RETURNS_FALSE,
  /** {@code rename} throws a {@link DfsException} and changes nothing. */
  THROWS
}
