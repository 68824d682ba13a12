package org.bigdatalab.mapreduce;

import java.io.Serializable;

/** Chooses the reduce partition of a key; must return a value in {@code [0, numPartitions)}. */
@FunctionalInterface
public interface Partitioner<K> extends Serializable {

  int partition(K key, int numPartitions);

  /** Hadoop's default: the key's hash code, made non-negative, modulo the partition count. */
  static <K> Partitioner<K> hash() {
    return (key, n) -> (key.hashCode() & Integer.MAX_VALUE) % n;
  }
}
