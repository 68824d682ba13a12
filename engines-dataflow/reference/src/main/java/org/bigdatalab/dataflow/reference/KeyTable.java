package org.bigdatalab.dataflow.reference;

import java.util.Arrays;

/**
 * The keys one task has seen, each with a dense index in first-seen order: an open-addressing
 * table whose slots hold a key's hash and index in one long, so a probe touches the key only when
 * the hashes match. Callers keep per-key state in arrays at those indexes (an accumulator, a
 * list), so nothing is allocated per record; or, with a payload, one long per key kept beside the
 * key's slot, so finding the key and updating its long touch one cache line. Not thread-safe: one
 * per task. Null keys are allowed, as in the oracle's maps.
 *
 * <p>While every key is an {@link Integer}, whose hash is its value, a slot's hash is the key
 * itself: a lookup compares ints in the slot array and never reads a key object (which, for
 * keys spread over a large heap, would be a cache miss per record).
 */
final class KeyTable {
  private static final long EMPTY = 0;

  /** Longs per slot: the entry (hash, index + 1), then the payload when there is one. */
  private final int width;
  private long[] slots;
  private Object[] keys;
  /** With a payload: where each index's slot is, to read payloads in first-seen order. */
  private int[] slotOfIndex;
  private int size;
  private boolean onlyIntegers = true;
  /** The slot the last {@link #indexOf} found or filled. */
  private int last;

  KeyTable(boolean withPayload) {
    width = withPayload ? 2 : 1;
    slots = new long[64 * width];
    keys = new Object[32];
    slotOfIndex = withPayload ? new int[32] : null;
  }

  int size() { return size; }

  /** Room for this many keys without reallocating: per-key arrays of callers grow to match. */
  int capacity() { return keys.length; }

  Object key(int index) { return keys[index]; }

  /** The payload of the key the last {@link #indexOf} returned (0 for a key it added). */
  long payload() { return slots[last + 1]; }

  void payload(long value) { slots[last + 1] = value; }

  long payloadOf(int index) { return slots[slotOfIndex[index] + 1]; }

  /** The index of {@code key}, adding it when absent: {@code index} if it was there, {@code -index - 1} if added. */
  int indexOf(Object key) {
    int hash = key == null ? 0 : key.hashCode();
    int mask = slots.length / width - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      int at = slot * width;
      long entry = slots[at];
      if (entry == EMPTY) {
        return -add(at, hash, key) - 1;
      }
      if ((int) (entry >>> 32) == hash) {
        int index = (int) entry - 1;
        Object k;
        if ((onlyIntegers && key instanceof Integer) || (k = keys[index]) == key || (key != null && key.equals(k))) {
          last = at;
          return index;
        }
      }
    }
  }

  private int add(int at, int hash, Object key) {
    int index = size++;
    if (index == keys.length) {
      keys = Arrays.copyOf(keys, index * 2);
      if (slotOfIndex != null) {
        slotOfIndex = Arrays.copyOf(slotOfIndex, index * 2);
      }
    }
    keys[index] = key;
    onlyIntegers &= key instanceof Integer;
    slots[at] = ((long) hash << 32) | ((index + 1) & 0xFFFF_FFFFL);
    last = at;
    if (slotOfIndex != null) {
      slotOfIndex[index] = at;
    }
    if (size * 2 > slots.length / width) {
      rehash();
    }
    return index;
  }

  /** Slots at most half full, so probes stay short even for the skewed keys' neighbours. */
  private void rehash() {
    long[] old = slots;
    int lastIndex = (int) old[last] - 1;
    slots = new long[old.length * 2];
    int mask = slots.length / width - 1;
    for (int from = 0; from < old.length; from += width) {
      long entry = old[from];
      if (entry == EMPTY) {
        continue;
      }
      int slot = spread((int) (entry >>> 32)) & mask;
      while (slots[slot * width] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      System.arraycopy(old, from, slots, slot * width, width);
      int index = (int) entry - 1;
      if (slotOfIndex != null) {
        slotOfIndex[index] = slot * width;
      }
      if (index == lastIndex) {
        last = slot * width;
      }
    }
  }

  /** Small consecutive hashes (Integer keys, salts) would fill runs of neighbouring slots; the multiply scatters them. */
  private static int spread(int hash) {
    int h = hash * 0x9E37_79B9;
    return h ^ (h >>> 16);
  }
}
