package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.util.Arrays;

/**
 * Word count's map function on bytes, with its combine before the sort buffer, for a job that
 * declares it ({@code WordCountMapper}, the hash partitioner, string keys, long values, a
 * {@code LongSumReducer} combiner).
 *
 * <p>A line of ASCII bytes is cut into its words in place: a 128-entry table says whether a byte
 * belongs to a word and gives its lower-case form, and the word's first eight bytes are gathered
 * while scanning. The word is counted in an open-addressing table of two longs a slot: its key
 * (those eight bytes, see {@link #KEY}) and its count (with the epoch of the attempt that last
 * touched it). A slot is 16 bytes, so it never straddles a cache line, and a hit on a word of up to
 * eight bytes reads and writes that one line only; the word's arena slice (start, length) lies in a
 * side array read only to compare a longer word's other bytes, and for spills. (At 16 MB two such
 * tables, one per engine thread, hold the corpus' 100 K words; with the 32-byte slots of before
 * they were 8 MB each, half their slots across two cache lines.) The string hash a word's partition
 * needs ({@code String.hashCode}) is made from the arena once per word and spill, not per byte
 * scanned. No String is made. When the table holds its most words, each word goes to the sort buffer
 * once, encoded as {@code Codecs.STRING} encodes it, with its count ({@link SortBuffer#fold}); at
 * the end of the split the words go the same way, or, when the buffer is empty, the table writes
 * them as the spill itself ({@link WordTableSpill}). A line with any byte of 0x80 or more is left
 * to the job's mapper, which knows the Unicode rule.
 *
 * <p>The table can also be shared by the map tasks a sort buffer serves in one job ({@link #begin}
 * with {@code share}): each split of a small input has most of the vocabulary (a 2 MB split of the
 * 16 MB Zipf corpus: about 69 K of 100 K words), so a table per split inserts, spills and merges the
 * same words again in every task. A shared table keeps its words until the engine spills it once,
 * after the map phase. What makes that safe is that an attempt's additions can be taken back
 * ({@link #rollback}): the first time an attempt touches a slot, the slot's count before is noted
 * (the slot's epoch, beside its hash, says whether it was touched yet). A shared table never
 * flushes into an attempt's buffer (that would mix other tasks' words into a run a failure throws
 * away): when it is full, the attempt stops with {@link TableFull}, rolled back, and the engine
 * spills the table and maps the split again with a table of its own.
 *
 * <p>The table's slots take at most a quarter of the sort buffer's size, beside it.
 */
class WordScan {
  /** For ASCII bytes: the lower-case byte of a letter or digit, 0 for a separator. */
  static final byte[] WORD = new byte[128];

  static {
    for (int c = '0'; c <= '9'; c++) WORD[c] = (byte) c;
    for (int c = 'a'; c <= 'z'; c++) WORD[c] = (byte) c;
    for (int c = 'A'; c <= 'Z'; c++) WORD[c] = (byte) (c + 32);
  }

  /**
   * A slot's key: the word's first eight bytes (the first in the low byte, zero-padded), with the
   * top bit set for a word of more than eight bytes. An ASCII byte's top bit is 0, and a word has
   * no 0 byte, so the key alone is the whole word up to eight bytes (a word of exactly eight bytes
   * and a longer one that starts with them differ in the flag). 0: a free slot.
   */
  static final int KEY = 0;
  /** The word's count (low {@link #COUNT_BITS} bits) and the epoch of the attempt that last touched it (above). */
  static final int COUNT = 1;
  static final int SLOT_LONGS = 2;
  static final long LONG_WORD = Long.MIN_VALUE;
  static final int COUNT_BITS = 40;
  static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
  /** The epochs a slot can hold; at the last, the slots' epochs are cleared and numbering starts again. */
  static final int EPOCHS = 1 << (64 - COUNT_BITS);
  /** A table that has counted this many words since it was emptied is full (so no count reaches {@link #COUNT_BITS} bits). */
  static final long MOST_COUNTED = 1L << (COUNT_BITS - 2);

  /** Thrown by a shared table that is full; the attempt's additions are taken back first ({@link #rollback}). */
  static final class TableFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TableFull() {
      super("shared word table full", null, false, false);
    }
  }

  private final SortBuffer buffer;
  private final int partitions;
  private final int maxSlots;
  private long[] slots;
  /** Per slot: the word's arena slice, (start << 32) | length. */
  private long[] slices;
  private int mask;
  /** 64 - log2(slots): a slot is the top bits of the key's Fibonacci hash. */
  private int shift;
  private int size;
  /** Words counted since the table was last emptied (an upper bound of any slot's count). */
  private long counted;
  private byte[] arena = new byte[1 << 12];
  private int arenaUsed;
  /** A word encoded for the sort buffer: its length (4 bytes, big-endian), then its bytes. */
  private byte[] key = new byte[64];

  /** Whether the running attempt adds to words other attempts left (see {@link #begin}). */
  private boolean shared;
  /** False once a shared table was found too small for the vocabulary: the buffer's later tasks get tables of their own. */
  private boolean shareable = true;
  /** The running attempt's number, kept above the count of each slot it touched. */
  private int epoch;
  /** The slices of the words a shared table's running attempt touched first, and their counts before. */
  private long[] touchedWords = new long[1 << 10];
  private long[] countsBefore = new long[1 << 10];
  private int touched;

  WordScan(SortBuffer buffer, int partitions, long sortBufferBytes) {
    this.buffer = buffer;
    this.partitions = partitions;
    int slotBytes = 8 * (SLOT_LONGS + 1); // the slot and its slice
    this.maxSlots = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 22, sortBufferBytes / 4 / slotBytes)));
    allocate(Math.min(maxSlots, 1 << 10));
  }

  private void allocate(int slotCount) {
    slots = new long[slotCount * SLOT_LONGS];
    slices = new long[slotCount];
    mask = slotCount - 1;
    shift = 64 - Integer.numberOfTrailingZeros(slotCount);
  }

  /**
   * Starts an attempt. With {@code share} (and while the table is {@link #shareable}) the words
   * the buffer's earlier attempts left stay and this attempt adds to them, to be committed or
   * rolled back; otherwise the table must be empty and the attempt ends with {@link #finish}.
   */
  void begin(boolean share) {
    if (!(share && shareable) && size > 0) {
      throw new IllegalStateException("a word table of its own starts empty; it holds " + size + " words");
    }
    shared = share && shareable;
    if (++epoch == EPOCHS) {
      for (int at = COUNT; at < slots.length; at += SLOT_LONGS) {
        slots[at] &= COUNT_MASK; // epoch 0, which no attempt has: every slot untouched
      }
      epoch = 1;
    }
    touched = 0;
  }

  /** Whether the running attempt's words stay in the table for later attempts (no {@link #finish}). */
  boolean shared() {
    return shared;
  }

  /** Whether tasks may still share this table (false after it filled up, see {@link TableFull}). */
  boolean shareable() {
    return shareable;
  }

  /** Later attempts get tables of their own (the shared one held too few words for the input). */
  void stopSharing() {
    shareable = false;
  }

  /** Whether the table holds words (perhaps only ones rolled back to a count of 0). */
  boolean holdsWords() {
    return size > 0;
  }

  /** The running attempt succeeded: its additions stay. */
  void commit() {
    touched = 0;
  }

  /**
   * The running attempt failed: a shared table takes its additions back, so the slots it touched
   * hold their counts from before it (0 for words it inserted: such a slot stays, empty, and is
   * neither flushed nor spilled); a table of its own is emptied (it kept no journal).
   */
  void rollback() {
    if (!shared) {
      clear();
      return;
    }
    for (int i = 0; i < touched; i++) {
      long slice = touchedWords[i];
      int start = (int) (slice >>> 32);
      int length = (int) slice;
      long k = keyOf(arena, start, length);
      int slot = slotOf(k, length <= 8 ? 0 : tailHash(arena, start + 8, start + length)); // found again: a grow may have moved it
      while (slices[slot] != slice || slots[slot * SLOT_LONGS + KEY] == 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot * SLOT_LONGS + COUNT] = countsBefore[i];
    }
    touched = 0;
  }

  /** Counts the words of {@code line[from, from + length)}; returns how many, or -1 if the line is not ASCII (nothing counted). */
  int scan(byte[] line, int from, int length) {
    int to = from + length;
    if (!isAscii(line, from, to)) {
      return -1;
    }
    byte[] word = WORD;
    int words = 0;
    int i = from;
    while (i < to) {
      while (i < to && word[line[i] & 0x7F] == 0) { // & 0x7F: no bounds check (the line is ASCII)
        i++;
      }
      int start = i;
      long prefix = 0;
      byte lower;
      while (i < to && (lower = word[line[i] & 0x7F]) != 0) {
        line[i] = lower; // lowered in place: the reader is done with the line
        int k = i - start;
        if (k < 8) {
          prefix |= (long) lower << (k << 3);
        }
        i++;
      }
      if (i > start) {
        count(line, start, i - start, prefix);
        words++;
      }
    }
    if ((counted += words) > MOST_COUNTED) {
      full();
    }
    return words;
  }

  /** Whether every byte is below 0x80 (overridable so a broken engine can skip the check). */
  boolean isAscii(byte[] b, int from, int to) {
    int or = 0;
    for (int i = from; i < to; i++) {
      or |= b[i];
    }
    return or >= 0;
  }

  /** Sends every word counted so far to the sort buffer and empties the table. */
  void flush() {
    long[] s = slots;
    for (int slot = 0; slot <= mask; slot++) {
      long count = s[slot * SLOT_LONGS + COUNT] & COUNT_MASK;
      if (s[slot * SLOT_LONGS + KEY] != 0 && count != 0) { // 0: a word a failed attempt inserted
        long slice = slices[slot];
        int length = (int) slice;
        if (key.length < length + 4) {
          key = new byte[length + 4];
        }
        SpillBytes.putInt(key, 0, length);
        System.arraycopy(arena, (int) (slice >>> 32), key, 4, length);
        buffer.fold(partitionOf(arena, slice, partitions), key, 0, length + 4, count, count);
      }
    }
    clear();
  }

  /**
   * The split's last flush. When the buffer is empty (the split's words all fit in the table, and
   * no line went to the mapper) and the job sorts words in their natural order, the table's words
   * are distinct keys the buffer does not hold, so the table sorts and writes them as the spill
   * itself ({@link WordTableSpill}); otherwise they are folded into the buffer like any other flush.
   */
  void finish() throws IOException {
    if (size > 0 && buffer.takesSortedStrings()) {
      buffer.spillSorted(new WordTableSpill(slots, slices, size, arena, partitions));
      clear();
    } else {
      flush(); // empties the table
    }
  }

  /** The partition of the word at {@code slice} of {@code arena}: as {@code HashPartitioner} places its String. */
  static int partitionOf(byte[] arena, long slice, int partitions) {
    int h = 0;
    for (int i = (int) (slice >>> 32), end = i + (int) slice; i < end; i++) {
      h = 31 * h + arena[i]; // String.hashCode of an ASCII word
    }
    return (h & Integer.MAX_VALUE) % partitions;
  }

  /** The count of the ASCII lower-case {@code word} in the table, 0 if it holds none: for tests. */
  long countOf(String word) {
    byte[] b = word.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    long k = keyOf(b, 0, b.length);
    for (int slot = slotOf(k, b.length <= 8 ? 0 : tailHash(b, 8, b.length)); slots[slot * SLOT_LONGS + KEY] != 0; slot = (slot + 1) & mask) {
      if (slots[slot * SLOT_LONGS + KEY] == k && (b.length <= 8 || sameTail(slot, b, 0, b.length))) {
        return slots[slot * SLOT_LONGS + COUNT] & COUNT_MASK;
      }
    }
    return 0;
  }

  private void clear() {
    Arrays.fill(slots, 0);
    Arrays.fill(slices, 0);
    size = 0;
    counted = 0;
    arenaUsed = 0;
    touched = 0; // a table of its own flushed: what the attempt added is in its buffer now
  }

  /** Full: a table of its own flushes into the buffer; a shared one takes the attempt back and stops it. */
  private void full() {
    if (shared) {
      rollback();
      throw new TableFull();
    }
    flush();
  }

  /** The key of the word {@code b[from, from + length)} (see {@link #KEY}). */
  static long keyOf(byte[] b, int from, int length) {
    long k = 0;
    for (int i = 0; i < Math.min(8, length); i++) {
      k |= (long) b[from + i] << (i << 3);
    }
    return length <= 8 ? k : k | LONG_WORD;
  }

  /** A hash of a long word's bytes after its first eight. */
  private static int tailHash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  private int slotOf(long key, int tail) {
    return (int) (((key + tail * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L) >>> shift);
  }

  private void count(byte[] line, int from, int length, long prefix) {
    long k = length <= 8 ? prefix : prefix | LONG_WORD;
    int tail = length <= 8 ? 0 : tailHash(line, from + 8, from + length);
    long[] s = slots;
    int slot = slotOf(k, tail);
    while (true) {
      int at = slot * SLOT_LONGS;
      long held = s[at + KEY];
      if (held == k && (length <= 8 || sameTail(slot, line, from, length))) {
        long c = s[at + COUNT];
        if ((int) (c >>> COUNT_BITS) != epoch) {
          c = touch(slot, c);
        }
        s[at + COUNT] = c + 1;
        return;
      }
      if (held == 0) {
        insert(slot, line, from, length, k);
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean sameTail(int slot, byte[] line, int from, int length) {
    long slice = slices[slot];
    int start = (int) (slice >>> 32);
    return (int) slice == length && Arrays.equals(arena, start + 8, start + length, line, from + 8, from + length);
  }

  private void insert(int slot, byte[] line, int from, int length, long k) {
    if (arena.length - arenaUsed < length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
    }
    System.arraycopy(line, from, arena, arenaUsed, length);
    slots[slot * SLOT_LONGS + KEY] = k;
    slices[slot] = ((long) arenaUsed << 32) | length;
    slots[slot * SLOT_LONGS + COUNT] = touch(slot, 0) + 1;
    arenaUsed += length;
    if (++size * 2 > mask + 1) {
      if (mask + 1 < maxSlots) {
        grow();
      } else {
        full();
      }
    }
  }

  /**
   * The count {@code c} of the slot, marked touched by the running attempt. A shared table notes
   * the count before, for {@link #rollback}; a table of its own needs no note (its rollback
   * empties it), so there the first touch costs no more than the mark.
   */
  private long touch(int slot, long c) {
    long count = c & COUNT_MASK;
    if (shared) {
      if (touched == touchedWords.length) {
        touchedWords = Arrays.copyOf(touchedWords, touched * 2);
        countsBefore = Arrays.copyOf(countsBefore, touched * 2);
      }
      touchedWords[touched] = slices[slot];
      countsBefore[touched++] = count;
    }
    return ((long) epoch << COUNT_BITS) | count;
  }

  private void grow() {
    long[] old = slots;
    long[] oldSlices = slices;
    allocate((mask + 1) * 2);
    for (int from = 0; from < oldSlices.length; from++) {
      long k = old[from * SLOT_LONGS + KEY];
      if (k != 0) {
        long slice = oldSlices[from];
        int start = (int) (slice >>> 32);
        int slot = slotOf(k, (int) slice <= 8 ? 0 : tailHash(arena, start + 8, start + (int) slice));
        while (slots[slot * SLOT_LONGS + KEY] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, from * SLOT_LONGS, slots, slot * SLOT_LONGS, SLOT_LONGS);
        slices[slot] = slice;
      }
    }
  }
}
