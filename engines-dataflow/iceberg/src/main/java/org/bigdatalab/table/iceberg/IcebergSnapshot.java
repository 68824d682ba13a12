package org.bigdatalab.table.iceberg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.CloseableIterable;
import org.bigdatalab.table.DataFile;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.ScanResult;
import org.bigdatalab.table.Snapshot;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableSchema;

/**
 * One version, pinned: the table as its metadata file stood when the snapshot was taken (a
 * read-only {@link StaticTableOperations}), and the Iceberg snapshot of the version in it. A scan
 * asks Iceberg's scan planning ({@code newScan().useSnapshot(id).filter(...).planFiles()}: partition
 * pruning, then column statistics) which data files may hold matching rows, reads exactly those
 * files, and reports them as the files it opened. Version 0, the table before its first snapshot,
 * has no files.
 */
final class IcebergSnapshot implements Snapshot {
  private final String name;
  private final org.apache.iceberg.Table pinned;
  private final org.apache.iceberg.Snapshot snapshot;
  private final long version;
  private final TableSchema schema;

  private IcebergSnapshot(String name, org.apache.iceberg.Table pinned, org.apache.iceberg.Snapshot snapshot, long version,
                          TableSchema schema) {
    this.name = name;
    this.pinned = pinned;
    this.snapshot = snapshot;
    this.version = version;
    this.schema = schema;
  }

  /** Pins {@code version} of the loaded table; its snapshot must be live (or null for version 0). */
  static IcebergSnapshot pin(String name, org.apache.iceberg.Table table, org.apache.iceberg.Snapshot snapshot, long version,
                             TableSchema schema) {
    String metadata = ((HasTableOperations) table).operations().current().metadataFileLocation();
    org.apache.iceberg.Table fixed = new BaseTable(new StaticTableOperations(metadata, table.io()), name);
    return new IcebergSnapshot(name, fixed, snapshot, version, schema);
  }

  @Override public long version() { return version; }

  @Override public ScanResult scan(Predicate where) throws TableException {
    if (snapshot == null) {
      return new ScanResult(version, List.of(), List.of(), 0);
    }
    List<Row> rows = new ArrayList<>();
    List<DataFile> opened = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = pinned.newScan().useSnapshot(snapshot.snapshotId())
        .filter(IcebergFiles.filter(where)).planFiles()) {
      for (FileScanTask task : tasks) {
        opened.add(dataFile(task.file()));
        IcebergFiles.read(pinned.io(), pinned.schema(), task.file()).stream().filter(r -> where.test(schema, r)).forEach(rows::add);
      }
    } catch (NotFoundException e) {
      throw new TableException(Problem.VERSION_EXPIRED, name, "a file of version " + version + " is gone (expired): "
          + e.getMessage(), e);
    } catch (java.io.IOException | RuntimeException e) {
      throw new TableException(Problem.STORAGE, name, "reading version " + version + ": " + e.getMessage(), e);
    }
    return new ScanResult(version, rows, opened, 0);
  }

  private DataFile dataFile(org.apache.iceberg.DataFile f) {
    Map<String, Object> partition = new LinkedHashMap<>();
    List<String> columns = schema.partitionColumns();
    for (int i = 0; i < columns.size(); i++) {
      Object v = f.partition().get(i, Object.class);
      partition.put(columns.get(i), v instanceof CharSequence cs ? cs.toString() : v); // strings come back from manifests as Avro's Utf8
    }
    return new DataFile(f.location(), partition, f.recordCount());
  }
}
