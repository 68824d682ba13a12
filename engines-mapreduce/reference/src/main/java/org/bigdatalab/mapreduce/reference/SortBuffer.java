package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Partitioner;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.TaskContext;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.spi.Codec;

/**
 * A map task's bounded sort buffer. Why it looks the way it does: holding map output as objects
 * costs several times its encoded size and cannot be bounded, so records go in as the bytes the
 * job's codecs write, into two byte arrays with {@code int[]} tables beside them; nothing per
 * record is an object. When the arrays would outgrow {@code limit} bytes, the buffer sorts what
 * it holds and spills it to a {@link SpillFile}.
 *
 * <p>Layout. Each <em>distinct</em> encoded key (per partition) is stored once, in the key arena,
 * as {@code [keyId, partition, keyLength, key bytes]}; an open-addressing hash table of
 * {@code (arena offset, hash)} pairs finds it again, touching two cache lines on a hit. A record
 * is {@code [keyId, valueLength, value bytes]} in the data array, in emission order. A word-count
 * task thus spends 16 value bytes and a 4-byte sort slot per word, and sorting is over distinct
 * keys, not records. Byte-equal keys decode to equal keys, so this never merges keys the sort
 * comparator would keep apart.
 *
 * <p>Spill. Decode each distinct key once; counting-sort the keys by partition; merge-sort each
 * partition by the job's sort comparator (ties: first seen first); cut the sorted keys into runs
 * equal under the comparator; then one counting-sort pass over the records, in emission order,
 * drops each record's offset into its run's bucket. Buckets in key order, records in emission
 * order within a bucket: exactly a stable sort of the records by (partition, key), built from
 * sequential passes rather than pointer chasing through a buffer of many megabytes. Each bucket
 * is written out, or handed to the combiner as one group.
 *
 * <p>Memory. {@code limit} bounds the arrays (data, key arena, hash table, sort scratch). Not
 * bounded by it: the keys decoded during a spill (one per distinct key), the spill's write
 * buffer, and a single record larger than the whole buffer (held alone, then spilled).
 */
final class SortBuffer {
  private static final int RECORD_HEADER = 8;                 // keyId, valueLength
  private static final int KEY_HEADER = 12;                   // keyId, partition, keyLength
  private static final int BYTES_PER_RECORD = 4;              // its slot in the sorted order
  private static final int BYTES_PER_DISTINCT = 4 * 4 + 8;    // arena offset, order, run, bucket end; decoded key
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  /** Thrown (preallocated) when the data or the key arena cannot grow; the record is retried after a spill. */
  private static final class BufferFull extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final BufferFull INSTANCE = new BufferFull();

    private BufferFull() {
      super("sort buffer full", null, false, false);
    }
  }

  /**
   * A spill that failed while the map function was emitting (a combiner's exception, a full disk).
   * It is wrapped so the map loop does not take a combiner's {@code BadRecordException} for a bad
   * input line; the engine unwraps it to classify the failure.
   */
  static final class SpillFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SpillFailure(Throwable cause) {
      super("spill failed: " + cause, cause);
    }
  }

  private final long limit;
  private final int initialData;
  private final int initialArena;
  private final int initialRecords;
  private final int initialDistinct;
  private final Encoder out;
  private byte[] arena;
  private int arenaUsed;
  private int[] sorted;
  private int records;
  private int[] keyAt;
  private int[] order;
  private int[] runOf;
  private int[] bucketEnd;
  private Object[] keys;
  private int distinct;
  private int[] table;
  private boolean pressure;
  private final byte[] ioBuffer;
  private final SpillBytes.In in = new SpillBytes.In();

  // The task attempt the buffer works for (see bind/unbind).
  private Codec<Object> keyCodec;
  private Codec<Object> valueCodec;
  private Comparator<Object> sortOrder;
  private Partitioner<Object> partitioner;
  private Reducer<Object, Object, Object, Object> combiner;
  private int partitions;
  private long[] counts;
  private SpillNames names;
  private final List<SpillFile> spilled = new ArrayList<>();
  private CombineOutput<Object, Object> combineOutput;

  SortBuffer(long limit) {
    if (limit < 1024 || limit > (1L << 30)) {
      throw new IllegalArgumentException("sort buffer must be between 1KB and 1GB, got " + limit + " bytes");
    }
    this.limit = limit;
    this.initialData = (int) Math.min(1 << 16, limit / 4);
    this.initialArena = (int) Math.min(1 << 14, limit / 16);
    this.initialRecords = (int) Math.min(1 << 12, limit / 64);
    this.initialDistinct = (int) Math.min(1 << 10, limit / 256);
    this.out = new Encoder(initialData);
    this.ioBuffer = new byte[(int) Math.min(1 << 16, Math.max(4096, limit / 4))];
    allocate();
  }

  private void allocate() {
    out.buf = new byte[initialData];
    arena = new byte[initialArena];
    allocateRecords(initialRecords);
    allocateDistinct(initialDistinct);
  }

  private void allocateRecords(int slots) {
    sorted = new int[slots];
  }

  private void allocateDistinct(int slots) {
    keyAt = new int[slots];
    order = new int[slots];
    runOf = new int[slots];
    bucketEnd = new int[slots];
    keys = new Object[slots];
    table = new int[2 * (Integer.highestOneBit(slots * 2 - 1) << 1)];
  }

  /** The write buffer, reused by the task's merges once the buffer is done spilling. */
  byte[] ioBuffer() {
    return ioBuffer;
  }

  /** Starts serving one map task attempt. */
  @SuppressWarnings("unchecked")
  <K, V> void bind(MapReduceJob<K, V, ?, ?> job, TaskContext task, long[] counts, SpillNames names) {
    this.keyCodec = (Codec<Object>) job.mapKeyCodec();
    this.valueCodec = (Codec<Object>) job.mapValueCodec();
    this.sortOrder = (Comparator<Object>) job.sortComparator();
    this.partitioner = (Partitioner<Object>) job.partitioner();
    this.combiner = (Reducer<Object, Object, Object, Object>) job.combiner();
    this.partitions = job.numReducers();
    this.counts = counts;
    this.names = names;
    this.combineOutput = combiner == null ? null : new CombineOutput<>(keyCodec, valueCodec, counts, task);
  }

  /** Forgets the attempt (whatever state it left, a failure included); keeps the arrays for the next one. */
  void unbind() {
    clear();
    if (capacityBytes() > limit) {
      allocate();
    }
    spilled.clear();
    keyCodec = null;
    valueCodec = null;
    sortOrder = null;
    partitioner = null;
    combiner = null;
    counts = null;
    names = null;
    combineOutput = null;
  }

  /** Adds one map output record; may spill first. Partitioner and codec exceptions pass through. */
  void add(Object key, Object value) {
    int p = partitioner.partition(key, partitions);
    if (p < 0 || p >= partitions) {
      throw new IllegalStateException("partitioner returned " + p + " for key " + key + " with " + partitions + " reducers");
    }
    if (!hasRoom()) {
      makeRoom();
    }
    int start = out.pos;
    int arenaMark = arenaUsed;
    try {
      try {
        encode(p, key, value, start);
      } catch (BufferFull full) {
        out.pos = start;
        arenaUsed = arenaMark;
        spillFromEmit();
        encode(p, key, value, out.pos);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spills what is left; returns the task's spills in order (none if it emitted nothing). */
  List<SpillFile> finish() throws Exception {
    spill();
    return List.copyOf(spilled);
  }

  private void spillFromEmit() {
    try {
      spill();
    } catch (Exception e) {
      throw new SpillFailure(e);
    }
  }

  /** Encodes the key where the record will go, finds or stores it in the arena, then writes the record. */
  private void encode(int p, Object key, Object value, int start) throws IOException {
    keyCodec.write(key, out);
    byte[] data = out.buf;
    int keyLen = out.pos - start;
    int h = hash(data, start, out.pos);
    int mask = (table.length >>> 1) - 1;
    int slot = h & mask;
    int d = -1;
    int e;
    while ((e = table[2 * slot]) != 0) {
      if (table[2 * slot + 1] == h) {
        int at = e - 1;
        if (SpillBytes.getInt(arena, at + 4) == p && SpillBytes.getInt(arena, at + 8) == keyLen
            && sameBytes(arena, at + KEY_HEADER, data, start, keyLen)) {
          d = SpillBytes.getInt(arena, at);
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    int keyStart = -1;
    if (d < 0) {
      keyStart = reserveArena(KEY_HEADER + keyLen);
      System.arraycopy(data, start, arena, keyStart + KEY_HEADER, keyLen);
    }
    out.pos = start;
    out.writeLong(0); // the record header, filled in below
    valueCodec.write(value, out);
    if (d < 0) {
      d = distinct++;
      SpillBytes.putInt(arena, keyStart, d);
      SpillBytes.putInt(arena, keyStart + 4, p);
      SpillBytes.putInt(arena, keyStart + 8, keyLen);
      keyAt[d] = keyStart;
      table[2 * slot] = keyStart + 1;
      table[2 * slot + 1] = h;
    }
    SpillBytes.putInt(out.buf, start, d);
    SpillBytes.putInt(out.buf, start + 4, out.pos - start - RECORD_HEADER);
    records++;
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

  /** A polynomial hash of the bytes, four at a time (the same value as one at a time, with a shorter dependency chain). */
  private static int hash(byte[] b, int from, int to) {
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

  // Memory ------------------------------------------------------------------------------------

  private long capacityBytes() {
    return (long) out.buf.length + arena.length + (long) BYTES_PER_RECORD * sorted.length
        + (long) BYTES_PER_DISTINCT * keys.length + 4L * table.length;
  }

  private boolean hasRoom() {
    return records < sorted.length && distinct < keys.length && (distinct + 1) * 4 <= table.length;
  }

  private void makeRoom() {
    if (grow(false)) {
      return;
    }
    pressure = true;
    if (records > 0) {
      spillFromEmit();
      if (hasRoom() || grow(false)) {
        return;
      }
    }
    grow(true);
  }

  /** Grows whatever table is full, within the limit unless forced; false if it could not. */
  private boolean grow(boolean force) {
    if (records >= sorted.length) {
      int slots = grownLength(sorted.length, records + 1, BYTES_PER_RECORD, force);
      if (slots < 0) {
        return false;
      }
      sorted = new int[slots];
    }
    if (distinct >= keys.length) {
      int slots = grownLength(keys.length, distinct + 1, BYTES_PER_DISTINCT, force);
      if (slots < 0) {
        return false;
      }
      keyAt = Arrays.copyOf(keyAt, slots);
      order = new int[slots];
      runOf = new int[slots];
      bucketEnd = new int[slots];
      keys = new Object[slots];
    }
    if ((distinct + 1) * 4 > table.length) {
      if (!force && limit - capacityBytes() < 4L * table.length) {
        return false;
      }
      rehash(table.length * 2);
    }
    return true;
  }

  private int grownLength(int current, int needed, int unitBytes, boolean force) {
    long budgetUnits = Math.max(0, (limit - capacityBytes()) / unitBytes);
    long grown = Math.min(2L * current, current + budgetUnits);
    if (grown < needed) {
      if (!force) {
        return -1;
      }
      grown = Math.max(needed, 2L * current);
    }
    return (int) Math.min(grown, MAX_ARRAY / 8);
  }

  private void rehash(int length) {
    table = new int[length];
    int mask = (length >>> 1) - 1;
    for (int d = 0; d < distinct; d++) {
      int at = keyAt[d];
      int h = hash(arena, at + KEY_HEADER, at + KEY_HEADER + SpillBytes.getInt(arena, at + 8));
      int slot = h & mask;
      while (table[2 * slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[2 * slot] = at + 1;
      table[2 * slot + 1] = h;
    }
  }

  /** The new length of a byte array that must hold {@code need} bytes, within the limit while something could be spilled. */
  private int grownBytes(int length, long need) {
    long budget = Math.max(0, limit - capacityBytes());
    long grown = Math.min(Math.max(need, 2L * length), length + budget);
    if (grown < need) {
      if (records > 0) {
        pressure = true;
        throw BufferFull.INSTANCE;
      }
      grown = need + (need >>> 3); // one record bigger than the buffer: hold it alone
    }
    if (need > MAX_ARRAY) {
      throw new IllegalStateException("a map output record of more than " + MAX_ARRAY + " bytes");
    }
    return (int) Math.min(grown, MAX_ARRAY);
  }

  private int reserveArena(int n) {
    if (arena.length - arenaUsed < n) {
      arena = Arrays.copyOf(arena, grownBytes(arena.length, (long) arenaUsed + n));
    }
    int at = arenaUsed;
    arenaUsed += n;
    return at;
  }

  /** Writes into the data array; growing it past the limit is refused while other records could be spilled. */
  private final class Encoder extends SpillBytes.Out {
    Encoder(int capacity) {
      super(capacity);
    }

    @Override void ensure(int n) {
      if (buf.length - pos < n) {
        buf = Arrays.copyOf(buf, grownBytes(buf.length, (long) pos + n));
      }
    }
  }

  // Spill --------------------------------------------------------------------------------------

  private void spill() throws Exception {
    if (records == 0) {
      return;
    }
    int usedData = out.pos;
    int usedArena = arenaUsed;
    int usedRecords = records;
    int usedDistinct = distinct;
    for (int d = 0; d < distinct; d++) {
      int at = keyAt[d] + KEY_HEADER;
      keys[d] = keyCodec.read(in.reset(arena, at, at + SpillBytes.getInt(arena, at - 4)));
    }
    sortKeys();
    int runs = cutRuns();
    bucketRecords(runs);
    SpillFile.Writer w = new SpillFile.Writer(names.next("spill"), partitions, ioBuffer);
    try {
      int from = 0;
      for (int i = 0; i < distinct; i++) {
        int d = order[i];
        int run = runOf[d];
        if (i > 0 && runOf[order[i - 1]] == run) {
          continue;
        }
        w.startPartition(partitionOf(d));
        int to = bucketEnd[run];
        writeRun(w, d, from, to);
        from = to;
      }
      spilled.add(w.finish());
    } finally {
      w.close();
    }
    if (combiner != null) {
      counts[TaskCounter.COMBINE_INPUT_RECORDS.ordinal()] += records; // outputs are counted as written
    } else {
      counts[TaskCounter.SPILLED_RECORDS.ordinal()] += records;
    }
    clear();
    rebalance(usedData, usedArena, usedRecords, usedDistinct);
  }

  /** {@code order}: the distinct keys by partition (counting sort), then by key within each partition. */
  private void sortKeys() {
    int[] starts = new int[partitions + 1];
    for (int d = 0; d < distinct; d++) {
      starts[partitionOf(d) + 1]++;
    }
    for (int p = 0; p < partitions; p++) {
      starts[p + 1] += starts[p];
    }
    int[] fill = Arrays.copyOf(starts, partitions);
    for (int d = 0; d < distinct; d++) {
      order[fill[partitionOf(d)]++] = d;
    }
    for (int p = 0; p < partitions; p++) {
      mergeSort(order, bucketEnd, starts[p], starts[p + 1]);
    }
  }

  /** Numbers the runs of sorted keys equal under the sort comparator (never across partitions); returns how many. */
  private int cutRuns() {
    int run = -1;
    int first = -1;
    for (int i = 0; i < distinct; i++) {
      int d = order[i];
      if (first < 0 || partitionOf(first) != partitionOf(d) || sortOrder.compare(keys[first], keys[d]) != 0) {
        run++;
        first = d;
      }
      runOf[d] = run;
    }
    return run + 1;
  }

  private int partitionOf(int d) {
    return SpillBytes.getInt(arena, keyAt[d] + 4);
  }

  /** Counting sort of the records into their runs' buckets, in emission order; {@code bucketEnd[run]} ends each. */
  private void bucketRecords(int runs) {
    int[] ends = bucketEnd;
    byte[] data = out.buf;
    Arrays.fill(ends, 0, runs, 0);
    for (int r = 0, at = 0; r < records; r++) {
      ends[runOf[SpillBytes.getInt(data, at)]]++;
      at += RECORD_HEADER + SpillBytes.getInt(data, at + 4);
    }
    int sum = 0;
    for (int run = 0; run < runs; run++) {
      int n = ends[run];
      ends[run] = sum;
      sum += n;
    }
    for (int r = 0, at = 0; r < records; r++) {
      sorted[ends[runOf[SpillBytes.getInt(data, at)]]++] = at;
      at += RECORD_HEADER + SpillBytes.getInt(data, at + 4);
    }
  }

  /** Writes the records {@code sorted[from, to)}, one run; {@code d} is the run's first key. */
  private void writeRun(SpillFile.Writer w, int d, int from, int to) throws Exception {
    if (combiner != null) {
      combiner.reduce(keys[d], new RunValues(from, to), combineOutput.into(w));
      return;
    }
    byte[] data = out.buf;
    for (int k = from; k < to; k++) {
      int at = sorted[k];
      int key = keyAt[SpillBytes.getInt(data, at)];
      w.write(arena, key + KEY_HEADER, SpillBytes.getInt(arena, key + 8), data, at + RECORD_HEADER, SpillBytes.getInt(data, at + 4));
    }
  }

  private void clear() {
    Arrays.fill(keys, 0, distinct, null);
    Arrays.fill(table, 0);
    records = 0;
    distinct = 0;
    out.pos = 0;
    arenaUsed = 0;
  }

  /**
   * After a spill forced by one full array, gives back the room the others did not use, so the
   * full one can grow into it next time (the shape of the map output decides the split).
   */
  private void rebalance(int usedData, int usedArena, int usedRecords, int usedDistinct) {
    if (capacityBytes() > limit) {
      allocate(); // a record larger than the buffer made it grow past the limit: back to the start
      pressure = false;
      return;
    }
    if (!pressure) {
      return;
    }
    pressure = false;
    if (out.buf.length > initialData && 2L * usedData < out.buf.length) {
      out.buf = new byte[Math.max(initialData, usedData + usedData / 4)];
    }
    if (arena.length > initialArena && 2L * usedArena < arena.length) {
      arena = new byte[Math.max(initialArena, usedArena + usedArena / 4)];
    }
    if (sorted.length > initialRecords && 2L * usedRecords < sorted.length) {
      allocateRecords(Math.max(initialRecords, usedRecords + usedRecords / 4));
    }
    if (keys.length > initialDistinct && 2L * usedDistinct < keys.length) {
      allocateDistinct(Math.max(initialDistinct, usedDistinct + usedDistinct / 4));
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
          try {
            return valueCodec.read(in.reset(out.buf, at + RECORD_HEADER, at + RECORD_HEADER + SpillBytes.getInt(out.buf, at + 4)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }
  }

  // Sorting distinct keys ------------------------------------------------------------------------

  /** Sort comparator on the decoded keys, ties to the key seen first (so the sort is stable). */
  private int compare(int a, int b) {
    int c = sortOrder.compare(keys[a], keys[b]);
    return c != 0 ? c : Integer.compare(a, b);
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
}
