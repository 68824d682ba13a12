package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.mapreduce.LongSumReducer;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Partitioner;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.mapreduce.TaskContext;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.spi.Codec;
import org.bigdatalab.spi.Codecs;

/**
 * A map task's bounded sort buffer. Why it looks the way it does: holding map output as objects
 * costs several times its encoded size and cannot be bounded, so records go in as the bytes the
 * job's codecs write, into two byte arrays with {@code int[]} tables beside them; nothing per
 * record is an object. When the arrays would outgrow {@code limit} bytes, the buffer sorts what
 * it holds and spills it to a {@link SpillFile}.
 *
 * <p>Its parts: the layout, records in emission order ({@link SortBufferRecords}) that point to
 * each distinct key stored once ({@link SortBufferKeys}); the spill, a sort of distinct keys
 * rather than records ({@link SortBufferSpiller}); and the memory, which sizes all the arrays
 * within the limit ({@link SortBufferMemory}). This class adds a record and decides when to spill.
 *
 * <p>A job whose combiner is a {@link LongSumReducer} over {@link Codecs#LONG} values (word count)
 * takes a shorter way: the combine happens before the buffer. Each value is added to its key's
 * running sum as it is emitted and no record is kept, so a spill holds one sum per distinct key
 * and sorts only those; word count's map output shrinks from 16 bytes a word to nothing but the
 * vocabulary. The counters stay those of a combiner run at the spill: every folded value is a
 * combine input record, every sum written a combine output record.
 */
final class SortBuffer {

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

  private final SortBufferMemory memory;
  private final SortBufferRecords records;
  private final SortBufferKeys keys;
  private final SortBufferSpiller spiller;
  private final byte[] ioBuffer;

  // The task attempt the buffer works for (see bind/unbind).
  private Codec<Object> keyCodec;
  private Codec<Object> valueCodec;
  private Comparator<Object> sortOrder;
  private Partitioner<Object> partitioner;
  private Reducer<Object, Object, Object, Object> combiner;
  private CombineOutput<Object, Object> combineOutput;
  private int partitions;
  /** The combiner is a {@link LongSumReducer} over longs: values are folded into {@link SortBufferKeys#sums}. */
  private boolean summing;
  /** Values folded into the sums since the last spill (combine input records). */
  private long folded;
  /**
   * Whether {@link #encode} looks each key up to store it once. Without a combiner a key seen
   * again saves only its bytes, and a job whose keys hardly repeat (TeraSort: every key is new)
   * pays a hash and a probe per record for nothing. So while there is no combiner, the first
   * {@link #SAMPLED_RECORDS} records after each spill are looked up, and if fewer than one in
   * {@link #REPEATS_WORTH_LOOKUP} found its key already held, the rest until the next spill are
   * stored as new keys ({@link SortBufferKeys#addNew}). Equal keys held twice sort next to each
   * other in id order, which is emission order, so the spill is the same stable sort.
   */
  private boolean lookingUp = true;
  private int lookups;
  private int repeats;
  static final int SAMPLED_RECORDS = 1024;
  static final int REPEATS_WORTH_LOOKUP = 16;
  private long[] counts;
  private SpillNames names;
  private final List<SpillFile> spilled = new ArrayList<>();

  SortBuffer(long limit) {
    if (limit < 1024 || limit > (1L << 30)) {
      throw new IllegalArgumentException("sort buffer must be between 1KB and 1GB, got " + limit + " bytes");
    }
    this.memory = new SortBufferMemory(limit);
    this.records = memory.records;
    this.keys = memory.keys;
    this.spiller = memory.spiller;
    this.ioBuffer = new byte[(int) Math.min(1 << 16, Math.max(4096, limit / 4))];
  }

  /**
   * The word table ({@link WordScan}) of the map tasks this buffer serves in one job, kept from
   * task to task: shared by them where the job allows ({@link #sortsStringsNaturally}), and
   * otherwise emptied by each task, its slots kept for the next (a 2 MB split's table grows to
   * 8 MB through seven doublings, each past 1 MB a humongous G1 allocation).
   */
  private WordScan words;

  /** The word table kept for this buffer's next task, made by {@code make} the first time. */
  WordScan words(Supplier<WordScan> make) {
    if (words == null) {
      words = make.get();
    }
    return words;
  }

  /** The word table this buffer's tasks used, or null. */
  WordScan words() {
    return words;
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
    this.summing = combiner instanceof LongSumReducer && job.mapValueCodec() == Codecs.LONG;
  }

  /** Forgets the attempt (whatever state it left, a failure included); keeps the arrays for the next one. */
  void unbind() {
    clear();
    memory.resetIfOverLimit();
    spilled.clear();
    keyCodec = null;
    valueCodec = null;
    sortOrder = null;
    partitioner = null;
    combiner = null;
    summing = false;
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
    if (!memory.hasRoom()) {
      makeRoom();
    }
    int start = records.pos;
    int arenaMark = keys.arenaUsed;
    try {
      if (summing) {
        long v = (Long) value; // unboxed first: a null value fails before anything changes
        try {
          fold(p, key, v, start);
        } catch (SortBufferMemory.BufferFull full) {
          records.pos = start;
          keys.arenaUsed = arenaMark;
          spillFromEmit();
          fold(p, key, v, records.pos);
        }
        return;
      }
      try {
        encode(p, key, value, start);
      } catch (SortBufferMemory.BufferFull full) {
        records.pos = start;
        keys.arenaUsed = arenaMark;
        spillFromEmit();
        encode(p, key, value, records.pos);
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

  /** Encodes the key where the record will go, finds or stores it among the keys, then writes the record. */
  private void encode(int p, Object key, Object value, int start) throws IOException {
    keyCodec.write(key, records);
    byte[] data = records.buf;
    int keyLength = records.pos - start;
    if (!lookingUp) {
      int keyStart = keys.store(data, start, keyLength);
      records.pos = start;
      records.begin();
      valueCodec.write(value, records);
      records.end(start, keys.addNew(keyStart, p, keyLength));
      return;
    }
    int h = SortBufferKeys.hash(data, start, records.pos);
    int d = keys.find(p, data, start, keyLength, h);
    int keyStart = d < 0 ? keys.store(data, start, keyLength) : -1;
    records.pos = start;
    records.begin();
    valueCodec.write(value, records);
    boolean repeat = d >= 0;
    if (d < 0) {
      d = keys.add(keyStart, p, keyLength, ~d, h);
    }
    records.end(start, d);
    if (combiner == null && ++lookups == SAMPLED_RECORDS) {
      lookingUp = (repeats + (repeat ? 1 : 0)) * REPEATS_WORTH_LOOKUP >= SAMPLED_RECORDS;
    } else if (repeat) {
      repeats++;
    }
  }

  /** Encodes the key (as scratch, where a record would go), then folds it. */
  private void fold(int p, Object key, long value, int start) throws IOException {
    keyCodec.write(key, records);
    int keyLength = records.pos - start;
    records.pos = start;
    foldEncoded(p, records.buf, start, keyLength, value, 1);
  }

  /**
   * Adds {@code value}, the sum of {@code values} map output values, to the sum of an already
   * encoded key in partition {@code p}: the way in for a map task that cuts keys from its input
   * bytes and combines them itself ({@link WordScan}). Only while the buffer folds sums
   * ({@link #folding}); may spill first.
   */
  void fold(int p, byte[] key, int start, int length, long value, long values) {
    if (!memory.hasRoom()) {
      makeRoom();
    }
    int arenaMark = keys.arenaUsed;
    try {
      foldEncoded(p, key, start, length, value, values);
    } catch (SortBufferMemory.BufferFull full) {
      keys.arenaUsed = arenaMark;
      spillFromEmit();
      foldEncoded(p, key, start, length, value, values);
    }
  }

  /** Records already sorted by (partition, key) and combined, which write themselves into a spill. */
  interface SortedRun {
    /** Writes the records in order; returns how many. */
    long writeTo(SpillFile.Writer w) throws IOException;

    /** How many map output values the records sum (the combine's input records). */
    long values();
  }

  /**
   * Whether {@link #spillSorted} takes a run of string keys sorted by their UTF-8 bytes now: the
   * buffer is empty (so each key is spilled once), folds sums, and the job sorts string keys in
   * their natural order, which is byte order for the ASCII keys of a word table.
   */
  boolean takesSortedStrings() {
    return isEmpty() && sortsStringsNaturally();
  }

  /**
   * Whether this attempt folds sums of string keys sorted in their natural order: then a word
   * table can always spill itself ({@link #spillSorted}) into an empty buffer, so tasks may share
   * one and leave its spill to the engine once the map phase is over.
   */
  boolean sortsStringsNaturally() {
    return summing && (Object) keyCodec == Codecs.STRING && (Object) sortOrder == KeyComparator.natural();
  }

  /**
   * Spills {@code run} as it is, its keys never stored here: a word table's last flush
   * ({@link WordTableSpill}), only while {@link #takesSortedStrings}. Counted as {@link #spill}
   * counts folded sums.
   */
  void spillSorted(SortedRun run) throws IOException {
    if (!takesSortedStrings()) {
      throw new IllegalStateException("a sorted run is spilled only into an empty buffer that folds sums of string keys in natural order");
    }
    SpillFile.Writer w = new SpillFile.Writer(names.next("spill"), partitions, ioBuffer);
    try {
      long written = run.writeTo(w);
      spilled.add(w.finish());
      counts[TaskCounter.COMBINE_INPUT_RECORDS.ordinal()] += run.values();
      counts[TaskCounter.COMBINE_OUTPUT_RECORDS.ordinal()] += written;
      counts[TaskCounter.SPILLED_RECORDS.ordinal()] += written;
    } finally {
      w.close();
    }
  }

  /** Whether the buffer holds no key since its last spill. */
  boolean isEmpty() {
    return keys.distinct == 0;
  }

  /** Whether this attempt's values are folded into per-key sums (the combiner is a {@code LongSumReducer} over longs). */
  boolean folding() {
    return summing;
  }

  private void foldEncoded(int p, byte[] key, int start, int length, long value, long values) {
    int h = SortBufferKeys.hash(key, start, start + length);
    int d = keys.find(p, key, start, length, h);
    if (d < 0) {
      d = keys.add(keys.store(key, start, length), p, length, ~d, h);
    }
    keys.sums[d] += value;
    folded += values;
  }

  private void makeRoom() {
    if (memory.grow(false)) {
      return;
    }
    memory.pressure = true;
    if (keys.distinct > 0) {
      spillFromEmit();
      if (memory.hasRoom() || memory.grow(false)) {
        return;
      }
    }
    memory.grow(true);
  }

  private void spill() throws Exception {
    if (keys.distinct == 0) {
      return;
    }
    int usedData = records.pos;
    int usedArena = keys.arenaUsed;
    int usedRecords = records.count;
    int usedDistinct = keys.distinct;
    spiller.sort(keyCodec, sortOrder, partitions, combiner != null && !summing);
    SpillFile.Writer w = new SpillFile.Writer(names.next("spill"), partitions, ioBuffer);
    try {
      if (summing) {
        spiller.writeSums(w, combineOutput);
      } else {
        spiller.write(w, valueCodec, combiner, combineOutput);
      }
      spilled.add(w.finish());
    } finally {
      w.close();
    }
    if (summing) {
      counts[TaskCounter.COMBINE_INPUT_RECORDS.ordinal()] += folded;
    } else if (combiner != null) {
      counts[TaskCounter.COMBINE_INPUT_RECORDS.ordinal()] += records.count; // outputs are counted as written
    } else {
      counts[TaskCounter.SPILLED_RECORDS.ordinal()] += records.count;
    }
    clear();
    memory.rebalance(usedData, usedArena, usedRecords, usedDistinct);
  }

  private void clear() {
    folded = 0;
    lookingUp = true;
    lookups = 0;
    repeats = 0;
    spiller.clear();
    keys.clear();
    records.clear();
  }
}
