package org.bigdatalab.table.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.FileStatus;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableException;

/**
 * A table as a directory of a DFS store: data files under their partition directories
 * ({@code region=eu/part-<uuid>.jsonl}) and the log in {@code _log/} as one file per version,
 * {@code 00000000000000000007.json}. Publishing writes the commit to a temporary file and renames
 * it onto the version's name: a rename never replaces an existing file on HDFS (or our stores),
 * so that is the put-if-absent (Delta's HDFSLogStore does the same).
 */
final class DfsStore implements TableStore {
  private final DistributedFileSystem fs;
  private final DfsPath root;
  private final DfsPath log;
  private final JsonCodec codec;
  private final String table;

  DfsStore(DistributedFileSystem fs, DfsPath root, JsonCodec codec) throws IOException {
    this.fs = fs;
    this.root = root;
    this.log = root.child("_log");
    this.codec = codec;
    this.table = root.value();
    fs.mkdirs(log);
  }

  @Override public void writeDataFile(String path, List<Row> rows) throws IOException {
    write(resolve(path), codec.rows(rows));
  }

  @Override public List<Row> readDataFile(String path) throws IOException {
    DfsPath file = resolve(path);
    try {
      return codec.rows(file.value(), read(file));
    } catch (DfsException e) {
      throw new TableException(TableException.Problem.STORAGE, table, "data file " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override public void deleteDataFile(String path) throws IOException { fs.delete(resolve(path), false); }

  @Override public List<String> dataFiles() throws IOException {
    List<String> files = new ArrayList<>();
    collect(root, files);
    return files;
  }

  private void collect(DfsPath dir, List<String> into) throws IOException {
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.directory() && !s.path().equals(log)) {
        collect(s.path(), into);
      } else if (s.isFile()) {
        into.add(s.path().value().substring(root.value().length() + 1));
      }
    }
  }

  @Override public boolean publish(Commit commit) throws IOException {
    DfsPath temp = log.child(".tmp-" + UUID.randomUUID() + ".json");
    write(temp, codec.commit(commit));
    boolean renamed;
    try {
      renamed = fs.rename(temp, commitFile(commit.version()));
    } catch (DfsException e) {
      if (e.problem() != DfsException.Problem.ALREADY_EXISTS) {
        throw e;
      }
      renamed = false;
    }
    if (!renamed) {
      fs.delete(temp, false);
    }
    return renamed;
  }

  @Override public long latestVersion() throws IOException {
    long latest = -1;
    for (FileStatus s : fs.listStatus(log)) {
      String name = s.path().name();
      if (name.matches("\\d{20}\\.json")) {
        latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
      }
    }
    return latest;
  }

  @Override public Commit commit(long version) throws IOException {
    DfsPath file = commitFile(version);
    if (!fs.exists(file)) {
      throw new TableException(TableException.Problem.VERSION_NOT_FOUND, table, "no version " + version);
    }
    return codec.commit(file.value(), read(file));
  }

  @Override public Optional<Long> expiredBefore() throws IOException {
    DfsPath file = log.child("_expired-before");
    return fs.exists(file) ? Optional.of(Long.parseLong(new String(read(file), java.nio.charset.StandardCharsets.UTF_8).trim()))
        : Optional.empty();
  }

  @Override public void expireBefore(long version) throws IOException {
    DfsPath file = log.child("_expired-before");
    try (DfsOutput out = fs.create(file, true)) {
      out.write(Long.toString(version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private DfsPath commitFile(long version) { return log.child(String.format("%020d.json", version)); }

  private DfsPath resolve(String relative) { return new DfsPath(root.value() + "/" + relative); }

  private void write(DfsPath file, byte[] bytes) throws IOException {
    try (DfsOutput out = fs.create(file, false)) {
      out.write(bytes);
    }
  }

  private byte[] read(DfsPath file) throws IOException {
    try (DfsInput in = fs.open(file)) {
      return in.readRemaining();
    }
  }
}
