package org.bigdatalab.table.delta;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaOperations;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableOperation.WhenMatched;

/**
 * MERGE through Delta's public Java API, {@code DeltaTable.merge(source, condition)}. Delta refuses
 * two source rows that match one target row, but lets one source row update (or delete) two target
 * rows, and lets several source rows match one target row when the only matched action is an
 * unconditional DELETE. The spec refuses both, so {@link #checkCardinality} looks for them with two
 * small joins on the version the merge is about to read, and fails before Delta writes anything.
 */
final class DeltaMerge {
  private final DeltaWrites writes;
  private final SparkSession spark;
  private final String name;
  private final String path;

  /** Merges into the table that {@code writes} writes (its session, name and path). */
  DeltaMerge(DeltaWrites writes) {
    this.writes = writes;
    this.spark = writes.spark;
    this.name = writes.name;
    this.path = writes.path;
  }

  /** Runs the merge on the latest version and returns the version it made. */
  long run(TableOperation.Merge m) throws TableException {
    Dataset<org.apache.spark.sql.Row> source = SparkRows.frame(spark, writes.schema, writes.checked(m.source(), "MERGE source", null));
    if (m.whenMatched() == WhenMatched.NOTHING && !m.insertWhenNotMatched()) {
      // Delta wants at least one WHEN clause; a merge that does nothing is still one version, as in the spec's model.
      return writes.log().startTransaction().commit(Scala.seq(List.of()), DeltaOperations.ManualUpdate$.MODULE$);
    }
    if (m.whenMatched() != WhenMatched.NOTHING) {
      checkCardinality(m, source);
    }
    long before = writes.log().update(false, Scala.none(), Scala.none()).version();
    // tag::guide-merge[]
    String on = m.on().stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" AND "));
    io.delta.tables.DeltaMergeBuilder merge = io.delta.tables.DeltaTable.forPath(spark, path).as("t").merge(source.as("s"), on);
    if (m.whenMatched() == WhenMatched.UPDATE) {
      merge = merge.whenMatched().updateAll();
    } else if (m.whenMatched() == WhenMatched.DELETE) {
      merge = merge.whenMatched().delete();
    }
    if (m.insertWhenNotMatched()) {
      merge = merge.whenNotMatched().insertAll();
    }
    merge.execute();
    // end::guide-merge[]
    long after = writes.log().update(false, Scala.none(), Scala.none()).version();
    // A merge that changes nothing (an empty source, say) commits nothing in Delta; the SPI counts every
    // successful write as one version, so such a merge is recorded as an empty commit.
    return after > before ? after : writes.log().startTransaction().commit(Scala.seq(List.of()), DeltaOperations.ManualUpdate$.MODULE$);
  }

  private void checkCardinality(TableOperation.Merge m, Dataset<org.apache.spark.sql.Row> source) throws TableException {
    org.apache.spark.sql.Column[] keys = m.on().stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
    scala.collection.immutable.Seq<String> on = Scala.seq(m.on());
    Dataset<org.apache.spark.sql.Row> target = spark.read().format("delta").load(path).select(keys);
    List<org.apache.spark.sql.Row> sourceRowOnTwoTargets = target.groupBy(keys).count().where("count > 1")
        .join(source.select(keys).distinct(), on).limit(1).collectAsList();
    if (!sourceRowOnTwoTargets.isEmpty()) {
      throw new TableException(Problem.MERGE_AMBIGUOUS, name, "a MERGE source row with " + m.on() + " = "
          + sourceRowOnTwoTargets.get(0) + " matches " + sourceRowOnTwoTargets.get(0).getAs("count") + " target rows; nothing written");
    }
    List<org.apache.spark.sql.Row> targetRowOfTwoSources = source.select(keys).groupBy(keys).count().where("count > 1")
        .join(target.distinct(), on).limit(1).collectAsList();
    if (!targetRowOfTwoSources.isEmpty()) {
      throw new TableException(Problem.MERGE_AMBIGUOUS, name, "the target row with " + m.on() + " = "
          + targetRowOfTwoSources.get(0) + " is matched by " + targetRowOfTwoSources.get(0).getAs("count")
          + " MERGE source rows; nothing written");
    }
  }
}
