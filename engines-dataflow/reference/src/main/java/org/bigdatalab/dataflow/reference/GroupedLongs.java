package org.bigdatalab.dataflow.reference;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One key's values out of a primitive {@link ShuffleBucket}'s groupByKey: an immutable list over a
 * range of one long[], each value boxed as it is read, as the type it came in (Long, or Integer
 * for a block of int values). Equal to any list of the same values.
 */
final class GroupedLongs extends AbstractList<Object> implements RandomAccess {
  private final long[] values;
  private final int from;
  private final int size;
  private final boolean ints;

  GroupedLongs(long[] values, int from, int to, boolean ints) {
    this.values = values;
    this.from = from;
    this.size = to - from;
    this.ints = ints;
  }

  @Override
  public Object get(int index) {
    long v = values[from + Objects.checkIndex(index, size)];
    return ints ? (Object) (int) v : (Object) v;
  }

  @Override
  public int size() {
    return size;
  }
}
