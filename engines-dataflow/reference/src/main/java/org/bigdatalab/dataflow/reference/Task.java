package org.bigdatalab.dataflow.reference;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * One task of a stage: computes the records of (a piece of) one output partition by running the
 * stage's fused narrow operations over its input. Usually one task per partition; a skewed join
 * partition is read by several.
 *
 * @param partition    the output partition its records belong to
 * @param inputRecords records it reads at the start of the stage (reported as task size)
 * @param records      runs the pipeline; called once, when the stage runs
 * @param columns      the primitive columns it reads, while no operation stands between them and
 *                     the task's end (then a fused loop may read them instead of {@code records});
 *                     null otherwise
 */
record Task(int partition, long inputRecords, Supplier<Iterator<Object>> records, ColumnRange columns) {

  /** A task whose records are only reachable through its pipeline. */
  Task(int partition, long inputRecords, Supplier<Iterator<Object>> records) {
    this(partition, inputRecords, records, null);
  }
}
