package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.util.Arrays;

/**
 * Word count's map function on bytes, with its combine before the sort buffer, for a job that
 * declares it ({@code WordCountMapper}, the hash partitioner, string keys, long values, a
 * {@code LongSumReducer} combiner).
 *
 * <p>A line of ASCII bytes is cut into its words in place: a 128-entry table says whether a byte
 * belongs to a word and gives its lower-case form, and the word's first eight bytes and its string
 * hash (what {@code String.hashCode} would give, for the partition) are gathered while scanning.
 * The word is counted in an open-addressing table of four longs a slot (first eight bytes, arena
 * slice, count, hash) over one byte arena, so a short word is found and counted in one cache line
 * and no String is made. When the table holds its most words, each word goes to the sort buffer
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

  static final int PREFIX = 0;
  static final int SLICE = 1; // (arena start << 32) | length; 0 = free slot
  static final int COUNT = 2;
  static final int HASH = 3; // the word's string hash (low 32 bits), the epoch of the attempt that last touched it (high 32)
  static final int SLOT_LONGS = 4;

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
  private int mask;
  private int size;
  private byte[] arena = new byte[1 << 12];
  private int arenaUsed;
  /** A word encoded for the sort buffer: its length (4 bytes, big-endian), then its bytes. */
  private byte[] key = new byte[64];

  /** Whether the running attempt adds to words other attempts left (see {@link #begin}). */
  private boolean shared;
  /** False once a shared table was found too small for the vocabulary: the buffer's later tasks get tables of their own. */
  private boolean shareable = true;
  /** The running attempt's number, kept in the high half of each slot it touched. */
  private int epoch;
  /** The slots the running attempt touched first, as (arena start << 32 | hash), and their counts before. */
  private long[] touchedWords = new long[1 << 10];
  private long[] countsBefore = new long[1 << 10];
  private int touched;

  WordScan(SortBuffer buffer, int partitions, long sortBufferBytes) {
    this.buffer = buffer;
    this.partitions = partitions;
    this.maxSlots = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 22, sortBufferBytes / 4 / (8 * SLOT_LONGS))));
    this.slots = new long[Math.min(maxSlots, 1 << 10) * SLOT_LONGS];
    this.mask = slots.length / SLOT_LONGS - 1;
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
    epoch++;
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
   * neither flushed nor spilled); a table of its own is emptied.
   */
  void rollback() {
    if (!shared) {
      clear();
      return;
    }
    long[] s = slots;
    for (int i = 0; i < touched; i++) {
      long word = touchedWords[i];
      int start = (int) (word >>> 32);
      int slot = slotOf((int) word) & mask; // found again by its hash: a grow may have moved it
      while ((int) (s[slot * SLOT_LONGS + SLICE] >>> 32) != start || s[slot * SLOT_LONGS + SLICE] == 0) {
        slot = (slot + 1) & mask;
      }
      s[slot * SLOT_LONGS + COUNT] = countsBefore[i];
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
      int h = 0;
      byte lower;
      while (i < to && (lower = word[line[i] & 0x7F]) != 0) {
        line[i] = lower; // lowered in place: the reader is done with the line
        int k = i - start;
        if (k < 8) {
          prefix |= (long) lower << (k << 3);
        }
        h = 31 * h + lower;
        i++;
      }
      if (i > start) {
        count(line, start, i - start, prefix, h);
        words++;
      }
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
    for (int at = 0; at < s.length; at += SLOT_LONGS) {
      long slice = s[at + SLICE];
      if (slice != 0 && s[at + COUNT] != 0) { // 0: a word a failed attempt inserted
        int length = (int) slice;
        if (key.length < length + 4) {
          key = new byte[length + 4];
        }
        SpillBytes.putInt(key, 0, length);
        System.arraycopy(arena, (int) (slice >>> 32), key, 4, length);
        buffer.fold(partitionOf(s, at, partitions), key, 0, length + 4, s[at + COUNT], s[at + COUNT]);
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
      buffer.spillSorted(new WordTableSpill(slots, size, arena, partitions));
      clear();
    } else {
      flush(); // empties the table
    }
  }

  /** The partition of the word in the slot at {@code at}: as {@code HashPartitioner} places its String (whose hash the slot holds). */
  static int partitionOf(long[] slots, int at, int partitions) {
    return ((int) slots[at + HASH] & Integer.MAX_VALUE) % partitions;
  }

  private void clear() {
    Arrays.fill(slots, 0);
    size = 0;
    arenaUsed = 0;
    touched = 0; // a table of its own flushed: what the attempt added is in its buffer now
  }

  private static int slotOf(int h) {
    return (h * 0x9E3779B9) ^ (h >>> 16);
  }

  private void count(byte[] line, int from, int length, long prefix, int h) {
    long[] s = slots;
    int slot = slotOf(h) & mask;
    while (true) {
      int at = slot * SLOT_LONGS;
      long slice = s[at + SLICE];
      if (slice == 0) {
        insert(at, line, from, length, prefix, h);
        return;
      }
      if (s[at + PREFIX] == prefix && (int) slice == length
          && (length <= 8 || Arrays.equals(arena, (int) (slice >>> 32) + 8, (int) (slice >>> 32) + length,
              line, from + 8, from + length))) {
        if ((int) (s[at + HASH] >>> 32) != epoch) {
          touch(at);
        }
        s[at + COUNT]++;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void insert(int at, byte[] line, int from, int length, long prefix, int h) {
    if (arena.length - arenaUsed < length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
    }
    System.arraycopy(line, from, arena, arenaUsed, length);
    long[] s = slots;
    s[at + PREFIX] = prefix;
    s[at + SLICE] = ((long) arenaUsed << 32) | length; // never 0: length is at least 1
    s[at + COUNT] = 0;
    s[at + HASH] = h & 0xFFFFFFFFL;
    touch(at);
    s[at + COUNT] = 1;
    arenaUsed += length;
    if (++size * 2 > mask + 1) {
      if (mask + 1 < maxSlots) {
        grow();
      } else if (shared) {
        rollback();
        throw new TableFull();
      } else {
        flush();
      }
    }
  }

  /** Notes the count of the slot at {@code at} before the running attempt first changes it, and marks the slot touched. */
  private void touch(int at) {
    long[] s = slots;
    if (touched == touchedWords.length) {
      touchedWords = Arrays.copyOf(touchedWords, touched * 2);
      countsBefore = Arrays.copyOf(countsBefore, touched * 2);
    }
    touchedWords[touched] = (s[at + SLICE] & 0xFFFFFFFF00000000L) | (s[at + HASH] & 0xFFFFFFFFL);
    countsBefore[touched++] = s[at + COUNT];
    s[at + HASH] = ((long) epoch << 32) | (s[at + HASH] & 0xFFFFFFFFL);
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    mask = mask * 2 + 1;
    for (int at = 0; at < old.length; at += SLOT_LONGS) {
      if (old[at + SLICE] != 0) {
        int slot = slotOf((int) old[at + HASH]) & mask;
        while (slots[slot * SLOT_LONGS + SLICE] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, at, slots, slot * SLOT_LONGS, SLOT_LONGS);
      }
    }
  }
}
