package org.bigdatalab.table;

import java.util.Objects;

/** A column: a name, a type, and whether it may hold null. */
public record Column(String name, ColumnType type, boolean nullable) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column name '" + name + "' must be lower-case letters, digits and '_'");
    }
  }

  public static Column required(String name, ColumnType type) { return new Column(name, type, false); }
  public static Column optional(String name, ColumnType type) { return new Column(name, type, true); }

  @Override public String toString() { return name + " " + type + (nullable ? "" : " NOT NULL"); }
}
