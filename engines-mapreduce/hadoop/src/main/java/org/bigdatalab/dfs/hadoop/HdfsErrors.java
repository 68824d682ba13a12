package org.bigdatalab.dfs.hadoop;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.hdfs.BlockMissingException;
import org.apache.hadoop.hdfs.protocol.AlreadyBeingCreatedException;
import org.apache.hadoop.hdfs.protocol.RecoveryInProgressException;
import org.apache.hadoop.ipc.RemoteException;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsException.Problem;
import org.bigdatalab.dfs.DfsPath;

/**
 * Hadoop's exceptions as {@link DfsException}s: the class HDFS throws (unwrapped from the
 * NameNode's {@link RemoteException}) says the problem; HDFS's message is kept as the detail.
 * An exception with no counterpart is rethrown as it is: it is a failure, not an answer.
 */
final class HdfsErrors {
  private HdfsErrors() {}

  /** HDFS's refusal to allocate a block: "could only be written to 0 of the 1 minReplication nodes. There are N datanode(s) running…". */
  private static final String NO_TARGETS = "could only be written to";
  private static final String NONE_RUNNING = "There are 0 datanode(s) running";

  static IOException map(IOException e, DfsPath path) {
    IOException u = unwrap(e);
    Problem problem = problem(u);
    if (problem == null) {
      return e;
    }
    return (DfsException) new DfsException(problem, path, u.getClass().getSimpleName() + ": " + firstLine(u.getMessage()))
        .initCause(e);
  }

  static IOException unwrap(IOException e) {
    return e instanceof RemoteException re ? re.unwrapRemoteException() : e;
  }

  private static Problem problem(IOException e) {
    if (e instanceof DfsException) {
      return ((DfsException) e).problem();
    }
    if (e instanceof FileAlreadyExistsException) {
      return Problem.ALREADY_EXISTS;
    }
    if (e instanceof ParentNotDirectoryException) {
      return Problem.PARENT_NOT_DIRECTORY;
    }
    if (e instanceof PathIsNotEmptyDirectoryException) {
      return Problem.DIRECTORY_NOT_EMPTY;
    }
    if (e instanceof AlreadyBeingCreatedException || e instanceof RecoveryInProgressException) {
      return Problem.LEASE_HELD;
    }
    if (e instanceof ChecksumException || e instanceof BlockMissingException) {
      return Problem.NO_HEALTHY_REPLICA;
    }
    if (e instanceof org.apache.hadoop.security.AccessControlException && String.valueOf(e.getMessage()).contains("(is not a directory)")) {
      // With permissions off, HDFS still reports a path through a file this way (FSPermissionChecker.checkTraverse).
      return Problem.PARENT_NOT_DIRECTORY;
    }
    if (e instanceof FileNotFoundException) {
      return Problem.NOT_FOUND;
    }
    if (e instanceof ClosedChannelException) {
      return Problem.STREAM_CLOSED;
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains(NO_TARGETS)) {
      return message.contains(NONE_RUNNING) ? Problem.NO_LIVE_DATANODES : Problem.NOT_ENOUGH_SPACE;
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
