package org.bigdatalab.dataflow.reference;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.bigdatalab.dataflow.Plan;
import org.bigdatalab.spi.KeyValue;

/**
 * Records [from, to) of an {@link Plan.IntLongColumns} source: one partition's slice, by index,
 * without a copy. A task reads it either as boxed records (any operation) or, in a fused loop,
 * as the two arrays themselves ({@link FusedLongAggregate}).
 */
record ColumnRange(int[] keys, long[] values, int from, int to) {

  static ColumnRange of(Plan.IntLongColumns source, int partition) {
    return new ColumnRange(source.keys(), source.values(), source.from(partition), source.from(partition + 1));
  }

  int size() { return to - from; }

  /** The slice's records, {@code KeyValue<Integer, Long>}, boxed one at a time as they are read. */
  Iterator<Object> records() {
    return new Iterator<>() {
      private int next = from;

      @Override public boolean hasNext() { return next < to; }

      @Override public Object next() {
        if (next >= to) {
          throw new NoSuchElementException();
        }
        int j = next++;
        return KeyValue.of(keys[j], values[j]);
      }
    };
  }
}
