package org.bigdatalab.table.delta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.FileAction;
import org.bigdatalab.table.PendingCommit;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;

/**
 * Append, partition overwrite and delete as Delta's own commands run them: an
 * {@link OptimisticTransaction} started on the latest version, {@code filterFiles} for the files
 * the write reads (which records what it read, for Delta's conflict checker), {@code writeFiles}
 * for the new Parquet files, and {@code commit} with the adds and removes. Splitting the command at
 * the commit is what gives the SPI's {@link PendingCommit}: the data files exist, the version does
 * not. A delete rewrites the files that may hold matching rows without those rows (copy on write,
 * as Delta's DeleteCommand does without deletion vectors).
 */
final class DeltaWrites {
  final SparkSession spark;
  final String name;
  final String path;
  final TableSchema schema;

  DeltaWrites(SparkSession spark, String name, String path, TableSchema schema) {
    this.spark = spark;
    this.name = name;
    this.path = path;
    this.schema = schema;
  }

  PendingCommit append(TableOperation.Append a) throws TableException {
    Dataset<org.apache.spark.sql.Row> rows = SparkRows.frame(spark, schema, checked(a.rows(), "append", null));
    OptimisticTransaction txn = log().startTransaction();
    List<Action> actions = new ArrayList<>(Scala.list(txn.writeFiles(rows)));
    return pending(txn, actions, false, new DeltaOperations.Write(SaveMode.Append, Scala.none(), Scala.none(), Scala.none()));
  }

  PendingCommit overwrite(TableOperation.OverwritePartition o) throws TableException {
    schema.checkPartition(o.partition());
    Dataset<org.apache.spark.sql.Row> rows = SparkRows.frame(spark, schema, checked(o.rows(), "overwriting", o.partition()));
    Predicate where = Predicate.all();
    for (Map.Entry<String, Object> e : o.partition().entrySet()) {
      where = where instanceof Predicate.All ? Predicate.eq(e.getKey(), e.getValue()) : where.and(Predicate.eq(e.getKey(), e.getValue()));
    }
    OptimisticTransaction txn = log().startTransaction();
    List<Action> actions = removes(txn, read(txn, where));
    actions.addAll(Scala.list(txn.writeFiles(rows)));
    String replaceWhere = SparkRows.sql(where);
    return pending(txn, actions, true, new DeltaOperations.Write(SaveMode.Overwrite, Scala.none(), Scala.some(replaceWhere), Scala.none()));
  }

  PendingCommit delete(TableOperation.Delete d) throws TableException {
    OptimisticTransaction txn = log().startTransaction();
    List<AddFile> touched = read(txn, d.where());
    List<Action> actions = removes(txn, touched);
    if (!touched.isEmpty()) {
      Dataset<org.apache.spark.sql.Row> kept = log().createDataFrame(txn.snapshot(), Scala.seq(touched), false, Scala.none())
          .where("NOT coalesce(" + SparkRows.sql(d.where()) + ", false)");
      List<FileAction> rewritten = Scala.list(txn.writeFiles(kept));
      actions.addAll(rewritten);
    }
    // Not DeltaOperations.Delete: its commit wants the metrics DeleteCommand records (numDeletedRows, ...).
    return pending(txn, actions, true, DeltaOperations.ManualUpdate$.MODULE$);
  }

  /** The files of the transaction's version that may hold rows where {@code where} holds, read through Delta (so it records the read). */
  private List<AddFile> read(OptimisticTransaction txn, Predicate where) {
    if (where instanceof Predicate.All) {
      return new ArrayList<>(Scala.list(txn.filterFiles()));
    }
    return new ArrayList<>(Scala.list(txn.filterFiles(Scala.seq(SparkRows.conjuncts(spark, schema, where)), false)));
  }

  private static List<Action> removes(OptimisticTransaction txn, List<AddFile> files) {
    long now = System.currentTimeMillis();
    return files.stream().map(f -> (Action) f.removeWithTimestamp(now, true)).collect(Collectors.toCollection(ArrayList::new));
  }


  /**
   * The commit of a prepared write. Delta checks a commit that changes no file under snapshot
   * isolation, i.e. not at all: an overwrite or delete that found nothing to change on its version
   * commits even after a winner added rows it would have replaced. The spec orders writes by commit,
   * so such a write that read the table is refused as a conflict when the table has moved.
   */
  private PendingCommit pending(OptimisticTransaction txn, List<Action> actions, boolean reads, DeltaOperations.Operation operation) {
    return new PendingCommit() {
      @Override public long readVersion() { return txn.readVersion(); }

      @Override public long commit() throws TableException {
        if (reads && actions.isEmpty() && log().update(false, Scala.none(), Scala.none()).version() != txn.readVersion()) {
          throw new TableException(Problem.CONFLICT, name, operation.name() + " planned on version " + txn.readVersion()
              + " changes no file, and Delta would commit it unchecked after the versions since");
        }
        try {
          return txn.commit(Scala.seq(actions), operation);
        } catch (java.util.ConcurrentModificationException e) {
          throw new TableException(Problem.CONFLICT, name, e.getClass().getSimpleName() + ": " + firstLine(e), e);
        }
      }
    };
  }

  DeltaLog log() {
    return DeltaLog.forTable(spark, path);
  }

  /**
   * The records, each checked against the schema (and, for an overwrite, its partition) before any
   * file is written. Delta enforces the schema of a DataFrame; the SPI's records are Java values
   * that must first become one, so this check is the adapter's, worded as the spec asks.
   */
  List<Row> checked(List<Row> rows, String what, Map<String, Object> partition) throws TableException {
    return schema.checkRecords(name, what, rows, partition);
  }

  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
