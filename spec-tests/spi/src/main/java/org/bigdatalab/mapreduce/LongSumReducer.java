package org.bigdatalab.mapreduce;

/**
 * Sums the {@code long} values of a key and emits {@code (key, sum)}, as Hadoop's
 * {@code LongSumReducer} does: word count's reducer and combiner. It is an ordinary reducer, and
 * an engine that knows nothing of it just calls {@link #reduce}. Its type is also a declaration an
 * engine may act on: the values of a key may be folded into one running {@code long} as they are
 * emitted (a combine before the sort buffer), with no record kept per value. Addition is
 * associative and commutative, wrapping on overflow exactly as {@code reduce} does, so folding
 * early never changes a result.
 */
public final class LongSumReducer<K> implements Reducer<K, Long, K, Long> {
  private static final long serialVersionUID = 1L;

  @Override
  public void reduce(K key, Iterable<Long> values, Collector<K, Long> out) {
    long sum = 0;
    for (long v : values) {
      sum += v;
    }
    out.emit(key, sum);
  }
}
