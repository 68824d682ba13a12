package org.bigdatalab.table.iceberg;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.bigdatalab.table.PendingCommit;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;

/**
 * Append, partition overwrite and delete as Iceberg's core API commits them: the data files are
 * written when the write is prepared, and the commit is one of Iceberg's snapshot updates, so two
 * prepared writes race through Iceberg's own optimistic concurrency. A commit re-applies itself on
 * the latest metadata and then runs the validations a write asks for, as Iceberg's Spark writes do
 * under {@code serializable} isolation: {@code validateFromSnapshot} (the version it read),
 * {@code conflictDetectionFilter} (the rows it read), {@code validateNoConflictingData} (no file
 * added since with rows it might have read) and {@code validateNoConflictingDeletes} (no file it
 * read was removed since). A failed validation is a {@link ValidationException}: a CONFLICT.
 *
 * <p>A delete is copy on write, as Iceberg's Spark DELETE is by default: the files that scan
 * planning says may hold matching rows are read, and each that does is replaced by a file of its
 * other rows.
 */
final class IcebergWrites {
  /** Snapshot summary key that marks the snapshot a write made, to find its sequence number after the commit. */
  static final String WRITE_ID = "bigdata-lab.write-id";

  private final IcebergTable owner;
  private final TableSchema schema;

  IcebergWrites(IcebergTable owner, TableSchema schema) {
    this.owner = owner;
    this.schema = schema;
  }

  PendingCommit append(TableOperation.Append a) throws TableException {
    org.apache.iceberg.Table table = owner.load();
    List<Row> rows = schema.checkRecords(owner.name(), "append", a.rows(), null);
    AppendFiles append = table.newAppend();
    IcebergFiles.write(table, schema, rows).forEach(append::appendFile);
    // a blind append reads nothing, so nothing can conflict with it: Iceberg re-applies it on any newer version
    return pending(table, append);
  }

  PendingCommit overwrite(TableOperation.OverwritePartition o) throws TableException {
    schema.checkPartition(o.partition());
    org.apache.iceberg.Table table = owner.load();
    List<Row> rows = schema.checkRecords(owner.name(), "overwriting", o.rows(), o.partition());
    Predicate partition = Predicate.all();
    for (Map.Entry<String, Object> e : o.partition().entrySet()) {
      partition = partition instanceof Predicate.All ? Predicate.eq(e.getKey(), e.getValue()) : partition.and(Predicate.eq(e.getKey(), e.getValue()));
    }
    Expression where = IcebergFiles.filter(partition);
    OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(where);
    IcebergFiles.write(table, schema, rows).forEach(overwrite::addFile);
    return pending(table, serializable(table, overwrite, where));
  }

  PendingCommit delete(TableOperation.Delete d) throws TableException {
    org.apache.iceberg.Table table = owner.load();
    Expression where = IcebergFiles.filter(d.where());
    OverwriteFiles rewrite = table.newOverwrite();
    if (table.currentSnapshot() != null) {
      try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(table.currentSnapshot().snapshotId())
          .filter(where).planFiles()) {
        for (FileScanTask task : tasks) {
          List<Row> rows = IcebergFiles.read(table.io(), table.schema(), task.file());
          List<Row> kept = rows.stream().filter(r -> !d.where().test(schema, r)).toList();
          if (kept.size() < rows.size()) {
            rewrite.deleteFile(task.file());
            if (!kept.isEmpty()) {
              IcebergFiles.write(table, schema, kept).forEach(rewrite::addFile);
            }
          }
        }
      } catch (java.io.IOException e) {
        throw new TableException(Problem.STORAGE, owner.name(), "planning " + d + ": " + e.getMessage(), e);
      }
    }
    return pending(table, serializable(table, rewrite, where));
  }

  /** The validations of Iceberg's serializable isolation, from the version this write read, for the rows it read. */
  private static OverwriteFiles serializable(org.apache.iceberg.Table table, OverwriteFiles op, Expression read) {
    if (table.currentSnapshot() != null) {
      op.validateFromSnapshot(table.currentSnapshot().snapshotId());
    } // with no snapshot read, Iceberg validates against every snapshot committed since
    return op.conflictDetectionFilter(read).validateNoConflictingData().validateNoConflictingDeletes();
  }

  private PendingCommit pending(org.apache.iceberg.Table table, SnapshotUpdate<?> update) {
    long readVersion = new IcebergVersions(table).latest();
    String writeId = UUID.randomUUID().toString();
    update.set(WRITE_ID, writeId);
    return new PendingCommit() {
      @Override public long readVersion() { return readVersion; }

      @Override public long commit() throws TableException {
        try {
          update.commit();
        } catch (ValidationException | CommitFailedException e) {
          throw new TableException(Problem.CONFLICT, owner.name(), e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return owner.versionOf(writeId);
      }
    };
  }

}
