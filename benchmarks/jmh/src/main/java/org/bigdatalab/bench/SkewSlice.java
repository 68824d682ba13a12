package org.bigdatalab.bench;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.bigdatalab.spi.KeyValue;

/**
 * One partition's share of B05's input, as the engines read it: the same primitive keys and
 * values the hand-written loop reads, turned into records one at a time as a task asks for them,
 * so an engine pays for its own record representation (as it would reading a file) and no engine
 * is handed 50 bytes a record of pre-built objects. Serializable, so a real cluster ships each
 * slice with its partition.
 */
record SkewSlice(int[] keys, long[] values) implements Serializable {

  /** The slice's records, {@code (key, value)}, boxed as they are read. */
  Iterable<KeyValue<Integer, Long>> records() {
    return () -> new Iterator<>() {
      private int next;

      @Override public boolean hasNext() { return next < keys.length; }

      @Override public KeyValue<Integer, Long> next() {
        if (next == keys.length) {
          throw new NoSuchElementException();
        }
        int i = next++;
        return KeyValue.of(keys[i], values[i]);
      }
    };
  }
}
