package org.bigdatalab.dataflow.reference;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One key's values out of {@link TableMerge#group}: an immutable list over the array they were
 * appended to, its first {@code size} slots, so a group is not copied once more when it leaves the
 * task (a hot key's group is millions of references). Equal to any list of the same values.
 */
final class GroupedValues extends AbstractList<Object> implements RandomAccess {
  private final Object[] values;
  private final int size;

  GroupedValues(Object[] values, int size) {
    this.values = values;
    this.size = size;
  }

  @Override
  public Object get(int index) {
    return values[Objects.checkIndex(index, size)];
  }

  @Override
  public int size() {
    return size;
  }
}
