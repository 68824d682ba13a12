package org.bigdatalab.dataflow;

import java.util.Objects;

/**
 * The one hash partitioning every shuffle by key uses: {@code floorMod(key.hashCode(), n)}, Spark's
 * {@code HashPartitioner}. It is pinned so that a test can compute where a key goes, and so salted
 * keys whose hashes differ by the salt land in different partitions (see
 * {@link SkewClauses#SALTING_LOAD_BOUND}).
 */
public final class HashPartitioning {
  private HashPartitioning() {}

  public static int partition(Object key, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    return Math.floorMod(Objects.hashCode(key), partitions);
  }
}
