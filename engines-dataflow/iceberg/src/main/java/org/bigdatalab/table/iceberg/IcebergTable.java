package org.bigdatalab.table.iceberg;

import java.time.Duration;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.TableIdentifier;
import org.bigdatalab.table.CommitInfo;
import org.bigdatalab.table.MergePlannedAtCommit;
import org.bigdatalab.table.PendingCommit;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableFaults;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;
import org.bigdatalab.table.VacuumResult;

/**
 * One Iceberg table. How the SPI maps onto Iceberg, and where they differ:
 *
 * <ol>
 *   <li>Versions are snapshot sequence numbers, version 0 the table before its first snapshot
 *       ({@link IcebergVersions}).
 *   <li>Append, partition overwrite and delete are core-API snapshot updates prepared with their
 *       data files written and committed later ({@link IcebergWrites}), so racing writers meet
 *       Iceberg's own conflict validation.
 *   <li>MERGE is Spark SQL's {@code MERGE INTO} ({@link IcebergMerge}), planned when it commits, on
 *       the latest version, so it never fails with CONFLICT against a writer of this JVM; Iceberg
 *       validates it (serializable) against writers elsewhere.
 *   <li>Reads pin the table's metadata file and read rows from the data files Iceberg's scan
 *       planning picks for the predicate ({@link IcebergSnapshot}).
 *   <li>Commit times are the committing JVM's clock (Iceberg's), not the spec's scripted clock.
 *   <li>Vacuum is Iceberg's snapshot expiry, told to keep the snapshot current at the horizon
 *       ({@link IcebergVacuum}).
 * </ol>
 */
final class IcebergTable implements Table {
  private final IcebergTables engine;
  private final TableIdentifier id;
  private final TableSchema schema;
  private final IcebergWrites writes;
  private final IcebergMerge merges;

  IcebergTable(IcebergTables engine, TableIdentifier id, TableSchema schema) {
    this.engine = engine;
    this.id = id;
    this.schema = schema;
    this.writes = new IcebergWrites(this, schema);
    this.merges = new IcebergMerge(this, engine.spark(), engine.sqlName(id.name()), schema);
  }

  @Override public String name() { return id.name(); }
  @Override public TableSchema schema() { return schema; }

  /** The table as its catalog has it now. */
  org.apache.iceberg.Table load() {
    return engine.catalog().loadTable(id);
  }

  long latest() {
    return new IcebergVersions(load()).latest();
  }

  /** The version of the snapshot a write marked with {@code writeId}. */
  long versionOf(String writeId) throws TableException {
    for (Snapshot s : load().snapshots()) {
      if (writeId.equals(s.summary().get(IcebergWrites.WRITE_ID))) {
        return s.sequenceNumber();
      }
    }
    throw new TableException(Problem.STORAGE, name(), "the snapshot of write " + writeId + " is not in the table after its commit");
  }

  /** Commits a snapshot that changes nothing: one version for a write that changed no row. */
  long emptyCommit() throws TableException {
    String writeId = java.util.UUID.randomUUID().toString();
    load().newAppend().set(IcebergWrites.WRITE_ID, writeId).commit();
    return versionOf(writeId);
  }

  @Override public PendingCommit prepare(TableOperation operation) throws TableException {
    return TableException.storageErrors(name(), () -> {
      if (operation instanceof TableOperation.Append a) {
        return writes.append(a);
      } else if (operation instanceof TableOperation.OverwritePartition o) {
        return writes.overwrite(o);
      } else if (operation instanceof TableOperation.Delete d) {
        return writes.delete(d);
      }
      TableOperation.Merge m = (TableOperation.Merge) operation;
      schema.checkRecords(name(), "MERGE source", m.source(), null);
      return new MergePlannedAtCommit(name(), this::latest, () -> merges.run(m));
    });
  }

  /** Prepare and commit, reporting an injected crash as the writer's death it stands for. */
  @Override public long write(TableOperation operation) throws TableException {
    try {
      return TableException.storageErrors(name(), () -> prepare(operation).commit());
    } catch (TableException e) {
      if (CrashingFileIO.disarm()) {
        throw new TableException(Problem.WRITER_CRASHED, name(), operation + ": " + e.getMessage(), e);
      }
      throw e;
    } finally {
      CrashingFileIO.disarm();
    }
  }

  @Override public org.bigdatalab.table.Snapshot snapshot(ReadAt at) throws TableException {
    return TableException.storageErrors(name(), () -> {
      org.apache.iceberg.Table table = load();
      IcebergVersions versions = new IcebergVersions(table);
      long latest = versions.latest();
      long v = latest;
      if (at instanceof ReadAt.Version version) {
        v = version.version();
        if (v < 0 || v > latest) {
          throw new TableException(Problem.VERSION_NOT_FOUND, name(), "no version " + v + " (latest is " + latest + ")");
        }
      } else if (at instanceof ReadAt.Timestamp t) {
        v = versions.at(name(), t.time());
      }
      Snapshot snapshot = v == 0 ? null : versions.live(v);
      if (v > 0 && snapshot == null) {
        throw new TableException(Problem.VERSION_EXPIRED, name(), "version " + v + " was expired by a vacuum");
      }
      return IcebergSnapshot.pin(name(), table, snapshot, v, schema);
    });
  }

  @Override public List<CommitInfo> history() throws TableException {
    return TableException.storageErrors(name(), () -> new IcebergVersions(load()).history());
  }

  @Override public VacuumResult vacuum(Duration retention) throws TableException {
    return TableException.storageErrors(name(), () -> IcebergVacuum.run(load(), retention));
  }

  @Override public TableFaults faults() {
    return changes -> CrashingFileIO.arm(load().location(), changes);
  }
}
