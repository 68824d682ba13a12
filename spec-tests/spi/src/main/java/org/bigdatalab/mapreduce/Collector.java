package org.bigdatalab.mapreduce;

/** Where a map or reduce function sends its output. */
public interface Collector<K, V> {

  void emit(K key, V value);

  TaskContext task();
}
