package org.bigdatalab.dataflow.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.bigdatalab.dataflow.Plan;
import org.bigdatalab.spi.KeyValue;

/**
 * One partition of an {@link Plan.IntLongColumns} source as Spark ships it: its range of the two
 * columns, copied (a task's data travels serialized, even in local mode), read as boxed
 * {@code KeyValue<Integer, Long>} records one at a time.
 */
record ColumnSlice(int[] keys, long[] values) implements Serializable {

  static ColumnSlice of(Plan.IntLongColumns source, int partition) {
    int from = source.from(partition);
    int to = source.from(partition + 1);
    return new ColumnSlice(Arrays.copyOfRange(source.keys(), from, to), Arrays.copyOfRange(source.values(), from, to));
  }

  Iterator<Object> records() {
    return new Iterator<>() {
      private int next;

      @Override public boolean hasNext() { return next < keys.length; }

      @Override public Object next() {
        if (next >= keys.length) {
          throw new NoSuchElementException();
        }
        int j = next++;
        return KeyValue.of(keys[j], values[j]);
      }
    };
  }
}
