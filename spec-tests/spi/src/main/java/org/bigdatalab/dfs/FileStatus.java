package org.bigdatalab.dfs;

import java.util.Objects;

/**
 * What {@code getFileStatus} and {@code listStatus} say of a path. For a directory the length is
 * 0 and blockSize and replication are 0 too (as HDFS reports them).
 */
public record FileStatus(DfsPath path, boolean directory, long length, long blockSize, int replication) {
  public FileStatus {
    Objects.requireNonNull(path, "path");
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length + " for " + path);
    }
  }

  public static FileStatus directory(DfsPath path) { return new FileStatus(path, true, 0, 0, 0); }

  public boolean isFile() { return !directory; }
}
