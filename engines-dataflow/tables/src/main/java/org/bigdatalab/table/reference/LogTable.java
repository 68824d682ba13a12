package org.bigdatalab.table.reference;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bigdatalab.table.CommitInfo;
import org.bigdatalab.table.DataFile;
import org.bigdatalab.table.PendingCommit;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Snapshot;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableFaults;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;
import org.bigdatalab.table.VacuumResult;

/**
 * A table as a log of commits over immutable data files, on any {@link TableStore}: Delta's
 * design with its essentials only.
 *
 * <ol>
 *   <li>A write plans on the latest version, writes its new data files, then publishes one commit
 *       naming them (put-if-absent of the next version): files first, so a crash at any point
 *       leaves only unreferenced files, never a commit that names a missing file.</li>
 *   <li>A writer that lost the race for a version reads the commits that won; if none changed a
 *       partition it read (or removed a file it removes), it publishes on top of them, else it
 *       fails with CONFLICT. A blind append reads nothing, so it never conflicts.</li>
 *   <li>A version's files are the adds of the commits up to it minus their removes; a snapshot
 *       keeps that list, so it reads its version whatever commits later.</li>
 *   <li>Vacuum keeps every file of every version that was current at or after now - retention,
 *       records the oldest such version first (reads of older ones then fail with VERSION_EXPIRED,
 *       not with a missing file), and deletes only files the log once added: a crashed or still
 *       pending writer's files are left alone, since the DFS SPI tells no file's age.</li>
 * </ol>
 *
 * <p>The protected methods are the places the broken tables of the self-test change.
 */
class LogTable implements Table, TableFaults {
  private final String name;
  private final TableSchema schema;
  private final Clock clock;
  private final TableStore store;
  private final Planner planner;
  /** Published commits never change, so they are read once. */
  private final Map<Long, Commit> commits = new ConcurrentHashMap<>();
  private volatile int crashAfter = -1;

  LogTable(String name, TableSchema schema, Clock clock, TableStore store, Planner planner) throws IOException {
    this.name = name;
    this.schema = schema;
    this.clock = clock;
    this.store = store;
    this.planner = planner;
    if (store.latestVersion() < 0 && !store.publish(new Commit(0, clock.millis(), "CREATE TABLE", -1, List.of(), List.of()))) {
      throw new TableException(Problem.TABLE_EXISTS, name, "version 0 already exists");
    }
  }

  @Override public String name() { return name; }
  @Override public TableSchema schema() { return schema; }
  @Override public TableFaults faults() { return this; }

  @Override public void crashNextWriteAfter(int storageChanges) {
    if (storageChanges < 0) {
      throw new IllegalArgumentException("storage changes must be >= 0, got " + storageChanges);
    }
    crashAfter = storageChanges;
  }

  @Override public PendingCommit prepare(TableOperation operation) throws TableException {
    Budget budget = new Budget(crashAfter);
    crashAfter = -1;
    long base = latest();
    Plan plan = planner.plan(operation, liveFiles(base), this::rows);
    beforePublish(plan, budget);
    return new Pending(base, plan, budget);
  }

  /** Writes the plan's data files: before the commit that names them. */
  protected void beforePublish(Plan plan, Budget budget) throws TableException {
    writeFiles(plan, budget);
  }

  /** Nothing is left to do once the commit is published. */
  protected void afterPublish(Plan plan, Budget budget) throws TableException {}

  protected final void writeFiles(Plan plan, Budget budget) throws TableException {
    for (Plan.NewFile f : plan.adds()) {
      budget.change();
      storage(() -> store.writeDataFile(f.file().path(), f.rows()));
    }
  }

  /** Whether a commit that won the race makes this write's plan stale. */
  protected boolean conflicts(Commit winner, Plan mine) {
    if (winner.touchedPartitions().anyMatch(mine::read)) {
      return true;
    }
    Set<String> removed = new HashSet<>();
    winner.removes().forEach(f -> removed.add(f.path()));
    return mine.removes().stream().anyMatch(f -> removed.contains(f.path()));
  }

  private final class Pending implements PendingCommit {
    private final long readVersion;
    private final Plan plan;
    private final Budget budget;
    private boolean done;

    Pending(long readVersion, Plan plan, Budget budget) {
      this.readVersion = readVersion;
      this.plan = plan;
      this.budget = budget;
    }

    @Override public long readVersion() { return readVersion; }

    @Override public synchronized long commit() throws TableException {
      if (done) {
        throw new IllegalStateException("this write was already committed");
      }
      done = true;
      long checked = readVersion;
      while (true) {
        long latest = latest();
        for (long v = checked + 1; v <= latest; v++) {
          Commit winner = LogTable.this.commit(v);
          if (conflicts(winner, plan)) {
            throw new TableException(Problem.CONFLICT, name, plan.operation() + " planned on version " + readVersion
                + " conflicts with version " + v + " (" + winner.operation() + "), which changed what it read; retry it");
          }
        }
        checked = latest;
        Commit next = new Commit(latest + 1, clock.millis(), plan.operation(), readVersion,
            plan.adds().stream().map(Plan.NewFile::file).toList(), plan.removes());
        budget.change();
        if (storage(() -> store.publish(next))) {
          afterPublish(plan, budget);
          return next.version();
        }
      }
    }
  }

  @Override public Snapshot snapshot(ReadAt at) throws TableException {
    long version = resolve(at);
    return snapshot(version, liveFiles(version));
  }

  protected Snapshot snapshot(long version, List<DataFile> files) {
    return new LogSnapshot(version, files, schema, this::rows);
  }

  protected List<org.bigdatalab.table.Row> rows(DataFile file) throws TableException {
    return storage(() -> store.readDataFile(file.path()));
  }

  /** The version a read sees; a missing or vacuumed one fails with a clear error. */
  protected long resolve(ReadAt at) throws TableException {
    long latest = latest();
    long version;
    if (at instanceof ReadAt.Latest) {
      version = latest;
    } else if (at instanceof ReadAt.Version v) {
      version = v.version();
      if (version < 0 || version > latest) {
        throw new TableException(Problem.VERSION_NOT_FOUND, name, "no version " + version + "; versions are 0 to " + latest);
      }
    } else {
      version = versionAt(((ReadAt.Timestamp) at).time(), latest);
    }
    long expired = storage(store::expiredBefore).orElse(0L);
    if (version < expired) {
      throw new TableException(Problem.VERSION_EXPIRED, name, "version " + version + " is older than the retention"
          + " of the last vacuum, which kept versions " + expired + " to " + latest);
    }
    return version;
  }

  /** The latest version committed at or before {@code time}. */
  protected long versionAt(Instant time, long latest) throws TableException {
    long found = -1;
    for (long v = 0; v <= latest && commit(v).timestampMillis() <= time.toEpochMilli(); v++) {
      found = v;
    }
    if (found < 0) {
      throw new TableException(Problem.VERSION_NOT_FOUND, name, "no version at or before " + time
          + "; the table was created at " + Instant.ofEpochMilli(commit(0).timestampMillis()));
    }
    return found;
  }

  @Override public List<CommitInfo> history() throws TableException {
    List<CommitInfo> history = new ArrayList<>();
    long latest = latest();
    for (long v = 0; v <= latest; v++) {
      Commit c = commit(v);
      history.add(new CommitInfo(v, Instant.ofEpochMilli(c.timestampMillis()), c.operation()));
    }
    return history;
  }

  @Override public VacuumResult vacuum(Duration retention) throws TableException {
    Instant horizon = clock.instant().minus(retention);
    long latest = latest();
    long oldest = Math.max(oldestRetained(horizon, latest), storage(store::expiredBefore).orElse(0L));
    Set<String> needed = new HashSet<>();
    Set<String> everAdded = new HashSet<>();
    for (long v = 0; v <= latest; v++) {
      commit(v).adds().forEach(f -> everAdded.add(f.path()));
      if (v >= oldest) {
        liveFiles(v).forEach(f -> needed.add(f.path()));
      }
    }
    storage(() -> store.expireBefore(oldest));
    List<String> deleted = new ArrayList<>();
    for (String file : storage(store::dataFiles)) {
      if (everAdded.contains(file) && !needed.contains(file)) {
        storage(() -> store.deleteDataFile(file));
        deleted.add(file);
      }
    }
    return new VacuumResult(horizon, deleted);
  }

  /** The oldest version current at or after the horizon: the next one was committed after it. */
  protected long oldestRetained(Instant horizon, long latest) throws TableException {
    long v = 0;
    while (v < latest && commit(v + 1).timestampMillis() <= horizon.toEpochMilli()) {
      v++;
    }
    return v;
  }

  protected List<DataFile> liveFiles(long version) throws TableException {
    Map<String, DataFile> live = new LinkedHashMap<>();
    for (long v = 0; v <= version; v++) {
      Commit c = commit(v);
      c.adds().forEach(f -> live.put(f.path(), f));
      c.removes().forEach(f -> live.remove(f.path()));
    }
    return new ArrayList<>(live.values());
  }

  private long latest() throws TableException {
    return storage(store::latestVersion);
  }

  private Commit commit(long version) throws TableException {
    Commit cached = commits.get(version);
    if (cached == null) {
      cached = storage(() -> store.commit(version));
      commits.put(version, cached);
    }
    return cached;
  }

  /** How many more storage changes the current write may make before its injected crash. */
  static final class Budget {
    private int left;

    Budget(int left) {
      this.left = left;
    }

    void change() throws TableException {
      if (left == 0) {
        left = -1;
        throw new TableException(Problem.WRITER_CRASHED, "(writer)", "injected crash before a storage change");
      }
      if (left > 0) {
        left--;
      }
    }
  }

  interface StorageCall<T> {
    T call() throws IOException;
  }

  interface StorageAction {
    void run() throws IOException;
  }

  private <T> T storage(StorageCall<T> call) throws TableException {
    try {
      return call.call();
    } catch (TableException e) {
      throw e;
    } catch (IOException e) {
      throw new TableException(Problem.STORAGE, name, e.getMessage(), e);
    }
  }

  private void storage(StorageAction action) throws TableException {
    storage(() -> {
      action.run();
      return null;
    });
  }
}
