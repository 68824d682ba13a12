package org.bigdatalab.table;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A write, as a description: engines plan and execute it, the suite's model applies it to rows.
 * Each operation is one commit (one new version) when it succeeds.
 */
public sealed interface TableOperation extends Serializable {

  /** Adds rows (Delta's {@code mode("append")}). */
  record Append(List<Row> rows) implements TableOperation {
    public Append { rows = List.copyOf(rows); }
    @Override public String toString() { return "APPEND " + rows; }
  }

  /**
   * Replaces every row of one partition with {@code rows}, which must all belong to it (Delta's
   * {@code replaceWhere}, Hive's {@code INSERT OVERWRITE ... PARTITION}). On an unpartitioned table
   * the partition is empty and the whole table is replaced.
   */
  record OverwritePartition(Map<String, Object> partition, List<Row> rows) implements TableOperation {
    public OverwritePartition {
      partition = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(partition));
      rows = List.copyOf(rows);
    }
    @Override public String toString() { return "OVERWRITE PARTITION " + partition + " WITH " + rows; }
  }

  /** Removes the rows that match. */
  record Delete(Predicate where) implements TableOperation {
    public Delete { Objects.requireNonNull(where, "where"); }
    @Override public String toString() { return "DELETE WHERE " + where; }
  }

  /** What MERGE does to a target row that a source row matches. */
  enum WhenMatched { UPDATE, DELETE, NOTHING }

  /**
   * {@code MERGE INTO target USING source ON target.c = source.c AND ... WHEN MATCHED THEN
   * UPDATE SET * | DELETE WHEN NOT MATCHED THEN INSERT *}. The match condition is equality on
   * the {@code on} columns. A source row matching two target rows, or two source rows matching one
   * target row, is ambiguous: the merge fails and writes nothing.
   */
  record Merge(List<Row> source, List<String> on, WhenMatched whenMatched, boolean insertWhenNotMatched)
      implements TableOperation {
    public Merge {
      source = List.copyOf(source);
      on = List.copyOf(on);
      Objects.requireNonNull(whenMatched, "whenMatched");
      if (on.isEmpty()) {
        throw new IllegalArgumentException("a MERGE needs at least one column to match on");
      }
    }
    @Override public String toString() {
      return "MERGE ON " + on + " WHEN MATCHED " + whenMatched + (insertWhenNotMatched ? " WHEN NOT MATCHED INSERT" : "")
          + " USING " + source;
    }
  }
}
