package org.bigdatalab.dataflow.reference;

import java.util.Arrays;
import org.bigdatalab.dataflow.LongAggregate;

/**
 * int key to long accumulator, open addressing with linear probing, nothing allocated per update.
 * A key and its long sit side by side in one long[] (key widened at 2i, value at 2i+1), so an
 * update touches one cache line; a free slot holds {@link Long#MIN_VALUE}, which no int key widens
 * to, so every int key (0 and {@link Integer#MIN_VALUE} included) is an ordinary key. Slots are
 * Fibonacci-hashed (the multiply's high bits), which scatters dense keys (ranks 0..n) evenly. Not
 * thread-safe: one per task.
 */
final class IntLongTable implements PartialLongs {
  private static final long FREE = Long.MIN_VALUE;

  private long[] slots;
  private int shift;
  private int size;

  /** Room for {@code keys} keys before the first growth. */
  IntLongTable(int keys) {
    int capacity = Integer.highestOneBit(Math.max(16, keys) * 2 - 1) * 2;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    slots = new long[capacity * 2];
    Arrays.fill(slots, FREE);
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
  }

  @Override public int size() { return size; }

  private int home(int key) {
    return ((key * 0x9E37_79B9) >>> shift) << 1;
  }

  /** Adds {@code v} to the key's long (0 for a new key): SUM and COUNT. */
  void add(int key, long v) {
    int i = slot(key);
    if (i >= 0) {
      slots[i + 1] += v;
    } else {
      insert(-i - 1, key, v);
    }
  }

  /** Merges {@code v} into the key's long with {@code aggregate} ({@code v} itself for a new key). */
  void merge(int key, long v, LongAggregate aggregate) {
    int i = slot(key);
    if (i >= 0) {
      slots[i + 1] = aggregate.merge(slots[i + 1], v);
    } else {
      insert(-i - 1, key, v);
    }
  }

  /** The key's long, or {@code v} put there first if the key is new (as an index of first appearance, say). */
  long putIfAbsent(int key, long v) {
    int i = slot(key);
    if (i >= 0) {
      return slots[i + 1];
    }
    insert(-i - 1, key, v);
    return v;
  }

  /** The key's slot, or -(the free slot where it goes) - 1: the one probe loop of the table. */
  private int slot(int key) {
    long[] s = slots;
    int mask = s.length - 1;
    for (int i = home(key); ; i = (i + 2) & mask) {
      long k = s[i];
      if (k == key) {
        return i;
      }
      if (k == FREE) {
        return -i - 1;
      }
    }
  }

  private void insert(int i, int key, long v) {
    slots[i] = key;
    slots[i + 1] = v;
    if (++size * 2 > slots.length / 2) {
      grow();
    }
  }

  /** At most half the slots full, so probes stay short. */
  private void grow() {
    long[] old = slots;
    allocate(old.length);
    int mask = slots.length - 1;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j] != FREE) {
        int i = home((int) old[j]);
        while (slots[i] != FREE) {
          i = (i + 2) & mask;
        }
        slots[i] = old[j];
        slots[i + 1] = old[j + 1];
      }
    }
  }

  /** Calls {@code each} for every key with its long, in slot order. */
  @Override
  public void forEach(Entry each) {
    long[] s = slots;
    for (int j = 0; j < s.length; j += 2) {
      if (s[j] != FREE) {
        each.accept((int) s[j], s[j + 1]);
      }
    }
  }
}
