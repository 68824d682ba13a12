package org.bigdatalab.mapreduce.reference;

import java.util.Arrays;

/**
 * A {@link SortBuffer}'s distinct keys. Each distinct encoded key (per partition) is stored once,
 * in the key arena, as {@code [keyId, partition, keyLength, key bytes]}; an open-addressing hash
 * table of {@code (arena offset + 1, hash)} pairs finds it again, touching two cache lines on a
 * hit. Ids count up in the order keys are first seen, which the spill uses to keep ties stable.
 * Byte-equal keys decode to equal keys, so sharing one entry never merges keys the sort
 * comparator would keep apart.
 *
 * <p>A caller that need not find a key again (a job without a combiner whose keys do not repeat,
 * see {@link SortBuffer}) adds it with {@link #addNew}, which neither hashes nor probes: such keys
 * are never put in the hash table, so once one is added, {@link #find} is not called again until
 * {@link #clear} (the buffer stops looking keys up until its next spill; a spill sorts ids, not
 * the table). The check is kept out of {@code find}, the hottest call of a word count map task.
 */
final class SortBufferKeys {
  static final int HEADER = 12; // keyId, partition, keyLength

  private final SortBufferMemory memory;
  byte[] arena;
  int arenaUsed;
  /** Pairs {@code (arena offset + 1, hash)}; 0 marks a free slot. */
  int[] table;
  /** The arena offset of each key id. */
  int[] keyAt;
  /** Each key id's running sum, when the buffer folds a {@code LongSumReducer}'s values as they come. */
  long[] sums;
  int distinct;
  /** Some keys were added by {@link #addNew} and are not in the hash table (a rehash then only sizes it). */
  private boolean unindexed;

  /** Empty until {@code memory} allocates it. */
  SortBufferKeys(SortBufferMemory memory) {
    this.memory = memory;
  }

  /** Room for {@code slots} keys: a fresh id table, and a hash table that is at most half full with them. */
  void allocate(int slots) {
    keyAt = new int[slots];
    sums = new long[slots];
    table = new int[2 * (Integer.highestOneBit(slots * 2 - 1) << 1)];
  }

  /** Room for {@code slots} keys, keeping those held (the hash table grows on its own, see {@link #rehash}). */
  void growIds(int slots) {
    keyAt = Arrays.copyOf(keyAt, slots);
    sums = Arrays.copyOf(sums, slots);
  }

  /**
   * The id of the key {@code data[start, start + length)} in partition {@code p}, whose
   * {@link #hash} is {@code h}; if it is not held, {@code ~slot} (negative), the free slot for
   * {@link #add}.
   */
  int find(int p, byte[] data, int start, int length, int h) {
    int mask = (table.length >>> 1) - 1;
    int slot = h & mask;
    int e;
    while ((e = table[2 * slot]) != 0) {
      if (table[2 * slot + 1] == h) {
        int at = e - 1;
        if (SpillBytes.getInt(arena, at + 4) == p && SpillBytes.getInt(arena, at + 8) == length
            && sameBytes(arena, at + HEADER, data, start, length)) {
          return SpillBytes.getInt(arena, at);
        }
      }
      slot = (slot + 1) & mask;
    }
    return ~slot;
  }

  /**
   * Copies a new key's bytes into the arena (before the record overwrites them where they were
   * encoded); returns its entry's offset for {@link #add}. May throw {@link SortBufferMemory.BufferFull}.
   */
  int store(byte[] data, int start, int length) {
    int n = HEADER + length;
    if (arena.length - arenaUsed < n) {
      arena = Arrays.copyOf(arena, memory.grownBytes(arena.length, (long) arenaUsed + n));
    }
    int at = arenaUsed;
    arenaUsed += n;
    System.arraycopy(data, start, arena, at + HEADER, length);
    return at;
  }

  /**
   * Gives the key stored at {@code at} the next id and a place in the table; returns the id. Done
   * only once the record is written, so a record that did not fit leaves no key behind.
   */
  int add(int at, int p, int length, int slot, int h) {
    int d = entry(at, p, length);
    table[2 * slot] = at + 1;
    table[2 * slot + 1] = h;
    return d;
  }

  /**
   * Gives the key stored at {@code at} the next id without a place in the hash table (see the
   * class comment); returns the id. An equal key may be held already: it keeps its own id.
   */
  int addNew(int at, int p, int length) {
    unindexed = true;
    return entry(at, p, length);
  }

  /** Fills in the entry's header with the next id; returns the id. */
  private int entry(int at, int p, int length) {
    int d = distinct++;
    SpillBytes.putInt(arena, at, d);
    SpillBytes.putInt(arena, at + 4, p);
    SpillBytes.putInt(arena, at + 8, length);
    keyAt[d] = at;
    sums[d] = 0;
    return d;
  }

  int partitionOf(int d) {
    return SpillBytes.getInt(arena, keyAt[d] + 4);
  }

  /** Where the bytes of the key whose entry starts at {@code at} start; {@link #length} says how many. */
  static int bytesAt(int at) {
    return at + HEADER;
  }

  static int length(byte[] arena, int at) {
    return SpillBytes.getInt(arena, at + 8);
  }

  /** A hash table of {@code length} ints holding every key (left empty while keys are unindexed, see the class comment). */
  void rehash(int length) {
    table = new int[length];
    if (unindexed) {
      return;
    }
    int mask = (length >>> 1) - 1;
    for (int d = 0; d < distinct; d++) {
      int at = keyAt[d];
      int h = hash(arena, at + HEADER, at + HEADER + length(arena, at));
      int slot = h & mask;
      while (table[2 * slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[2 * slot] = at + 1;
      table[2 * slot + 1] = h;
    }
  }

  void clear() {
    unindexed = false;
    Arrays.fill(table, 0);
    distinct = 0;
    arenaUsed = 0;
  }

  /** A polynomial hash of the bytes, four at a time (the same value as one at a time, with a shorter dependency chain). */
  static int hash(byte[] b, int from, int to) {
    int h = 0x811C9DC5;
    int i = from;
    for (; i + 3 < to; i += 4) {
      h = 923521 * h + 29791 * b[i] + 961 * b[i + 1] + 31 * b[i + 2] + b[i + 3];
    }
    for (; i < to; i++) {
      h = 31 * h + b[i];
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    return h ^ (h >>> 13);
  }

  /** Short keys (most of them) compare faster in a plain loop than through the vectorized mismatch. */
  private static boolean sameBytes(byte[] a, int x, byte[] b, int y, int length) {
    if (length > 32) {
      return Arrays.equals(a, x, x + length, b, y, y + length);
    }
    for (int i = 0; i < length; i++) {
      if (a[x + i] != b[y + i]) {
        return false;
      }
    }
    return true;
  }
}
