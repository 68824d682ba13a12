package org.bigdatalab.table.iceberg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableOperation.WhenMatched;
import org.bigdatalab.table.TableSchema;

/**
 * MERGE as Spark SQL's {@code MERGE INTO} on the Iceberg table: Iceberg's copy-on-write row-level
 * operation, which rewrites the files holding matched rows and commits with serializable isolation
 * (validated from the snapshot the MERGE scanned). Spark refuses two source rows that match one
 * target row when a matched row is updated ({@code MERGE_CARDINALITY_VIOLATION}); it checks nothing
 * when the only matched action is DELETE, and lets one source row update two target rows. The spec
 * refuses all of these, so {@link #checkCardinality} looks for the two cases Spark lets through,
 * on the version the MERGE is about to read, before anything is written.
 */
final class IcebergMerge {
  private static final AtomicLong SOURCES = new AtomicLong();

  private final IcebergTable owner;
  private final SparkSession spark;
  private final String sqlName;
  private final TableSchema schema;

  IcebergMerge(IcebergTable owner, SparkSession spark, String sqlName, TableSchema schema) {
    this.owner = owner;
    this.spark = spark;
    this.sqlName = sqlName;
    this.schema = schema;
  }

  /** Runs the merge on the latest version and returns the version it made. */
  long run(TableOperation.Merge m) throws TableException {
    List<Row> source = schema.checkRecords(owner.name(), "MERGE source", m.source(), null);
    if (m.whenMatched() == WhenMatched.NOTHING && !m.insertWhenNotMatched()) {
      // SQL wants at least one WHEN clause; a merge that does nothing is still one version, as in the spec's model.
      return owner.emptyCommit();
    }
    if (m.whenMatched() != WhenMatched.NOTHING) {
      checkCardinality(m, source);
    }
    long before = owner.latest();
    String view = "lab_merge_source_" + SOURCES.incrementAndGet();
    spark.createDataFrame(source.stream().map(r -> RowFactory.create(r.values().toArray())).toList(), struct())
        .createOrReplaceTempView(view);
    StringBuilder sql = new StringBuilder("MERGE INTO " + sqlName + " t USING " + view + " s ON "
        + m.on().stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" AND ")));
    if (m.whenMatched() == WhenMatched.UPDATE) {
      sql.append(" WHEN MATCHED THEN UPDATE SET *");
    } else if (m.whenMatched() == WhenMatched.DELETE) {
      sql.append(" WHEN MATCHED THEN DELETE");
    }
    if (m.insertWhenNotMatched()) {
      sql.append(" WHEN NOT MATCHED THEN INSERT *");
    }
    try {
      spark.sql(sql.toString()).collectAsList();
    } catch (RuntimeException e) {
      if (cardinalityViolation(e)) {
        throw new TableException(Problem.MERGE_AMBIGUOUS, owner.name(), "Spark's MERGE_CARDINALITY_VIOLATION: "
            + firstLine(e) + "; nothing written", e);
      }
      throw e;
    } finally {
      spark.catalog().dropTempView(view);
    }
    long after = owner.latest();
    // Spark commits nothing for a MERGE that changes no row; the SPI counts every successful write as a version.
    return after > before ? after : owner.emptyCommit();
  }

  private void checkCardinality(TableOperation.Merge m, List<Row> source) throws TableException {
    if (source.isEmpty()) {
      return;
    }
    String first = m.on().get(0);
    int at = schema.indexOf(first);
    Predicate keys = Predicate.in(first, source.stream().map(r -> r.get(at)).filter(v -> v != null).collect(Collectors.toSet()));
    List<Row> targets = owner.snapshot(ReadAt.latest()).scan(keys).rows();
    Map<List<Object>, Integer> targetsPerKey = count(m, targets);
    for (int i = 0; i < source.size(); i++) {
      int n = targetsPerKey.getOrDefault(key(m, source.get(i)), 0);
      if (n > 1) {
        throw new TableException(Problem.MERGE_AMBIGUOUS, owner.name(), "MERGE source record " + (i + 1) + " " + source.get(i)
            + " matches " + n + " target rows on " + m.on() + "; nothing written");
      }
    }
    if (m.whenMatched() == WhenMatched.DELETE) { // Spark checks this for UPDATE, not for a DELETE-only MERGE
      Map<List<Object>, Integer> sourcesPerKey = count(m, source);
      for (Row t : targets) {
        int n = sourcesPerKey.getOrDefault(key(m, t), 0);
        if (n > 1) {
          throw new TableException(Problem.MERGE_AMBIGUOUS, owner.name(), "the target row " + t + " is matched by " + n
              + " MERGE source rows on " + m.on() + "; nothing written");
        }
      }
    }
  }

  private Map<List<Object>, Integer> count(TableOperation.Merge m, List<Row> rows) {
    Map<List<Object>, Integer> counts = new HashMap<>();
    rows.forEach(r -> {
      List<Object> k = key(m, r);
      if (k != null) {
        counts.merge(k, 1, Integer::sum);
      }
    });
    return counts;
  }

  /** The row's values of the ON columns; null when one is null (a null never matches). */
  private List<Object> key(TableOperation.Merge m, Row r) {
    List<Object> k = new ArrayList<>();
    for (String c : m.on()) {
      Object v = r.get(schema.indexOf(c));
      if (v == null) {
        return null;
      }
      k.add(v);
    }
    return k;
  }

  private StructType struct() {
    List<StructField> fields = new ArrayList<>();
    for (Column c : schema.columns()) {
      fields.add(DataTypes.createStructField(c.name(), switch (c.type()) {
        case LONG -> DataTypes.LongType;
        case STRING -> DataTypes.StringType;
      }, c.nullable()));
    }
    return DataTypes.createStructType(fields);
  }

  private static boolean cardinalityViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("MERGE_CARDINALITY_VIOLATION")) {
        return true;
      }
    }
    return false;
  }

  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
