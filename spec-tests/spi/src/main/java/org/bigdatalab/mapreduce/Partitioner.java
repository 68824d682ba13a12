package org.bigdatalab.mapreduce;

import java.io.Serializable;

/** Chooses the reduce partition of a key; must return a value in {@code [0, numPartitions)}. */
@FunctionalInterface
public interface Partitioner<K> extends Serializable {

  int partition(K key, int numPartitions);

  /**
   * Hadoop's default: the key's hash code, made non-negative, modulo the partition count. Always
   * the same instance ({@link HashPartitioner}, kept one across serialization), so an engine can
   * tell it apart from a job's own partitioner.
   */
  @SuppressWarnings("unchecked")
  static <K> Partitioner<K> hash() {
    return (Partitioner<K>) HashPartitioner.INSTANCE;
  }

  /** The partitioner of {@link #hash()}. */
  final class HashPartitioner implements Partitioner<Object> {
    private static final long serialVersionUID = 1L;
    static final HashPartitioner INSTANCE = new HashPartitioner();

    private HashPartitioner() {}

    @Override
    public int partition(Object key, int numPartitions) {
      return (key.hashCode() & Integer.MAX_VALUE) % numPartitions;
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
