package org.bigdatalab.dataflow.reference;

import org.bigdatalab.dataflow.LongAggregate;

/**
 * A reduce task's aggregate when its keys span a narrow range: reduce partition r of n holds only keys
 * with {@code floorMod(key, n) == r}, i.e. {@code key = q * n + r}, so the accumulators sit in a long[]
 * at {@code q - qMin}, one slot per key the partition can hold, with a bit per slot for the keys seen.
 * A merge is then a shift (n a power of two) or a division, an add and a bit set: no probe. The caller
 * takes it only where the slots are at most one per entry merged (or the dense floor), so it costs no
 * more memory than a hash table of the same entries.
 */
final class StridedLongs implements PartialLongs {
  private final int r;
  private final int n;
  private final int shift;
  private final long qMin;
  private final LongAggregate aggregate;
  private final long[] acc;
  private final long[] seen;

  /** @param qMin {@code floorDiv} of the least key by n; slots: how many quotients from there */
  StridedLongs(int r, int n, long qMin, int slots, LongAggregate aggregate) {
    this.r = r;
    this.n = n;
    this.shift = Integer.bitCount(n) == 1 ? Integer.numberOfTrailingZeros(n) : -1;
    this.qMin = qMin;
    this.aggregate = aggregate;
    this.acc = new long[slots];
    this.seen = new long[(slots + 63) >>> 6];
  }

  /** Merges {@code v} into {@code key}'s slot ({@code v} itself for the first); the key must be of this partition and in range. */
  void merge(int key, long v) {
    int i = (int) ((shift >= 0 ? key >> shift : Math.floorDiv(key, n)) - qMin);
    long bit = 1L << i;
    if ((seen[i >>> 6] & bit) == 0) {
      seen[i >>> 6] |= bit;
      acc[i] = v;
    } else {
      acc[i] = aggregate.merge(acc[i], v);
    }
  }

  @Override
  public int size() {
    int size = 0;
    for (long word : seen) {
      size += Long.bitCount(word);
    }
    return size;
  }

  @Override
  public void forEach(Entry each) {
    for (int w = 0; w < seen.length; w++) {
      for (long bits = seen[w]; bits != 0; bits &= bits - 1) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
        each.accept((int) ((qMin + i) * n + r), acc[i]);
      }
    }
  }
}
