package org.bigdatalab.dfs;

import java.util.Objects;

/**
 * An absolute path in a distributed file system's namespace, such as {@code /logs/2024/part-0}.
 * The namespace rules are HDFS's: it starts with {@code /}, its components are not empty, not
 * {@code .} or {@code ..}, and contain no {@code :} (HDFS refuses it in names). A path that breaks
 * them is refused here, with the rule it breaks, as a {@link DfsException} of
 * {@link DfsException.Problem#INVALID_PATH}.
 */
public record DfsPath(String value) implements Comparable<DfsPath> {

  public static final DfsPath ROOT = new DfsPath("/");

  public DfsPath {
    Objects.requireNonNull(value, "value");
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException("INVALID_PATH " + value + ": " + problem);
    }
  }

  /** Parses a path, throwing a {@link DfsException} (not an IllegalArgumentException) for a bad one. */
  public static DfsPath of(String value) throws DfsException {
    String problem = problem(Objects.requireNonNull(value, "value"));
    if (problem != null) {
      throw new DfsException(DfsException.Problem.INVALID_PATH, value, problem);
    }
    return new DfsPath(value);
  }

  /** Why {@code value} is not a valid path, or null when it is. */
  public static String problem(String value) {
    if (!value.startsWith("/")) {
      return "a path must be absolute (start with '/')";
    }
    if (value.equals("/")) {
      return null;
    }
    if (value.endsWith("/")) {
      return "a path must not end with '/'";
    }
    for (String part : value.substring(1).split("/", -1)) {
      if (part.isEmpty()) {
        return "empty path component ('//')";
      }
      if (part.equals(".") || part.equals("..")) {
        return "'" + part + "' is not allowed as a path component";
      }
      if (part.indexOf(':') >= 0) {
        return "':' is not allowed in a path component ('" + part + "')";
      }
    }
    return null;
  }

  public boolean isRoot() { return value.equals("/"); }

  /** The last component; empty for the root. */
  public String name() { return value.substring(value.lastIndexOf('/') + 1); }

  /** The parent directory; the root has none. */
  public DfsPath parent() {
    if (isRoot()) {
      throw new IllegalStateException("the root has no parent");
    }
    int slash = value.lastIndexOf('/');
    return slash == 0 ? ROOT : new DfsPath(value.substring(0, slash));
  }

  public DfsPath child(String name) {
    return new DfsPath(isRoot() ? "/" + name : value + "/" + name);
  }

  /** Whether this path is {@code other} or lies under it. */
  public boolean isUnder(DfsPath other) {
    return other.isRoot() || value.equals(other.value) || value.startsWith(other.value + "/");
  }

  @Override public int compareTo(DfsPath o) { return value.compareTo(o.value); }

  @Override public String toString() { return value; }
}
