package org.bigdatalab.table.delta;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableSchema;

/** The SPI's rows, schemas and predicates as Spark's: typed DataFrames and SQL text. */
final class SparkRows {
  private SparkRows() {}

  static StructType structOf(TableSchema schema) {
    List<StructField> fields = new ArrayList<>();
    for (Column c : schema.columns()) {
      fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), c.nullable()));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType sparkType(ColumnType type) {
    return switch (type) {
      case LONG -> DataTypes.LongType;
      case STRING -> DataTypes.StringType;
    };
  }

  /** Rows already checked against the schema, as a DataFrame of the table's types. */
  static Dataset<org.apache.spark.sql.Row> frame(SparkSession spark, TableSchema schema, List<Row> rows) {
    List<org.apache.spark.sql.Row> spark_rows = rows.stream().map(r -> RowFactory.create(r.values().toArray())).toList();
    return spark.createDataFrame(spark_rows, structOf(schema));
  }

  static List<Row> rows(List<org.apache.spark.sql.Row> sparkRows) {
    List<Row> out = new ArrayList<>(sparkRows.size());
    for (org.apache.spark.sql.Row r : sparkRows) {
      Object[] values = new Object[r.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i);
      }
      out.add(Row.of(values));
    }
    return out;
  }

  /** The predicate as a Spark SQL condition on the table's column names. */
  static String sql(Predicate p) {
    if (p instanceof Predicate.All) {
      return "true";
    }
    if (p instanceof Predicate.Eq e) {
      return e.column() + " = " + literal(e.value());
    }
    if (p instanceof Predicate.In in) {
      return in.column() + " IN (" + in.values().stream().map(SparkRows::literal).sorted().collect(Collectors.joining(", ")) + ")";
    }
    Predicate.And a = (Predicate.And) p;
    return "(" + sql(a.left()) + ") AND (" + sql(a.right()) + ")";
  }

  /** The predicate as a Catalyst expression resolved against the table's columns (what Delta's file pruning takes). */
  static Expression condition(SparkSession spark, TableSchema schema, Predicate where) {
    // resolved over an empty relation of the table's columns: Delta matches the references by name, and
    // loading the table itself here would replay its log once more
    Dataset<org.apache.spark.sql.Row> empty = spark.createDataFrame(List.of(), structOf(schema));
    return ((Filter) empty.where(sql(where)).queryExecution().analyzed()).condition();
  }

  /**
   * The predicate's conjuncts as separate resolved expressions, as Spark's planner hands filters to a
   * file index: Delta prunes partitions only with a filter on partition columns alone, so
   * {@code region = 'us' AND id = 4} given as one expression prunes nothing.
   */
  static List<Expression> conjuncts(SparkSession spark, TableSchema schema, Predicate where) {
    if (where instanceof Predicate.All) {
      return List.of();
    }
    if (where instanceof Predicate.And a) {
      List<Expression> both = new ArrayList<>(conjuncts(spark, schema, a.left()));
      both.addAll(conjuncts(spark, schema, a.right()));
      return both;
    }
    return List.of(condition(spark, schema, where));
  }

  static String literal(Object v) {
    return v instanceof String s ? "'" + s.replace("'", "''") + "'" : v.toString();
  }
}
