package org.bigdatalab.table.reference;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.table.DataFile;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.ScanResult;
import org.bigdatalab.table.Snapshot;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;

/**
 * Deliberately broken tables, each wrong in one classic way. {@link TableSelfTest} shows that the
 * matching clause catches each: a clause no broken table fails has no teeth.
 */
final class BrokenTables {
  private BrokenTables() {}

  private static EngineInfo described(String id, String what) {
    return EngineInfo.builder(id, Topic.TABLE).kind(EngineInfo.Kind.BROKEN).description(what).build();
  }

  /** A table-log whose tables are made by {@link #broken}. */
  abstract static class BrokenLogTables extends LogTables {
    @Override protected LogTable table(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
      return broken(name, schema, clock, store);
    }

    abstract LogTable broken(String name, TableSchema schema, Clock clock, TableStore store) throws IOException;
  }

  /** Publishes the commit, then writes the files it names: a crash in between leaves a version with missing files. */
  static final class LogBeforeData extends BrokenLogTables {
    @Override public EngineInfo info() { return described("broken-log-before-data", "publishes the commit before its data files"); }

    @Override LogTable broken(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
      return new LogTable(name, schema, clock, store, new Planner(name, schema)) {
        @Override protected void beforePublish(Plan plan, Budget budget) {}
        @Override protected void afterPublish(Plan plan, Budget budget) throws TableException { writeFiles(plan, budget); }
      };
    }
  }

  /** Rebases every lost race onto the winner without looking at what the winner changed. */
  static final class IgnoresConflicts extends BrokenLogTables {
    @Override public EngineInfo info() { return described("broken-ignores-conflicts", "commits on top of any winner, unchecked"); }

    @Override LogTable broken(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
      return new LogTable(name, schema, clock, store, new Planner(name, schema)) {
        @Override protected boolean conflicts(Commit winner, Plan mine) { return false; }
      };
    }
  }

  /** A snapshot that lists the log again whenever it reads: it drifts to the latest version. */
  static final class RelistingSnapshots extends BrokenLogTables {
    @Override public EngineInfo info() { return described("broken-relisting-snapshot", "snapshots read the latest files"); }

    @Override LogTable broken(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
      return new LogTable(name, schema, clock, store, new Planner(name, schema)) {
        @Override protected Snapshot snapshot(long version, List<DataFile> files) {
          LogTable table = this;
          return new Snapshot() {
            @Override public long version() { return version; }
            @Override public ScanResult scan(Predicate where) throws TableException {
              long latest = table.resolve(ReadAt.latest());
              return new LogSnapshot(latest, table.liveFiles(latest), schema, table::rows).scan(where);
            }
          };
        }
      };
    }
  }

  /** For a time, picks the first version committed at or after it, not the last at or before. */
  static final class TimeTravelRoundsUp extends BrokenLogTables {
    @Override public EngineInfo info() { return described("broken-time-travel-rounds-up", "TIMESTAMP AS OF picks the next version"); }

    @Override LogTable broken(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
      return new LogTable(name, schema, clock, store, new Planner(name, schema)) {
        @Override protected long versionAt(Instant time, long latest) throws TableException {
          for (long v = 0; v <= latest; v++) {
            if (!history().get((int) v).timestamp().isBefore(time)) {
              return v;
            }
          }
          return latest;
        }
      };
    }
  }

  /** Applies every source row that matches a target row, so a duplicate key updates it twice. */
  static final class MergeAppliesDuplicatesTwice extends BrokenLogTables {
    @Override public EngineInfo info() { return described("broken-merge-duplicates", "MERGE applies duplicate source rows twice"); }

    @Override LogTable broken(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
      return new LogTable(name, schema, clock, store, new Planner(name, schema) {
        @Override protected void checkMatches(TableOperation.Merge m, List<Row> source, List<Target> targets, int[] perSource) {}
      });
    }
  }

  /** Opens every file of the version, whatever the predicate. */
  static final class NoPruning extends BrokenLogTables {
    @Override public EngineInfo info() { return described("broken-no-pruning", "scans open every file"); }

    @Override LogTable broken(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
      return new LogTable(name, schema, clock, store, new Planner(name, schema)) {
        @Override protected Snapshot snapshot(long version, List<DataFile> files) {
          return new LogSnapshot(version, files, schema, this::rows) {
            @Override protected boolean mayHold(DataFile file, Predicate where) { return true; }
          };
        }
      };
    }
  }

  /** Vacuum keeps only the latest version's files, whatever the retention. */
  static final class VacuumIgnoresRetention extends BrokenLogTables {
    @Override public EngineInfo info() { return described("broken-vacuum-ignores-retention", "vacuum keeps only the latest version"); }

    @Override LogTable broken(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
      return new LogTable(name, schema, clock, store, new Planner(name, schema)) {
        @Override protected long oldestRetained(Instant horizon, long latest) { return latest; }
      };
    }
  }

  /** Drops records that break the schema and writes the rest, silently. */
  static final class SkipsBadRecords extends BrokenLogTables {
    @Override public EngineInfo info() { return described("broken-skips-bad-records", "writes the good records, drops the bad"); }

    @Override LogTable broken(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
      return new LogTable(name, schema, clock, store, new Planner(name, schema) {
        @Override protected List<Row> checked(List<Row> rows, String what) {
          return rows.stream().filter(r -> {
            try {
              schema().check(r);
              return true;
            } catch (RuntimeException e) {
              return false;
            }
          }).toList();
        }
      });
    }
  }
}
