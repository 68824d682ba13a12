package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.util.Arrays;

/**
 * A word table's distinct words and counts written as one spill by the table itself, sorted by
 * (partition, word): the last flush of a split whose sort buffer is empty ({@link WordScan#finish}).
 *
 * <p>Why: the words are distinct and already summed, so storing them in the sort buffer only to
 * have it sort and write them again did nothing the table cannot do. At 16 MB that road was about
 * a third of a map task's time (the copy into the buffer's arena, its sort, and a write that read
 * four arrays and the arena at random per key; JFR, 2026-12-07). Here one pass over the table
 * gathers each word into dense arrays that fit in the cache, one sort of packed longs (partition,
 * leading bytes, index) orders them, and words whose leading bits tie (words of more than about
 * five bytes sharing them) are compared whole. The records are those the buffer's spill writes:
 * a {@code Codecs.STRING} key and a {@code Codecs.LONG} sum.
 *
 * <p>The table holds ASCII words only ({@link WordScan} leaves any other line to the mapper), so
 * their byte order is {@code String}'s natural order.
 */
final class WordTableSpill implements SortBuffer.SortedRun {
  private final byte[] arena;
  private final int partitions;
  private final int n;
  private final long[] lead;   // the word's first eight bytes, big-endian, zero-padded
  private final long[] slice;  // (arena start << 32) | length
  private final long[] count;
  private final int[] partition;
  private long values;

  /**
   * Gathers the words of {@code slots} and their {@code slices} (laid out as {@link WordScan}'s;
   * {@code size} of them occupied) into dense arrays, leaving out slots whose count is 0 (words a
   * failed attempt inserted into a shared table and took back).
   */
  WordTableSpill(long[] slots, long[] slices, int size, byte[] arena, int partitions) {
    this.arena = arena;
    this.partitions = partitions;
    this.lead = new long[size];
    this.slice = new long[size];
    this.count = new long[size];
    this.partition = new int[size];
    int d = 0;
    for (int slot = 0; slot < slices.length; slot++) {
      long key = slots[slot * WordScan.SLOT_LONGS + WordScan.KEY];
      long c = slots[slot * WordScan.SLOT_LONGS + WordScan.COUNT] & WordScan.COUNT_MASK;
      if (key != 0 && c != 0) {
        lead[d] = Long.reverseBytes(key & ~WordScan.LONG_WORD);
        slice[d] = slices[slot];
        count[d] = c;
        partition[d] = WordScan.partitionOf(arena, slices[slot], partitions);
        values += c;
        d++;
      }
    }
    this.n = d;
  }

  @Override
  public long values() {
    return values;
  }

  @Override
  public long writeTo(SpillFile.Writer w) throws IOException {
    long[] order = sorted();
    int idBits = idBits();
    long idMask = (1L << idBits) - 1;
    for (long packed : order) {
      int d = (int) (packed & idMask);
      w.startPartition(partition[d]);
      long s = slice[d];
      w.writeStringLong(arena, (int) (s >>> 32), (int) s, count[d]);
    }
    return n;
  }

  private int idBits() {
    return 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
  }

  /** The dense indexes in (partition, word) order, each in the low bits of its packed sort key. */
  long[] sorted() {
    int idBits = idBits();
    int partitionBits = 32 - Integer.numberOfLeadingZeros(partitions - 1);
    int leadBits = 63 - partitionBits - idBits; // at least 1: both are at most 31
    long[] packed = new long[n];
    for (int d = 0; d < n; d++) {
      packed[d] = ((long) partition[d] << (63 - partitionBits)) | ((lead[d] >>> (64 - leadBits)) << idBits) | d;
    }
    Arrays.sort(packed);
    int from = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || (packed[i] >>> idBits) != (packed[from] >>> idBits)) {
        if (i - from > 1) {
          sortTies(packed, from, i, (1L << idBits) - 1);
        }
        from = i;
      }
    }
    return packed;
  }

  /** Orders {@code packed[from, to)}, whose partition and leading bits tie, by the whole words. */
  private void sortTies(long[] packed, int from, int to, long idMask) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        long x = packed[i];
        int j = i - 1;
        while (j >= from && compare((int) (packed[j] & idMask), (int) (x & idMask)) > 0) {
          packed[j + 1] = packed[j];
          j--;
        }
        packed[j + 1] = x;
      }
      return;
    }
    Integer[] ids = new Integer[to - from];
    for (int i = from; i < to; i++) {
      ids[i - from] = (int) (packed[i] & idMask);
    }
    Arrays.sort(ids, this::compare);
    long high = packed[from] & ~idMask;
    for (int i = from; i < to; i++) {
      packed[i] = high | ids[i - from];
    }
  }

  /** Byte order of two distinct words: their first eight bytes, then the rest (a word that is a prefix of the other first). */
  private int compare(int a, int b) {
    int c = Long.compareUnsigned(lead[a], lead[b]);
    if (c != 0) {
      return c;
    }
    int startA = (int) (slice[a] >>> 32);
    int lengthA = (int) slice[a];
    int startB = (int) (slice[b] >>> 32);
    int lengthB = (int) slice[b];
    return Arrays.compareUnsigned(arena, startA + Math.min(8, lengthA), startA + lengthA,
        arena, startB + Math.min(8, lengthB), startB + lengthB);
  }
}
