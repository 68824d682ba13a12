package org.bigdatalab.mapreduce;

/**
 * Emits every value of a group with the group's key, in the order the values come, as Hadoop's
 * identity {@code Reducer} does: the reducer of a sort (TeraSort). It is an ordinary reducer, and
 * an engine that knows nothing of it just calls {@link #reduce}. Its type is also a declaration an
 * engine may act on: the output is the merged map output itself, so an engine may write each
 * record's key and value text straight from their encoded bytes, with no object per record.
 */
public final class IdentityReducer<K, V> implements Reducer<K, V, K, V> {
  private static final long serialVersionUID = 1L;

  @Override
  public void reduce(K key, Iterable<V> values, Collector<K, V> out) {
    for (V value : values) {
      out.emit(key, value);
    }
  }
}
