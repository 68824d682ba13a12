package org.bigdatalab.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bigdatalab.spi.BadRecordException;

/**
 * The columns of a table, in order, and which of them partition it (Hive style: one directory
 * per combination of partition values). Partition columns are never nullable: a row must say
 * which partition it belongs to.
 *
 * <pre>{@code
 * TableSchema sales = new TableSchema(List.of(Column.required("id", LONG), Column.required("region", STRING),
 *     Column.optional("amount", LONG)), List.of("region"));
 * sales.check(Row.of(1L, "eu", null));   // fine
 * sales.check(Row.of(1L, "eu", "x"));    // BadRecordException "amount: expected LONG, got String "x""
 * }</pre>
 */
public record TableSchema(List<Column> columns, List<String> partitionColumns) {

  public TableSchema {
    columns = List.copyOf(columns);
    partitionColumns = List.copyOf(partitionColumns);
    Set<String> names = new HashSet<>();
    for (Column c : columns) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("column '" + c.name() + "' appears twice");
      }
    }
    for (String p : partitionColumns) {
      Column c = columns.stream().filter(col -> col.name().equals(p)).findFirst().orElseThrow(
          () -> new IllegalArgumentException("partition column '" + p + "' is not a column of " + names));
      if (c.nullable()) {
        throw new IllegalArgumentException("partition column '" + p + "' must not be nullable");
      }
    }
  }

  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column '" + column + "' in " + columns);
  }

  public boolean isPartitioned() { return !partitionColumns.isEmpty(); }

  /** The partition a row belongs to: partition column to value, in the schema's order (empty when unpartitioned). */
  public Map<String, Object> partitionOf(Row row) {
    Map<String, Object> partition = new LinkedHashMap<>();
    partitionColumns.forEach(p -> partition.put(p, row.get(indexOf(p))));
    return partition;
  }

  /** Throws a {@link BadRecordException} naming the first field of {@code row} that breaks this schema. */
  public void check(Row row) {
    if (row.values().size() != columns.size()) {
      throw new BadRecordException("(row)", "has " + row.values().size() + " fields, the schema " + columns.size());
    }
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      Object v = row.get(i);
      if (v == null && !c.nullable()) {
        throw new BadRecordException(c.name(), "null in a NOT NULL column");
      }
      if (v != null && !c.type().accepts(v)) {
        throw new BadRecordException(c.name(), "expected " + c.type() + ", got " + v.getClass().getSimpleName() + " " + Row.show(v));
      }
    }
  }

  /**
   * Checks the records of a write before any file is written: the first one that breaks the schema
   * (or, for a partition overwrite, lies outside {@code partition}; null for other writes) fails the
   * write as SCHEMA_VIOLATION naming the record (1-based) and the field, as the spec's
   * {@code table.schema.enforced} asks. Returns the records.
   */
  public List<Row> checkRecords(String table, String what, List<Row> rows, Map<String, Object> partition)
      throws TableException {
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      try {
        check(r);
      } catch (BadRecordException e) {
        throw new TableException(TableException.Problem.SCHEMA_VIOLATION, table, what + " record " + (i + 1) + " " + r
            + ": " + e.field() + ": " + e.problem() + "; nothing written");
      }
      if (partition != null && !partitionOf(r).equals(partition)) {
        throw new TableException(TableException.Problem.SCHEMA_VIOLATION, table, what + " record " + (i + 1) + " " + r
            + ": " + String.join(",", partition.keySet()) + ": not in partition " + partition + "; nothing written");
      }
    }
    return rows;
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.name()));
    return names;
  }

  /** The partition values a caller gave for an overwrite: exactly the partition columns, none missing. */
  public void checkPartition(Map<String, Object> partition) {
    if (!new ArrayList<>(partition.keySet()).equals(partitionColumns)) {
      throw new IllegalArgumentException("partition " + partition + " must name exactly the partition columns " + partitionColumns);
    }
    partition.forEach((k, v) -> Objects.requireNonNull(v, "partition value of " + k));
  }

  @Override public String toString() {
    return columns + (partitionColumns.isEmpty() ? "" : " PARTITIONED BY " + partitionColumns);
  }
}
