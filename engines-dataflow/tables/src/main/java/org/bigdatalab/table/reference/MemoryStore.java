package org.bigdatalab.table.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableException;

/** A table's log and files in maps: {@code putIfAbsent} on the log map is the atomic publish. */
final class MemoryStore implements TableStore {
  private final String table;
  private final ConcurrentSkipListMap<Long, Commit> log = new ConcurrentSkipListMap<>();
  private final Map<String, List<Row>> files = new ConcurrentHashMap<>();
  private volatile Long expiredBefore;

  MemoryStore(String table) {
    this.table = table;
  }

  @Override public void writeDataFile(String path, List<Row> rows) { files.put(path, List.copyOf(rows)); }

  @Override public List<Row> readDataFile(String path) throws TableException {
    List<Row> rows = files.get(path);
    if (rows == null) {
      throw new TableException(TableException.Problem.STORAGE, table, "data file " + path + " is missing");
    }
    return rows;
  }

  @Override public void deleteDataFile(String path) { files.remove(path); }

  @Override public List<String> dataFiles() { return new ArrayList<>(files.keySet()); }

  @Override public boolean publish(Commit commit) { return log.putIfAbsent(commit.version(), commit) == null; }

  @Override public long latestVersion() { return log.isEmpty() ? -1 : log.lastKey(); }

  @Override public Commit commit(long version) throws TableException {
    Commit c = log.get(version);
    if (c == null) {
      throw new TableException(TableException.Problem.VERSION_NOT_FOUND, table, "no version " + version);
    }
    return c;
  }

  @Override public Optional<Long> expiredBefore() { return Optional.ofNullable(expiredBefore); }

  @Override public void expireBefore(long version) { expiredBefore = version; }
}
