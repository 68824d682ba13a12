package org.bigdatalab.table.reference;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.table.DataFile;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.ScanResult;
import org.bigdatalab.table.Snapshot;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableSchema;

/** A version's file list, fixed when the snapshot was taken; a scan skips files whose partition cannot match. */
class LogSnapshot implements Snapshot {
  private final long version;
  private final List<DataFile> files;
  private final TableSchema schema;
  private final Planner.Files reader;

  LogSnapshot(long version, List<DataFile> files, TableSchema schema, Planner.Files reader) {
    this.version = version;
    this.schema = schema;
    this.files = List.copyOf(files);
    this.reader = reader;
  }

  @Override public long version() { return version; }

  @Override public ScanResult scan(Predicate where) throws TableException {
    List<Row> rows = new ArrayList<>();
    List<DataFile> opened = new ArrayList<>();
    for (DataFile f : files) {
      if (mayHold(f, where)) {
        opened.add(f);
        reader.rows(f).stream().filter(r -> where.test(schema, r)).forEach(rows::add);
      }
    }
    return new ScanResult(version, rows, opened, 0);
  }

  /** Partition pruning: a file whose partition values rule the predicate out is never opened. */
  protected boolean mayHold(DataFile file, Predicate where) {
    return where.mayMatch(file.partition());
  }
}
