package org.bigdatalab.dfs.spec;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.FileStatus;

/**
 * One namespace operation, run the same way on a store and on the {@link NamespaceModel}; each
 * gives an outcome as text ({@code true}, {@code false}, {@code error NOT_FOUND}, a listing…), so
 * the two compare directly and a failure prints both.
 */
public sealed interface NamespaceOp {

  /** Runs the operation on a store and describes what happened. */
  String runOn(DistributedFileSystem fs) throws IOException;

  record Mkdirs(DfsPath path) implements NamespaceOp {
    @Override public String runOn(DistributedFileSystem fs) throws IOException {
      return outcome(() -> String.valueOf(fs.mkdirs(path)));
    }
  }

  /** Creates a file of {@code size} bytes (from {@code seed}) and closes it. */
  record Create(DfsPath path, boolean overwrite, int size, int seed) implements NamespaceOp {
    public byte[] bytes() {
      byte[] data = new byte[size];
      new Random(seed).nextBytes(data);
      return data;
    }

    @Override public String runOn(DistributedFileSystem fs) throws IOException {
      return outcome(() -> {
        try (DfsOutput out = fs.create(path, overwrite)) {
          out.write(bytes());
        }
        return "true";
      });
    }
  }

  record Rename(DfsPath src, DfsPath dst) implements NamespaceOp {
    @Override public String runOn(DistributedFileSystem fs) throws IOException {
      return outcome(() -> String.valueOf(fs.rename(src, dst)));
    }
  }

  record Delete(DfsPath path, boolean recursive) implements NamespaceOp {
    @Override public String runOn(DistributedFileSystem fs) throws IOException {
      return outcome(() -> String.valueOf(fs.delete(path, recursive)));
    }
  }

  record ListStatus(DfsPath path) implements NamespaceOp {
    @Override public String runOn(DistributedFileSystem fs) throws IOException {
      return outcome(() -> listing(fs.listStatus(path)));
    }
  }

  record GetFileStatus(DfsPath path) implements NamespaceOp {
    @Override public String runOn(DistributedFileSystem fs) throws IOException {
      return outcome(() -> describe(fs.getFileStatus(path)));
    }
  }

  /** A status as text: {@code name/} for a directory, {@code name:length} for a file. */
  static String describe(FileStatus s) {
    return s.path().name() + (s.directory() ? "/" : ":" + s.length());
  }

  static String listing(List<FileStatus> statuses) {
    return statuses.stream().map(NamespaceOp::describe).sorted().toList().toString();
  }

  /** The outcome of a call: its value, or {@code error PROBLEM} for a DfsException. */
  private static String outcome(IoCall call) throws IOException {
    try {
      return call.get();
    } catch (DfsException e) {
      return "error " + e.problem();
    }
  }

  /** A call that may throw; other IOExceptions than DfsException are not outcomes but failures. */
  @FunctionalInterface
  interface IoCall {
    String get() throws IOException;
  }
}
