package org.bigdatalab.dataflow.reference;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import org.bigdatalab.spi.KeyValue;

/**
 * df-parallel's shuffle block: the records one map task sends to one reduce partition, and then
 * all records a reduce partition gathers. While every record is a {@code KeyValue} of an Integer
 * key and an Integer or Long value (the same value type throughout), they are kept as an int[] and
 * a long[]; the first record that is anything else turns the block into a plain array of objects,
 * in the same order. A record read back is a new, equal {@code KeyValue}, which dies young.
 *
 * <p>Why: a shuffle holds every record of a stage live until the next stage has read it. As boxed
 * records (a KeyValue, an Integer and a Long each) that is a graph of tens of millions of objects
 * that every young collection of G1 traces and copies; B05 measured stop-the-world pauses at ~55%
 * of a groupByKey job. As two primitive arrays it is nothing to trace. Spark's shuffle takes the
 * same step by writing serialized bytes, and Tungsten by laying rows out in flat memory.
 */
final class ShuffleBucket extends AbstractList<Object> implements RandomAccess {
  private enum Layout { EMPTY, INT_INT, INT_LONG, OBJECTS }

  private Layout layout = Layout.EMPTY;
  private int[] keys = new int[0];
  private long[] values = new long[0];
  private Object[] objects = new Object[0];
  private int size;
  /** The records this block will hold in all, where known (see {@link #expect}); 0: unknown. */
  private int expected;

  /**
   * The records this block will hold once filled, where the caller knows (a reduce partition's gather sums
   * its map outputs' blocks): the first growth goes there at once. Without it a gather of m blocks copied
   * the partition's arrays m times, growing to exactly what each addAll needed (~m/2 times the block's
   * size allocated, in arrays large enough to be G1 humongous objects, each able to start a GC cycle).
   */
  void expect(int records) {
    expected = records;
  }

  @Override
  public boolean add(Object record) {
    Layout fits = layoutOf(record);
    if (layout == Layout.EMPTY) {
      layout = fits;
    } else if (fits != layout && layout != Layout.OBJECTS) {
      boxAll();
    }
    if (layout == Layout.OBJECTS) {
      if (size == objects.length) {
        objects = Arrays.copyOf(objects, grown(size));
      }
      objects[size++] = record;
    } else {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, grown(size));
        values = Arrays.copyOf(values, keys.length);
      }
      KeyValue<?, ?> kv = (KeyValue<?, ?>) record;
      keys[size] = (Integer) kv.key();
      values[size++] = ((Number) kv.value()).longValue();
    }
    modCount++;
    return true;
  }

  /** Another bucket of the same primitive layout is copied array to array; anything else record by record. */
  @Override
  public boolean addAll(Collection<?> records) {
    if (records instanceof ShuffleBucket other && other.size > 0 && other.layout != Layout.OBJECTS
        && (layout == Layout.EMPTY || layout == other.layout)) {
      layout = other.layout;
      int needed = size + other.size;
      if (needed > keys.length) {
        keys = Arrays.copyOf(keys, Math.max(needed, grown(size)));
        values = Arrays.copyOf(values, keys.length);
      }
      System.arraycopy(other.keys, 0, keys, size, other.size);
      System.arraycopy(other.values, 0, values, size, other.size);
      size = needed;
      modCount++;
      return true;
    }
    return super.addAll(records);
  }

  @Override
  public Object get(int index) {
    Objects.checkIndex(index, size);
    return switch (layout) {
      case INT_INT -> KeyValue.of(keys[index], (int) values[index]);
      case INT_LONG -> KeyValue.of(keys[index], values[index]);
      default -> objects[index];
    };
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Records iterator() {
    return new Records();
  }

  /**
   * The records in order; for a primitive block, a groupByKey can also take them all at once
   * ({@link #group}) without making a record per value.
   */
  final class Records implements Iterator<Object> {
    private int next;

    @Override public boolean hasNext() { return next < size; }

    @Override public Object next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      return get(next++);
    }

    boolean primitiveFromStart() {
      return next == 0 && (layout == Layout.INT_INT || layout == Layout.INT_LONG);
    }

    /**
     * What {@link TableMerge#group} makes of these records, by counting sort rather than an array
     * per key: each key's index of first appearance (an int-keyed table, no Integer per probe), the
     * keys' counts, then every value moved once into its key's range of one long[]. Keys in order of
     * first appearance, values in arrival order, as the general path gives them.
     */
    Iterator<Object> group() {
      next = size;
      IntLongTable firstSeen = new IntLongTable(16);
      int[] keyOf = new int[size];
      int[] distinctKeys = new int[16];
      int distinct = 0;
      for (int i = 0; i < size; i++) {
        int k = (int) firstSeen.putIfAbsent(keys[i], distinct);
        if (k == distinct) {
          if (distinct == distinctKeys.length) {
            distinctKeys = Arrays.copyOf(distinctKeys, distinct * 2);
          }
          distinctKeys[distinct++] = keys[i];
        }
        keyOf[i] = k;
      }
      int[] start = new int[distinct + 1];
      for (int i = 0; i < size; i++) {
        start[keyOf[i] + 1]++;
      }
      for (int k = 0; k < distinct; k++) {
        start[k + 1] += start[k];
      }
      int[] fill = Arrays.copyOf(start, distinct);
      long[] grouped = new long[size];
      for (int i = 0; i < size; i++) {
        grouped[fill[keyOf[i]]++] = values[i];
      }
      boolean ints = layout == Layout.INT_INT;
      int[] groupKeys = distinctKeys;
      int groups = distinct;
      return new Iterator<>() {
        private int k;

        @Override public boolean hasNext() { return k < groups; }

        @Override public Object next() {
          if (k >= groups) {
            throw new NoSuchElementException();
          }
          int key = k++;
          return KeyValue.of(groupKeys[key], new GroupedLongs(grouped, start[key], start[key + 1], ints));
        }
      };
    }
  }

  private static Layout layoutOf(Object record) {
    if (record instanceof KeyValue<?, ?> kv && kv.key() instanceof Integer) {
      if (kv.value() instanceof Long) {
        return Layout.INT_LONG;
      }
      if (kv.value() instanceof Integer) {
        return Layout.INT_INT;
      }
    }
    return Layout.OBJECTS;
  }

  /** From primitive to objects, once: every record kept so far boxed, in order. */
  private void boxAll() {
    Object[] boxed = new Object[Math.max(keys.length, 4)];
    for (int i = 0; i < size; i++) {
      boxed[i] = get(i);
    }
    objects = boxed;
    keys = new int[0];
    values = new long[0];
    layout = Layout.OBJECTS;
  }

  private int grown(int size) {
    return Math.max(Math.max(16, size + (size >> 1)), expected);
  }
}
