package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.spi.Codec;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.Utf8Order;

/**
 * Sorts what a {@link SortBuffer} holds and writes it as one spill. Decode each distinct key once;
 * counting-sort the keys by partition; merge-sort each partition by the job's sort comparator
 * (ties: first seen first); cut the sorted keys into runs equal under the comparator; then one
 * counting-sort pass over the records, in emission order, drops each record's offset into its
 * run's bucket. Buckets in key order, records in emission order within a bucket: exactly a stable
 * sort of the records by (partition, key), built from sequential passes rather than pointer
 * chasing through a buffer of many megabytes, and sorting distinct keys, not records. Each bucket
 * is written out, or handed to the combiner as one group.
 *
 * <p>String keys in their natural order ({@code Codecs.STRING}, {@code KeyComparator.natural()})
 * are compared as their UTF-8 bytes, undecoded: byte order is code point order, which is
 * {@code String.compareTo}'s order except between a character of U+E000..U+FFFF and one beyond
 * U+FFFF (a surrogate pair sorts first in UTF-16), so two keys whose first differing bytes include
 * one of 0xEE or more are compared decoded. Byte-distinct keys are then distinct strings, each a
 * run of its own, and unless a combiner other than a folded sum needs them no key is decoded.
 */
final class SortBufferSpiller {
  private final SortBufferKeys keys;
  private final SortBufferRecords records;
  private final SpillBytes.In in = new SpillBytes.In();
  /** Per record: its offset in the data array, in sorted order once bucketed. */
  int[] sorted;
  // Per distinct key (by id, except order):
  private int[] order;       // the key ids in sorted order
  private int[] runOf;       // the run of each key
  private int[] bucketEnd;   // where each run's bucket ends in sorted; the merge sort's scratch before that
  Object[] decoded;
  private long[] prefixes;   // a string key's first 8 UTF-8 bytes, big-endian, zero-padded (bytewise only)
  private long[] packed;     // (leading prefix bits, key id) of the keys being sorted (bytewise only)
  /** Where each partition's keys start in {@code order} (and the last ends), from the spill's sort. */
  private int[] partitionStarts = new int[1];
  // The job's, for the spill under way:
  private Comparator<Object> sortOrder;
  private Codec<Object> keyCodec;
  /** Keys compared as their encoded bytes (see the class comment); each key is a run of its own. */
  private boolean bytewise;
  private Codec<Object> valueCodec;
  /** A folded sum, encoded as {@code Codecs.LONG} encodes it. */
  private final byte[] sumBytes = new byte[8];

  SortBufferSpiller(SortBufferKeys keys, SortBufferRecords records) {
    this.keys = keys;
    this.records = records;
  }

  void allocateRecords(int slots) {
    sorted = new int[slots];
  }

  void allocateDistinct(int slots) {
    order = new int[slots];
    runOf = new int[slots];
    bucketEnd = new int[slots];
    decoded = new Object[slots];
    prefixes = new long[slots];
    packed = new long[slots];
  }

  /**
   * Sorts the held records by (partition, key); {@link #write} writes them out in that order.
   * {@code combining}: a combiner will be called with decoded keys.
   */
  void sort(Codec<Object> keyCodec, Comparator<Object> sortOrder, int partitions, boolean combining) throws IOException {
    this.sortOrder = sortOrder;
    this.keyCodec = keyCodec;
    this.bytewise = (Object) keyCodec == Codecs.STRING && (Object) sortOrder == KeyComparator.natural() && !combining;
    for (int d = 0; d < keys.distinct; d++) {
      if (bytewise) {
        prefixes[d] = prefixOf(d);
      } else {
        decode(d);
      }
    }
    sortKeys(partitions);
    bucketRecords(cutRuns());
  }

  private Object decode(int d) throws IOException {
    if (decoded[d] == null) {
      byte[] arena = keys.arena;
      int at = keys.keyAt[d];
      int from = SortBufferKeys.bytesAt(at);
      decoded[d] = keyCodec.read(in.reset(arena, from, from + SortBufferKeys.length(arena, at)));
    }
    return decoded[d];
  }

  /** Writes the sorted records, each run through {@code combiner} if there is one. */
  void write(SpillFile.Writer w, Codec<Object> valueCodec, Reducer<Object, Object, Object, Object> combiner,
      CombineOutput<Object, Object> combineOutput) throws Exception {
    this.valueCodec = valueCodec;
    int[] starts = partitionStarts;
    int p = 0;
    int from = 0;
    for (int i = 0; i < keys.distinct; i++) {
      int d = order[i];
      int run = runOf[d];
      if (i > 0 && runOf[order[i - 1]] == run) {
        continue;
      }
      while (i >= starts[p + 1]) {
        p++; // see writeSums
      }
      w.startPartition(p);
      int to = bucketEnd[run];
      if (combiner != null) {
        combiner.reduce(decoded[d], new RunValues(from, to), combineOutput.into(w));
      } else {
        copy(w, from, to);
      }
      from = to;
    }
  }

  /**
   * Writes one record per run of equal keys, its first key with the sum of the run's
   * {@link SortBufferKeys#sums}: what a {@code LongSumReducer} combiner would write for the values
   * that were folded into them.
   */
  void writeSums(SpillFile.Writer w, CombineOutput<Object, Object> combineOutput) {
    long[] sums = keys.sums;
    int[] starts = partitionStarts;
    combineOutput.into(w);
    int i = 0;
    int p = 0;
    while (i < keys.distinct) {
      while (i >= starts[p + 1]) {
        p++; // the partition from the sort's bounds: no read of the key's entry, far off in the arena
      }
      int first = order[i];
      int run = runOf[first];
      long sum = 0;
      for (; i < keys.distinct && runOf[order[i]] == run; i++) {
        sum += sums[order[i]];
      }
      w.startPartition(p);
      if (bytewise) {
        int at = keys.keyAt[first];
        SpillBytes.putLong(sumBytes, 0, sum);
        combineOutput.emitEncoded(keys.arena, SortBufferKeys.bytesAt(at), SortBufferKeys.length(keys.arena, at), sumBytes, 0, 8);
      } else {
        combineOutput.emit(decoded[first], sum);
      }
    }
  }

  /** Forgets the decoded keys (the caller clears the keys after this). */
  void clear() {
    Arrays.fill(decoded, 0, keys.distinct, null);
    sortOrder = null;
    keyCodec = null;
    valueCodec = null;
  }

  /** {@code order}: the distinct keys by partition (counting sort), then by key within each partition. */
  private void sortKeys(int partitions) {
    int[] starts = new int[partitions + 1];
    for (int d = 0; d < keys.distinct; d++) {
      starts[keys.partitionOf(d) + 1]++;
    }
    for (int p = 0; p < partitions; p++) {
      starts[p + 1] += starts[p];
    }
    partitionStarts = starts;
    int[] fill = Arrays.copyOf(starts, partitions);
    for (int d = 0; d < keys.distinct; d++) {
      order[fill[keys.partitionOf(d)]++] = d;
    }
    for (int p = 0; p < partitions; p++) {
      if (bytewise) {
        prefixSort(starts[p], starts[p + 1]);
      } else {
        mergeSort(order, bucketEnd, starts[p], starts[p + 1]);
      }
    }
  }

  /**
   * Sorts {@code order[lo, hi)} (string keys, bytewise) as the hand-written TeraSort does: one
   * primitive sort of longs that hold a key's leading prefix bits above its id, then the
   * comparator only inside runs whose leading bits tie, which are already in id order, so the
   * result is the stable sort {@link #mergeSort} gives. Where a prefix holds a byte of
   * {@link Utf8Order#FIRST_DIVERGENT_BYTE} or more, bits could order keys by bytes where strings
   * order them otherwise; such a partition is merge-sorted whole.
   */
  private void prefixSort(int lo, int hi) {
    int idBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, keys.distinct - 1));
    for (int i = lo; i < hi; i++) {
      int d = order[i];
      long prefix = prefixes[d];
      if (mayDiverge(prefix)) {
        mergeSort(order, bucketEnd, lo, hi);
        return;
      }
      // The top 63 - idBits bits of the prefix, kept non-negative, so signed order is unsigned order.
      packed[i] = ((prefix >>> (idBits + 1)) << idBits) | d;
    }
    Arrays.sort(packed, lo, hi);
    int from = lo;
    for (int i = lo; i < hi; i++) {
      order[i] = (int) (packed[i] & ((1L << idBits) - 1));
      if (i > lo && (packed[i] >>> idBits) != (packed[i - 1] >>> idBits)) {
        tieSort(from, i);
        from = i;
      }
    }
    tieSort(from, hi);
  }

  /** Orders keys whose leading prefix bits tie. */
  private void tieSort(int from, int to) {
    if (to - from > 1) {
      mergeSort(order, bucketEnd, from, to);
    }
  }

  /** Whether one of the prefix's bytes is {@link Utf8Order#FIRST_DIVERGENT_BYTE} or more (ASCII prefixes take the first test). */
  private static boolean mayDiverge(long prefix) {
    if ((prefix & 0x8080808080808080L) == 0) {
      return false;
    }
    for (int shift = 0; shift < 64; shift += 8) {
      if (((prefix >>> shift) & 0xFF) >= Utf8Order.FIRST_DIVERGENT_BYTE) {
        return true;
      }
    }
    return false;
  }

  /** Numbers the runs of sorted keys equal under the sort comparator (never across partitions); returns how many. */
  private int cutRuns() {
    int run = -1;
    int first = -1;
    for (int i = 0; i < keys.distinct; i++) {
      int d = order[i];
      if (first < 0 || bytewise || keys.partitionOf(first) != keys.partitionOf(d)
          || sortOrder.compare(decoded[first], decoded[d]) != 0) {
        run++;
        first = d;
      }
      runOf[d] = run;
    }
    return run + 1;
  }

  /** Counting sort of the records into their runs' buckets, in emission order; {@code bucketEnd[run]} ends each. */
  private void bucketRecords(int runs) {
    int[] ends = bucketEnd;
    byte[] data = records.buf;
    int count = records.count;
    Arrays.fill(ends, 0, runs, 0);
    for (int r = 0, at = 0; r < count; r++) {
      ends[runOf[SortBufferRecords.keyId(data, at)]]++;
      at = SortBufferRecords.next(data, at);
    }
    int sum = 0;
    for (int run = 0; run < runs; run++) {
      int n = ends[run];
      ends[run] = sum;
      sum += n;
    }
    for (int r = 0, at = 0; r < count; r++) {
      sorted[ends[runOf[SortBufferRecords.keyId(data, at)]]++] = at;
      at = SortBufferRecords.next(data, at);
    }
  }

  /** Writes the records {@code sorted[from, to)} as they are. */
  private void copy(SpillFile.Writer w, int from, int to) throws IOException {
    byte[] data = records.buf;
    byte[] arena = keys.arena;
    int[] keyAt = keys.keyAt;
    for (int k = from; k < to; k++) {
      int at = sorted[k];
      int key = keyAt[SortBufferRecords.keyId(data, at)];
      w.write(arena, SortBufferKeys.bytesAt(key), SortBufferKeys.length(arena, key),
          data, at + SortBufferRecords.HEADER, SortBufferRecords.valueLength(data, at));
    }
  }

  /** Sort comparator on the keys, ties to the key seen first (so the sort is stable). */
  private int compare(int a, int b) {
    int c = bytewise ? comparePrefixes(a, b) : sortOrder.compare(decoded[a], decoded[b]);
    return c != 0 ? c : Integer.compare(a, b);
  }

  /** The first 8 bytes of string key {@code d} (after the codec's length) as an unsigned big-endian number, zero-padded. */
  private long prefixOf(int d) {
    byte[] arena = keys.arena;
    int at = keys.keyAt[d];
    int from = SortBufferKeys.bytesAt(at) + 4;
    int n = Math.min(8, SortBufferKeys.length(arena, at) - 4);
    long prefix = 0;
    for (int i = 0; i < 8; i++) {
      prefix = (prefix << 8) | (i < n ? arena[from + i] & 0xFF : 0);
    }
    return prefix;
  }

  /** Two string keys by their prefixes where those differ in bytes below 0xEE (most compares: one array, no arena), else by {@link #compareBytes}. */
  private int comparePrefixes(int a, int b) {
    long x = prefixes[a];
    long y = prefixes[b];
    if (x != y) {
      int shift = 56 - (Long.numberOfLeadingZeros(x ^ y) & ~7);
      if (((x >>> shift) & 0xFF) < Utf8Order.FIRST_DIVERGENT_BYTE && ((y >>> shift) & 0xFF) < Utf8Order.FIRST_DIVERGENT_BYTE) {
        return Long.compareUnsigned(x, y);
      }
    }
    return compareBytes(a, b);
  }

  /** Two string keys by their UTF-8 bytes (after the codec's 4-byte length), in string order ({@link Utf8Order}). */
  private int compareBytes(int a, int b) {
    byte[] arena = keys.arena;
    int x = keys.keyAt[a];
    int y = keys.keyAt[b];
    return Utf8Order.compare(arena, SortBufferKeys.bytesAt(x) + 4, SortBufferKeys.length(arena, x) - 4,
        arena, SortBufferKeys.bytesAt(y) + 4, SortBufferKeys.length(arena, y) - 4);
  }

  private void mergeSort(int[] a, int[] tmp, int lo, int hi) {
    if (hi - lo <= 16) {
      for (int i = lo + 1; i < hi; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= lo && compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, tmp, lo, mid);
    mergeSort(a, tmp, mid, hi);
    if (compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, lo, tmp, lo, mid - lo);
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      a[k++] = compare(a[j], tmp[i]) < 0 ? a[j++] : tmp[i++];
    }
    while (i < mid) {
      a[k++] = tmp[i++];
    }
  }

  /** The values of one run, decoded one at a time; may be iterated more than once. */
  private final class RunValues implements Iterable<Object> {
    private final int from;
    private final int to;

    RunValues(int from, int to) {
      this.from = from;
      this.to = to;
    }

    @Override
    public Iterator<Object> iterator() {
      return new Iterator<>() {
        private int k = from;

        @Override public boolean hasNext() { return k < to; }

        @Override public Object next() {
          if (k >= to) {
            throw new NoSuchElementException();
          }
          int at = sorted[k++];
          byte[] data = records.buf;
          int value = at + SortBufferRecords.HEADER;
          try {
            return valueCodec.read(in.reset(data, value, value + SortBufferRecords.valueLength(data, at)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }
  }
}
