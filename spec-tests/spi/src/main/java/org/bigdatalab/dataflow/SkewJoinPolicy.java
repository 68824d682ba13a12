package org.bigdatalab.dataflow;

import java.io.Serializable;

/**
 * When a join partition counts as skewed and how finely it is split, after Spark's adaptive query
 * execution ({@code spark.sql.adaptive.skewJoin.skewedPartitionFactor}, {@code
 * skewedPartitionThresholdInBytes}, {@code advisoryPartitionSizeInBytes}), measured in records.
 *
 * <p>Example: factor 5, threshold 100, target 50; partitions of 20, 30, 40 and 900 streamed
 * records: the median is 35, and 900 &gt; 5 × 35 and &gt; 100, so that partition is read by 18
 * tasks of 50 records, each joined with the whole matching partition of the other side.
 *
 * @param factor           a partition is skewed when larger than factor × the median partition
 * @param thresholdRecords ... and larger than this many records
 * @param targetRecords    a skewed partition is split into tasks of at most this many records
 */
public record SkewJoinPolicy(double factor, long thresholdRecords, long targetRecords) implements Serializable {

  public SkewJoinPolicy {
    if (factor < 1 || thresholdRecords < 0 || targetRecords < 1) {
      throw new IllegalArgumentException("skew join policy needs factor >= 1, threshold >= 0, target >= 1: "
          + factor + ", " + thresholdRecords + ", " + targetRecords);
    }
  }

  public boolean isSkewed(long partitionRecords, double medianRecords) {
    return partitionRecords > factor * medianRecords && partitionRecords > thresholdRecords;
  }

  /** The most streamed records one join task may read under this policy, given the median partition. */
  public long largestTaskBound(double medianRecords) {
    return Math.max(targetRecords, Math.max((long) Math.floor(factor * medianRecords), thresholdRecords));
  }
}
