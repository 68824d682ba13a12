package org.bigdatalab.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What Spark's file scans did when a query ran: the "number of files read" metric of every file source
 * scan in the executed plan (after adaptive execution settled it). EXPLAIN says which partitions a scan
 * will keep; this says how many files it then opened, the number DuckDB's plan shows beside its own.
 */
public final class SparkScans {
  private SparkScans() {}

  /** Files read by the file scans of {@code executed}, a Dataset that has run (collect it first). */
  public static long filesRead(Dataset<?> executed) {
    SparkPlan plan = executed.queryExecution().executedPlan();
    if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      plan = adaptive.executedPlan();
    }
    return filesRead(plan);
  }

  /** Walks the plan, into the query stages adaptive execution cut it into. */
  private static long filesRead(SparkPlan node) {
    if (node instanceof FileSourceScanExec scan) {
      return scan.metrics().get("numFiles").get().value();
    }
    long files = node instanceof QueryStageExec stage ? filesRead(stage.plan()) : 0;
    for (SparkPlan child : CollectionConverters.asJava(node.children())) {
      files += filesRead(child);
    }
    return files;
  }
}
