package org.bigdatalab.streaming.reference;

import java.util.Arrays;
import java.util.List;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;

/**
 * One tumbling window's counts by whole-number key, for {@link TumblingCount}. Dense while it can
 * be: {@code dense[k - low]} is key k's count, so an event costs an index and an add, no probe. A
 * window's keys often lie in a narrow range: a 10 s Nexmark window's auction ids are the ~6,000
 * auctions opened in it and the 100 before, and the open-addressing table that held them was 59%
 * of a shard's time. A key outside the range grows it (doubling, towards the key) while the range
 * stays within {@link #SPREAD} times the keys held plus {@link #FIRST}, and at most
 * {@link #DENSE_MAX} slots, and while keys stay within {@link #SAFE} of 0 (so {@code k - low} cannot
 * overflow into the range); otherwise the pane switches to open addressing (linear probing) until
 * it is emptied. A count of 0 marks a key not seen, in both forms. Dense counts are ints: a
 * window's 6,000 counts then fit a core's first-level cache (as longs they did not, and the
 * increment took twice the hand-written loop's whole time per event).
 */
final class CountPane {
  static final int DENSE_MAX = 1 << 20;
  static final int SPREAD = 8;
  static final int FIRST = 1024;
  /** Keys of dense panes are within this of 0: with ranges of at most {@link #DENSE_MAX}, no {@code k - low} wraps into a range. */
  static final long SAFE = 1L << 62;
  private static final int[] NONE = new int[0];

  long start;
  /** The dense range: key k is at {@code dense[k - low]} when {@code 0 <= k - low < limit}; limit 0 while empty or hashed. */
  private long low;
  private int limit;
  private int[] dense = NONE;
  /** The open-addressing table once the pane is hashed (keys too spread for a range), else null. */
  private long[] keys;
  private long[] counts;
  private int used;

  void increment(long k) {
    long d = k - low;
    if (d >= 0 && d < limit) {
      int c = dense[(int) d] + 1;
      dense[(int) d] = c;
      if (c == Integer.MAX_VALUE) { // never in practice: the pane goes on with long counts
        toHashed();
      }
      return;
    }
    incrementOutside(k);
  }

  /**
   * Counts a run of events into the dense range, in a loop of its own with the range in locals:
   * events {@code i, i + 1, ...} before {@code to}, as long as each comes at or before event
   * {@code stopAfter}, lies in this window ({@code size} from {@link #start}) and has its key in the
   * range; returns the position of the first that does not, for the caller's general path.
   * (Counted one call per event in the caller's loop, which holds a dozen other values and calls,
   * a shard took 1.5x the hand-written loop's time per event.)
   */
  int countRun(long[] keys, long[] times, int base, int i, int to, int stopAfter, long size) {
    int[] counts = dense;
    long first = low;
    int width = limit;
    long paneStart = start;
    int end = Math.min(to, stopAfter == Integer.MAX_VALUE ? to : stopAfter + 1);
    for (; i < end; i++) {
      long ts = times[i - base];
      long d = keys[i - base] - first;
      if (ts < paneStart || ts - paneStart >= size || d < 0 || d >= width) {
        break;
      }
      int c = counts[(int) d] + 1;
      if (c == Integer.MAX_VALUE) { // the caller's increment switches to long counts
        break;
      }
      counts[(int) d] = c;
    }
    return i;
  }

  /**
   * Adds {@code other}'s counts into this pane (another shard's part of the same window:
   * {@link CountFirings}) and empties {@code other}, so it can count another window. Two dense
   * parts (the shards' parts of a window span about the same keys) are added slot by slot once
   * this range holds both ends of the other's keys; key by key ({@link #add}: a probe of the
   * range per key) that was 7% of a shard's time.
   */
  void addAll(CountPane other) {
    if (other.keys != null) {
      for (int i = 0; i < other.keys.length; i++) {
        if (other.counts[i] != 0) {
          add(other.keys[i], other.counts[i]);
        }
      }
      other.clear();
      return;
    }
    int first = 0;
    int last = other.limit - 1;
    int[] from = other.dense;
    while (first <= last && from[first] == 0) {
      first++;
    }
    while (last > first && from[last] == 0) {
      last--;
    }
    int i = first;
    if (first <= last) {
      add(other.low + first, from[first]); // the two ends as an increment places them: the range grows to hold both, or the pane is hashed
      from[first] = 0;
      if (last > first) {
        add(other.low + last, from[last]);
        from[last] = 0;
      }
      i = first + 1;
      if (keys == null) {
        int[] to = dense;
        int offset = (int) (other.low - low); // both ends are in this range, so every key between them is
        for (; i < last; i++) {
          int c = from[i];
          if (c != 0) {
            if ((long) to[i + offset] + c >= Integer.MAX_VALUE) {
              break; // the rest key by key: the pane goes on with long counts
            }
            to[i + offset] += c;
            from[i] = 0;
          }
        }
      }
      for (; i < last; i++) {
        if (from[i] != 0) {
          add(other.low + i, from[i]);
          from[i] = 0;
        }
      }
    }
    other.clear();
  }

  /** No counts, dense, the array kept (all zeros) for the next window. */
  private void clear() {
    keys = null;
    counts = null;
    used = 0;
    limit = 0;
  }

  /** {@code count} more events of key {@code k}: the first placed as {@link #increment} places it (growing or hashing), the rest added. */
  private void add(long k, long count) {
    increment(k);
    long more = count - 1;
    if (more == 0) {
      return;
    }
    long d = k - low;
    if (keys == null && d >= 0 && d < limit && dense[(int) d] + more < Integer.MAX_VALUE) {
      dense[(int) d] += (int) more;
      return;
    }
    if (keys == null) {
      toHashed();
    }
    hashAdd(k, more);
  }

  /** Whether the pane has switched to open addressing (tests pin both forms). */
  boolean hashed() { return keys != null; }

  private void incrementOutside(long k) {
    if (keys != null) {
      hashIncrement(k);
      return;
    }
    boolean safe = k > -SAFE && k < SAFE;
    if (limit == 0 && safe) { // empty: a range around the first key, reusing the last window's array
      if (dense.length == 0) {
        dense = new int[FIRST];
      }
      low = k - dense.length / 4;
      limit = dense.length;
      dense[(int) (k - low)]++;
      return;
    }
    long high = low + limit - 1;
    long lo = Math.min(low, k);
    long hi = Math.max(high, k);
    if (!safe || hi - lo >= DENSE_MAX / 2 || hi - lo >= (long) SPREAD * distinct() + FIRST) {
      toHashed();
      hashIncrement(k);
      return;
    }
    int length = Integer.highestOneBit((int) (hi - lo + 1) * 2 - 1) * 2; // at least twice the span: room on the key's side
    long newLow = k < low ? hi - length + 1 : lo;
    int[] grown = new int[length];
    System.arraycopy(dense, 0, grown, (int) (low - newLow), limit);
    dense = grown;
    low = newLow;
    limit = length;
    dense[(int) (k - low)]++;
  }

  private int distinct() {
    int n = 0;
    for (int i = 0; i < limit; i++) {
      if (dense[i] != 0) {
        n++;
      }
    }
    return n;
  }

  private void toHashed() {
    int n = distinct();
    int capacity = Math.max(FIRST, Integer.highestOneBit(Math.max(1, n) * 4 - 1) * 2);
    keys = new long[capacity];
    counts = new long[capacity];
    used = 0;
    for (int i = 0; i < limit; i++) {
      if (dense[i] != 0) {
        hashAdd(low + i, dense[i]);
        dense[i] = 0;
      }
    }
    limit = 0;
  }

  private void hashIncrement(long k) { hashAdd(k, 1); }

  private void hashAdd(long k, long count) {
    int mask = keys.length - 1;
    for (int h = slot(k, mask); ; h = (h + 1) & mask) {
      if (counts[h] == 0) {
        keys[h] = k;
        counts[h] = count;
        if (++used * 2 > keys.length) {
          grow();
        }
        return;
      }
      if (keys[h] == k) {
        counts[h] += count;
        return;
      }
    }
  }

  private static int slot(long k, int mask) { return (int) ((k * 0x9E3779B97F4A7C15L) >>> 32) & mask; }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    used = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] != 0) {
        hashAdd(oldKeys[i], oldCounts[i]);
      }
    }
  }

  /**
   * Every key's count as final results of the window, then the pane emptied for reuse: dense again,
   * with the array kept. The results are made here, on a shard's thread (the one whose watermark
   * fired the window), side by side with the other shards: made when read ({@code ComputedList}),
   * a count's 60,000 results (a key string each) were made in the one thread that reads the run's
   * output after it, 1.5x the hand-written count's whole time on a loaded 2-core machine. Each key stays
   * a number, its text's hash taken here, and its text is written only if a reader asks for it
   * ({@link WindowResult#withLongKey}): writing 60,000 key strings here was 18% of the shards' samples
   * (JFR, 2026-12-07), and B06's read, like the hand-written count's checksum, needs none.
   */
  List<WindowResult<Long>> emit(long size, long watermark) {
    int n = keys != null ? used : distinct();
    long[] outKeys = new long[n];
    long[] outCounts = new long[n];
    int j = 0;
    if (keys != null) {
      for (int i = 0; i < keys.length; i++) {
        if (counts[i] != 0) {
          outKeys[j] = keys[i];
          outCounts[j++] = counts[i];
        }
      }
    } else {
      for (int i = 0; i < limit; i++) {
        if (dense[i] != 0) {
          outKeys[j] = low + i;
          outCounts[j++] = dense[i];
          dense[i] = 0; // empties the array for reuse
        }
      }
    }
    clear();
    Window window = new Window(start, start + size);
    @SuppressWarnings("unchecked")
    WindowResult<Long>[] results = new WindowResult[n];
    for (int i = 0; i < n; i++) { // each key stays a number until a reader asks for its text (WindowResult.withLongKey)
      results[i] = WindowResult.withLongKey(outKeys[i], window, outCounts[i], WindowResult.Firing.FINAL, watermark);
    }
    return Arrays.asList(results);
  }

  CountPane copy() {
    CountPane p = new CountPane();
    p.start = start;
    p.low = low;
    p.limit = limit;
    p.dense = dense.clone();
    p.keys = keys == null ? null : keys.clone();
    p.counts = counts == null ? null : counts.clone();
    p.used = used;
    return p;
  }
}
