package org.bigdatalab.table.delta;

import java.io.FileNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.AddFile;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.DataFile;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.ScanResult;
import org.bigdatalab.table.Snapshot;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableSchema;

/**
 * A Delta snapshot of one version, pinned when taken. A scan asks Delta's scan planning
 * ({@code Snapshot.filesForScan}: partition pruning and min/max data skipping) which files may hold
 * matching rows, reads the rows from exactly those Parquet files, and reports them as the files it
 * opened. Rows are always read from the files: Delta can answer {@code count()} of a version from
 * its log alone, even after vacuum deleted the version's files (ENGINES.md).
 */
final class DeltaSnapshot implements Snapshot {
  private final SparkSession spark;
  private final String name;
  private final DeltaLog log;
  private final org.apache.spark.sql.delta.Snapshot snapshot;
  private final TableSchema schema;

  private DeltaSnapshot(SparkSession spark, String name, DeltaLog log, org.apache.spark.sql.delta.Snapshot snapshot, TableSchema schema) {
    this.spark = spark;
    this.name = name;
    this.log = log;
    this.snapshot = snapshot;
    this.schema = schema;
  }

  static DeltaSnapshot pin(SparkSession spark, String name, DeltaLog log, long version, TableSchema schema) {
    return new DeltaSnapshot(spark, name, log, log.getSnapshotAt(version, Scala.none(), Scala.none()), schema);
  }

  @Override public long version() { return snapshot.version(); }

  @Override public ScanResult scan(Predicate where) throws TableException {
    try {
      List<AddFile> files = Scala.list(snapshot.filesForScan(Scala.seq(SparkRows.conjuncts(spark, schema, where)), false).files());
      List<org.apache.spark.sql.Row> rows = files.isEmpty() ? List.of()
          : log.createDataFrame(snapshot, Scala.seq(files), false, Scala.none()).where(SparkRows.sql(where)).collectAsList();
      return new ScanResult(version(), SparkRows.rows(rows), files.stream().map(this::dataFile).toList(), 0);
    } catch (Exception e) { // Delta's AnalysisExceptions are checked, though Scala does not declare them
      if (missingFile(e)) {
        throw new TableException(Problem.VERSION_EXPIRED, name, "a data file of version " + version()
            + " is gone (vacuumed): " + DeltaWrites.firstLine(e), e);
      }
      throw new TableException(Problem.STORAGE, name, "reading version " + version() + ": " + DeltaWrites.firstLine(e), e);
    }
  }

  private DataFile dataFile(AddFile f) {
    Map<String, Object> partition = new LinkedHashMap<>();
    Map<String, String> values = scala.jdk.javaapi.CollectionConverters.asJava(f.partitionValues());
    for (String column : schema.partitionColumns()) {
      String v = values.get(column);
      partition.put(column, schema.columns().get(schema.indexOf(column)).type() == ColumnType.LONG ? Long.valueOf(v) : v);
    }
    Object records = f.numLogicalRecords().getOrElse(() -> -1L);
    return new DataFile(f.path(), partition, (Long) records);
  }

  private static boolean missingFile(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileNotFoundException || String.valueOf(t.getMessage()).contains("FILE_NOT_EXIST")) {
        return true;
      }
    }
    return false;
  }
}
