package org.bigdatalab.table;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A filter on rows, as a description an engine can translate (to a Spark Column, an Iceberg
 * expression) or evaluate: all rows, {@code column = value}, {@code column IN (values)}, and the
 * conjunction of two. Nulls never match, as in SQL.
 */
public sealed interface Predicate extends Serializable {

  boolean test(TableSchema schema, Row row);

  /**
   * False only when no row of the partition with these partition values can match: what a scan
   * uses to skip a partition's files. Conditions on other columns say "maybe".
   */
  boolean mayMatch(Map<String, Object> partition);

  static Predicate all() { return new All(); }
  static Predicate eq(String column, Object value) { return new Eq(column, value); }
  static Predicate in(String column, Set<?> values) { return new In(column, Set.copyOf(values)); }
  default Predicate and(Predicate other) { return new And(this, other); }

  /** Every row. */
  record All() implements Predicate {
    @Override public boolean test(TableSchema schema, Row row) { return true; }
    @Override public boolean mayMatch(Map<String, Object> partition) { return true; }
    @Override public String toString() { return "true"; }
  }

  /** {@code column = value}. */
  record Eq(String column, Object value) implements Predicate {
    public Eq {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(value, "value");
    }
    @Override public boolean test(TableSchema schema, Row row) { return value.equals(row.get(schema.indexOf(column))); }
    @Override public boolean mayMatch(Map<String, Object> partition) {
      return !partition.containsKey(column) || value.equals(partition.get(column));
    }
    @Override public String toString() { return column + " = " + Row.show(value); }
  }

  /** {@code column IN (values)}. */
  record In(String column, Set<Object> values) implements Predicate {
    public In {
      Objects.requireNonNull(column, "column");
      values = Set.copyOf(values);
    }
    @Override public boolean test(TableSchema schema, Row row) { return values.contains(row.get(schema.indexOf(column))); }
    @Override public boolean mayMatch(Map<String, Object> partition) {
      return !partition.containsKey(column) || values.contains(partition.get(column));
    }
    @Override public String toString() {
      return column + " IN " + values.stream().map(Row::show).sorted().toList();
    }
  }

  /** Both. */
  record And(Predicate left, Predicate right) implements Predicate {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
    @Override public boolean test(TableSchema schema, Row row) { return left.test(schema, row) && right.test(schema, row); }
    @Override public boolean mayMatch(Map<String, Object> partition) { return left.mayMatch(partition) && right.mayMatch(partition); }
    @Override public String toString() { return "(" + left + " AND " + right + ")"; }
  }

  /** The columns the predicate reads. */
  default List<String> columns() {
    if (this instanceof Eq e) {
      return List.of(e.column());
    }
    if (this instanceof In i) {
      return List.of(i.column());
    }
    if (this instanceof And a) {
      return java.util.stream.Stream.concat(a.left().columns().stream(), a.right().columns().stream()).distinct().toList();
    }
    return List.of();
  }
}
