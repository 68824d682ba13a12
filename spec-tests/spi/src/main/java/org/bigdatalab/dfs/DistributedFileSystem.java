package org.bigdatalab.dfs;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A running distributed file system: one NameNode's namespace over the DataNodes of a
 * {@link ClusterSpec}. Its operations follow Hadoop's {@code FileSystem}; see {@link DfsClauses}
 * for everything a store promises. Closing it stops the cluster and drops its data.
 */
public interface DistributedFileSystem extends Closeable {

  ClusterSpec cluster();

  /** Opens a new file for writing, creating missing parent directories. */
  DfsOutput create(DfsPath path, boolean overwrite) throws IOException;

  /** Opens an existing, closed file to add bytes after its end. */
  DfsOutput append(DfsPath path) throws IOException;

  DfsInput open(DfsPath path) throws IOException;

  /** Creates the directory and its missing parents; true when it exists as a directory afterwards. */
  boolean mkdirs(DfsPath path) throws IOException;

  /**
   * Moves {@code src} to {@code dst} atomically; when {@code dst} is an existing directory, to
   * {@code dst/name(src)}. Refusals follow {@link DfsEngine#renameRefusal()}.
   */
  boolean rename(DfsPath src, DfsPath dst) throws IOException;

  /** Deletes a file or directory; false when it did not exist; a non-empty directory needs {@code recursive}. */
  boolean delete(DfsPath path, boolean recursive) throws IOException;

  /** The children of a directory (in no promised order), or the file's own status for a file. */
  List<FileStatus> listStatus(DfsPath path) throws IOException;

  FileStatus getFileStatus(DfsPath path) throws IOException;

  default boolean exists(DfsPath path) throws IOException {
    try {
      getFileStatus(path);
      return true;
    } catch (DfsException e) {
      if (e.problem() == DfsException.Problem.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /** The blocks of a file, in order, with the replicas on live DataNodes. */
  List<BlockLocation> blockLocations(DfsPath file) throws IOException;

  DfsFaults faults();

  /**
   * The path as a URI that Hadoop's own client can open from any JVM (for HDFS,
   * {@code hdfs://namenode:port/...}), so a real MapReduce job can read it directly; empty, the
   * default, for a store that lives only in this JVM.
   */
  default java.util.Optional<java.net.URI> hadoopUri(DfsPath path) {
    return java.util.Optional.empty();
  }
}
