package org.bigdatalab.dataflow.reference;

import org.bigdatalab.dataflow.LongAggregate;

/**
 * A map task's aggregate while its keys span a narrow range (DuckDB's perfect hash aggregate, Velox's
 * array mode): accumulators in a long[] indexed by key - min, and a bit per slot for the keys seen, so
 * a record costs a bounds check, one add and one bit set in arrays that stay in cache, and nothing is
 * hashed or compared. The range starts at the first key and widens (doubling) to take a key outside
 * it, up to {@code maxRange} slots; a key beyond that stops the fold, and the caller moves what it has
 * into a hash table and goes on there. So the arrays cost at most {@code maxRange} × 8 bytes and a bit.
 */
final class DenseLongs implements PartialLongs {
  private static final int FIRST_RANGE = 64;

  private long maxRange;
  private final long identity;
  private int min;
  private long[] acc;
  private long[] seen;

  DenseLongs(int firstKey, long maxRange, LongAggregate aggregate) {
    this.maxRange = Math.max(1, maxRange);
    this.identity = switch (aggregate) {
      case SUM, COUNT -> 0;
      case MIN -> Long.MAX_VALUE;
      case MAX -> Long.MIN_VALUE;
    };
    this.min = firstKey;
    allocate((int) Math.min(FIRST_RANGE, Math.min(this.maxRange, (long) Integer.MAX_VALUE - firstKey + 1)));
  }

  /** Lets the range widen up to {@code maxRange} slots (never less than it may already). */
  void allow(long maxRange) {
    this.maxRange = Math.max(this.maxRange, maxRange);
  }

  /**
   * An array over the keys [min, max], which the caller has seen, with room around them up to {@code allowed}
   * slots (centred, within the ints, as {@link #widen} places a range): a key seen later just outside [min, max]
   * then lands in it instead of making a second array. It widens no further than {@code allowed}. (An array
   * over exactly [min, max] made a second 800 KB array in every map task of B05 at 10M records, z = 0 and 1.0,
   * for the keys near 1 and 100,000 that came later: a map task took 10-14% more CPU, RESULTS.md s8-df.)
   */
  static DenseLongs around(int min, int max, long allowed, LongAggregate aggregate) {
    long needed = (long) max - min + 1;
    long range = Math.max(needed, allowed);
    DenseLongs dense = new DenseLongs(min, range, aggregate);
    dense.min = (int) Math.max(Integer.MIN_VALUE, Math.min(min - (range - needed) / 2, (long) Integer.MAX_VALUE - range + 1));
    dense.allocate((int) range);
    return dense;
  }

  private void allocate(int range) {
    acc = new long[range];
    seen = new long[(range + 63) >>> 6];
    if (identity != 0) {
      java.util.Arrays.fill(acc, identity);
    }
  }

  /**
   * Merges records [from, to) of the columns (each value lifted by {@code aggregate}) and returns where it
   * stopped: {@code to}, or the first record whose key would widen the range past {@code maxRange}.
   */
  int fold(int[] keys, long[] values, int from, int to, LongAggregate aggregate) {
    return aggregate == LongAggregate.SUM ? sum(keys, values, from, to) : merge(keys, values, from, to, aggregate);
  }

  /** SUM's loop on its own, so its body is a bounds check, an add and a bit set. */
  private int sum(int[] keys, long[] values, int from, int to) {
    long[] a = acc;
    long[] s = seen;
    int lo = min;
    for (int j = from; j < to; j++) {
      int i = keys[j] - lo; // never wraps into [0, a.length): lo + a.length - 1 <= Integer.MAX_VALUE
      if (i < 0 || i >= a.length) {
        if (!widen(keys[j])) {
          return j;
        }
        a = acc;
        s = seen;
        lo = min;
        i = keys[j] - lo;
      }
      a[i] += values[j];
      s[i >>> 6] |= 1L << i;
    }
    return to;
  }

  private int merge(int[] keys, long[] values, int from, int to, LongAggregate aggregate) {
    for (int j = from; j < to; j++) {
      int i = keys[j] - min;
      if ((i < 0 || i >= acc.length) && !widen(keys[j])) {
        return j;
      }
      i = keys[j] - min;
      acc[i] = aggregate.merge(acc[i], aggregate == LongAggregate.COUNT ? 1 : values[j]);
      seen[i >>> 6] |= 1L << i;
    }
    return to;
  }

  /** Room for {@code key}: at least double the range, centred on what is needed, within the ints. */
  private boolean widen(int key) {
    long lo = Math.min(min, key);
    long hi = Math.max((long) min + acc.length - 1, key);
    long needed = hi - lo + 1;
    if (needed > maxRange) {
      return false;
    }
    long range = Math.min(maxRange, Math.max(needed, 2L * acc.length));
    long start = Math.max(Integer.MIN_VALUE, Math.min(lo - (range - needed) / 2, (long) Integer.MAX_VALUE - range + 1));
    long[] oldAcc = acc;
    long[] oldSeen = seen;
    int oldMin = min;
    min = (int) start;
    allocate((int) range);
    int shift = oldMin - min;
    for (int w = 0; w < oldSeen.length; w++) {
      for (long bits = oldSeen[w]; bits != 0; bits &= bits - 1) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits) + shift;
        acc[i] = oldAcc[i - shift];
        seen[i >>> 6] |= 1L << i;
      }
    }
    return true;
  }

  /**
   * This array as a map task's shuffle output for {@code n} reduce partitions, n dividing 64: the keys of
   * partition r ({@code floorMod(key, n) == r}) sit at the same bit positions of every word of {@code seen}, so
   * one mask per partition picks them, and nothing is copied.
   */
  FusedLongAggregate.MapOutput byPartition(int n) {
    long[] masks = new long[n];
    int[] sizes = new int[n];
    for (int r = 0; r < n; r++) {
      for (int b = Math.floorMod(r - min, n); b < 64; b += n) {
        masks[r] |= 1L << b;
      }
      for (long word : seen) {
        sizes[r] += Long.bitCount(word & masks[r]);
      }
    }
    return new FusedLongAggregate.MapOutput() {
      @Override public int size(int r) { return sizes[r]; }

      @Override public int partitions() { return n; }

      @Override public int minKey() { return min; }

      @Override public int maxKey() { return (int) Math.min(Integer.MAX_VALUE, (long) min + acc.length - 1); }

      @Override
      public void forEach(int r, Entry each) {
        long mask = masks[r];
        for (int w = 0; w < seen.length; w++) {
          for (long bits = seen[w] & mask; bits != 0; bits &= bits - 1) {
            int i = (w << 6) + Long.numberOfTrailingZeros(bits);
            each.accept(min + i, acc[i]);
          }
        }
      }
    };
  }

  @Override
  public int size() {
    int n = 0;
    for (long word : seen) {
      n += Long.bitCount(word);
    }
    return n;
  }

  @Override
  public void forEach(Entry each) {
    for (int w = 0; w < seen.length; w++) {
      for (long bits = seen[w]; bits != 0; bits &= bits - 1) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
        each.accept(min + i, acc[i]);
      }
    }
  }
}
