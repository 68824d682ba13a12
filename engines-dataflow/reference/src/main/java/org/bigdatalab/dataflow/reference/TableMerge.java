package org.bigdatalab.dataflow.reference;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.IntFunction;
import org.bigdatalab.dataflow.Fn;
import org.bigdatalab.spi.KeyValue;

/**
 * df-parallel's per-key merge: keys in a {@link KeyTable}, each key's state in a dense array at the
 * key's index. A reduceByKey by a recognised long merge ({@link LongCombine}, e.g. {@code Long::sum})
 * keeps primitive longs, so a record costs a probe and an add, and a Long is boxed once per key,
 * when the merged records leave the task. Any other function is called per record, as written.
 * Records and their order are the same as {@link MapMerge}'s.
 */
final class TableMerge implements KeyedMerge {
  static final TableMerge INSTANCE = new TableMerge();

  private TableMerge() {}

  @Override
  public Iterator<Object> reduce(Iterator<Object> records, Fn.Combine<Object> f) {
    LongCombine op = LongCombine.of(f);
    KeyTable table = new KeyTable(op != null);
    return op == null ? reduceObjects(records, table, new Object[table.capacity()], f) : reduceLongs(records, table, op, f);
  }

  /** Each key's long beside its slot in the table: a record costs one probe and one add. */
  private static Iterator<Object> reduceLongs(Iterator<Object> records, KeyTable table, LongCombine op, Fn.Combine<Object> f) {
    while (records.hasNext()) {
      KeyValue<?, ?> kv = (KeyValue<?, ?>) records.next();
      if (!(kv.value() instanceof Long value)) {
        // not a Long after all: from this record on, as written (f's own exception, or its result)
        return reduceObjects(Iterators.concat(List.of(List.<Object>of(kv).iterator(), records)), table, boxed(table), f);
      }
      table.payload(table.indexOf(kv.key()) >= 0 ? op.apply(table.payload(), value) : value);
    }
    return records(table, table::payloadOf);
  }

  /** The longs merged so far, boxed, for the general path to continue from. */
  private static Object[] boxed(KeyTable table) {
    Object[] out = new Object[table.capacity()];
    for (int k = 0; k < table.size(); k++) {
      out[k] = table.payloadOf(k);
    }
    return out;
  }

  private static Iterator<Object> reduceObjects(Iterator<Object> records, KeyTable table, Object[] acc, Fn.Combine<Object> f) {
    while (records.hasNext()) {
      KeyValue<?, ?> kv = (KeyValue<?, ?>) records.next();
      int i = index(table, kv.key());
      acc = room(acc, table);
      acc[i] = acc[i] == null ? kv.value() : f.apply(acc[i], kv.value());
    }
    Object[] merged = acc;
    return records(table, i -> merged[i]);
  }

  @Override
  public Iterator<Object> fold(Iterator<Object> records, Fn.Zero<Object> zero, Fn.Fold<Object, Object> fold) {
    KeyTable table = new KeyTable(false);
    Object[] acc = new Object[table.capacity()];
    while (records.hasNext()) {
      KeyValue<?, ?> kv = (KeyValue<?, ?>) records.next();
      int i = index(table, kv.key());
      acc = room(acc, table);
      acc[i] = fold.apply(acc[i] == null ? zero.get() : acc[i], kv.value());
    }
    Object[] folded = acc;
    return records(table, i -> folded[i]);
  }

  /**
   * Each key's values appended to an array of its own, doubled when full (one copy per value on
   * average, where a growing ArrayList and a final List.copyOf made three), and handed out as
   * that array's view. A block of primitive pairs ({@link ShuffleBucket}) groups itself, without
   * an array or a Long per value. A null value fails as the oracle's List.copyOf does: groups hold
   * no null.
   */
  @Override
  public Iterator<Object> group(Iterator<Object> records) {
    if (records instanceof ShuffleBucket.Records block && block.primitiveFromStart()) {
      return block.group();
    }
    KeyTable table = new KeyTable(false);
    Object[][] groups = new Object[table.capacity()][];
    int[] sizes = new int[table.capacity()];
    while (records.hasNext()) {
      KeyValue<?, ?> kv = (KeyValue<?, ?>) records.next();
      Object value = Objects.requireNonNull(kv.value(), "groupByKey: a null value; a group is an immutable list, which holds none");
      int i = index(table, kv.key());
      if (groups.length < table.capacity()) {
        groups = Arrays.copyOf(groups, table.capacity());
        sizes = Arrays.copyOf(sizes, table.capacity());
      }
      Object[] group = groups[i];
      if (group == null) {
        group = groups[i] = new Object[4];
      } else if (sizes[i] == group.length) {
        group = groups[i] = Arrays.copyOf(group, group.length * 2);
      }
      group[sizes[i]++] = value;
    }
    Object[][] grouped = groups;
    int[] counts = sizes;
    return records(table, i -> new GroupedValues(grouped[i], counts[i]));
  }

  private static int index(KeyTable table, Object key) {
    int i = table.indexOf(key);
    return i >= 0 ? i : -i - 1;
  }

  private static Object[] room(Object[] perKey, KeyTable table) {
    return perKey.length < table.capacity() ? Arrays.copyOf(perKey, table.capacity()) : perKey;
  }

  /** The table's keys in first-seen order, each with its value. */
  private static Iterator<Object> records(KeyTable table, IntFunction<Object> value) {
    return new Iterator<>() {
      private int next;

      @Override public boolean hasNext() { return next < table.size(); }

      @Override public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int i = next++;
        return KeyValue.of(table.key(i), value.apply(i));
      }
    };
  }
}
