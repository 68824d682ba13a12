package org.bigdatalab.table.delta;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistory;
import org.bigdatalab.table.CommitInfo;
import org.bigdatalab.table.MergePlannedAtCommit;
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
 * One Delta table. How the SPI maps onto Delta, and where they differ:
 *
 * <ol>
 *   <li>Append, partition overwrite and delete are Delta transactions split at the commit
 *       ({@link DeltaWrites}), so two prepared writes race through Delta's own conflict checker.
 *       Tables are created with {@code delta.isolationLevel = Serializable}: under Delta's default,
 *       WriteSerializable, a delete may commit after a blind append that added rows it matches, as
 *       though it had run first; the spec wants the commit order.
 *   <li>MERGE is {@code DeltaTable.merge(...)}, which plans and commits in one call: a prepared MERGE
 *       is planned when it commits, on the latest version, so it never fails with CONFLICT against
 *       a writer of this JVM. The adapter refuses the ambiguous matches Delta lets through ({@link DeltaMerge}).
 *   <li>Reads pin a Delta snapshot and read rows from the files Delta's scan planning picks for the
 *       predicate ({@link DeltaSnapshot}); never {@code count()}, which Delta answers from the log.
 *   <li>Commit times are the storage's (Delta's), not the spec's scripted clock.
 *   <li>Vacuum's retention is exact to the millisecond and counted from the commit that removed a
 *       file ({@link DeltaVacuum}); Delta rounds it to whole hours and counts from the removal's stamp.
 * </ol>
 */
final class DeltaLakeTable implements Table {
  private final SparkSession spark;
  private final String name;
  private final String path;
  private final TableSchema schema;
  private final DeltaWrites writes;
  private final DeltaMerge merges;

  private DeltaLakeTable(SparkSession spark, String name, String path, TableSchema schema) {
    this.spark = spark;
    this.name = name;
    this.path = path;
    this.schema = schema;
    this.writes = new DeltaWrites(spark, name, path, schema);
    this.merges = new DeltaMerge(writes);
  }

  static DeltaLakeTable create(SparkSession spark, String name, String path, TableSchema schema) throws TableException {
    try {
      io.delta.tables.DeltaTable.create(spark).location(path).addColumns(SparkRows.structOf(schema))
          .partitionedBy(schema.partitionColumns().toArray(String[]::new))
          .property("delta.isolationLevel", "Serializable")
          .execute();
    } catch (RuntimeException e) {
      throw new TableException(Problem.STORAGE, name, "create at " + path + ": " + DeltaWrites.firstLine(e), e);
    }
    return new DeltaLakeTable(spark, name, path, schema);
  }

  @Override public String name() { return name; }
  @Override public TableSchema schema() { return schema; }

  @Override public PendingCommit prepare(TableOperation operation) throws TableException {
    try {
      if (operation instanceof TableOperation.Append a) {
        return writes.append(a);
      } else if (operation instanceof TableOperation.OverwritePartition o) {
        return writes.overwrite(o);
      } else if (operation instanceof TableOperation.Delete d) {
        return writes.delete(d);
      }
      TableOperation.Merge m = (TableOperation.Merge) operation;
      writes.checked(m.source(), "MERGE source", null);
      return new MergePlannedAtCommit(name, () -> writes.log().update(false, Scala.none(), Scala.none()).version(),
          () -> merges.run(m));
    } catch (TableException e) {
      throw e;
    } catch (Exception e) { // Delta's AnalysisExceptions are checked, though Scala does not declare them
      throw new TableException(Problem.STORAGE, name, operation + ": " + DeltaWrites.firstLine(e), e);
    }
  }

  /** Prepare and commit, reporting an injected crash as the writer's death it stands for. */
  @Override public long write(TableOperation operation) throws TableException {
    try {
      return TableException.storageErrors(name, () -> prepare(operation).commit());
    } catch (TableException e) {
      if (CrashingLocalFileSystem.disarm()) {
        throw new TableException(Problem.WRITER_CRASHED, name, operation + ": " + e.getMessage(), e);
      }
      throw e;
    } finally {
      CrashingLocalFileSystem.disarm();
    }
  }

  @Override public Snapshot snapshot(ReadAt at) throws TableException {
    return TableException.storageErrors(name, () -> DeltaSnapshot.pin(spark, name, writes.log(), version(at), schema));
  }

  private long version(ReadAt at) throws TableException {
    long latest = writes.log().update(false, Scala.none(), Scala.none()).version();
    if (at instanceof ReadAt.Version v) {
      if (v.version() < 0 || v.version() > latest) {
        throw new TableException(Problem.VERSION_NOT_FOUND, name, "no version " + v.version() + " (latest is " + latest + ")");
      }
      return v.version();
    }
    if (at instanceof ReadAt.Timestamp t) {
      try {
        // Delta's own resolution of TIMESTAMP AS OF, allowed to answer the latest commit for a later time
        // (the SQL form refuses a time after the last commit, since the table may still change).
        return writes.log().history().getActiveCommitAtTime(Timestamp.from(t.time()), Scala.none(), true, true, false).version();
      } catch (Exception e) { // Delta's AnalysisExceptions are checked, though Scala does not declare them
        throw new TableException(Problem.VERSION_NOT_FOUND, name, "no version at " + t.time() + ": " + DeltaWrites.firstLine(e), e);
      }
    }
    return latest;
  }

  @Override public List<CommitInfo> history() throws TableException {
    return TableException.storageErrors(name, () -> {
      List<CommitInfo> out = new ArrayList<>();
      for (DeltaHistory h : Scala.list(writes.log().history().getHistory(Scala.none()))) {
        out.add(0, new CommitInfo((Long) h.version().get(), h.timestamp().toInstant(), h.operation()));
      }
      return out;
    });
  }

  @Override public VacuumResult vacuum(Duration retention) throws TableException {
    return TableException.storageErrors(name, () -> new DeltaVacuum(spark, writes.log()).run(retention));
  }

  @Override public TableFaults faults() {
    return changes -> CrashingLocalFileSystem.arm(new org.apache.hadoop.fs.Path(path).toUri().getPath(), changes);
  }
}
