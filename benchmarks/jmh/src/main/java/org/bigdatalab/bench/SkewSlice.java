package org.bigdatalab.bench;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bigdatalab.spi.KeyValue;

/**
 * One partition's share of B05's (and B10's) input as the engines read it: {@code KeyValue<Integer, Long>}
 * records built once, when the slice is made (in the benchmark's setup, outside the clock), as a user's
 * dataset of records already exists before a job runs. Until 2026-12-07 a slice boxed each record as a
 * task read it, inside every timed job: JFR put 35% of df-parallel's reduceByKey time there, before the
 * engine saw a record, so the rows measured the benchmark's source as much as the engine.
 *
 * <p>The primitive keys and values stay beside the records: they are what is serialized (the boxed
 * records are transient), so an engine that ships a slice to another JVM (spark) sends 12 bytes a
 * record, not 50, and boxes the records as its task reads them there, as it would reading a file.
 */
final class SkewSlice implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] keys;
  private final long[] values;
  /** Built by the constructor; null after deserialization, where {@link #records()} boxes as it reads. */
  private final transient List<KeyValue<Integer, Long>> boxed;

  SkewSlice(int[] keys, long[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException("keys and values differ in length: " + keys.length + " vs " + values.length);
    }
    this.keys = keys;
    this.values = values;
    @SuppressWarnings("unchecked")
    KeyValue<Integer, Long>[] records = new KeyValue[keys.length];
    for (int i = 0; i < keys.length; i++) {
      records[i] = KeyValue.of(keys[i], values[i]);
    }
    this.boxed = Arrays.asList(records);
  }

  int size() {
    return keys.length;
  }

  /** The slice's records, {@code (key, value)}: the ones built up front, or, in a JVM the slice was shipped to, boxed as read. */
  Iterable<KeyValue<Integer, Long>> records() {
    return boxed != null ? boxed : () -> new Iterator<>() {
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
