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
  static final int HASH = 3;
  static final int SLOT_LONGS = 4;

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

  WordScan(SortBuffer buffer, int partitions, long sortBufferBytes) {
    this.buffer = buffer;
    this.partitions = partitions;
    this.maxSlots = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 22, sortBufferBytes / 4 / (8 * SLOT_LONGS))));
    long[] spare = buffer.takeWordSlots(); // all zero: the last task's table, emptied
    this.slots = spare != null && spare.length / SLOT_LONGS <= maxSlots ? spare : new long[Math.min(maxSlots, 1 << 10) * SLOT_LONGS];
    this.mask = slots.length / SLOT_LONGS - 1;
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
      if (slice != 0) {
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
    buffer.keepWordSlots(slots);
  }

  /** The partition of the word in the slot at {@code at}: as {@code HashPartitioner} places its String (whose hash the slot holds). */
  static int partitionOf(long[] slots, int at, int partitions) {
    return ((int) slots[at + HASH] & Integer.MAX_VALUE) % partitions;
  }

  private void clear() {
    Arrays.fill(slots, 0);
    size = 0;
    arenaUsed = 0;
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
    s[at + COUNT] = 1;
    s[at + HASH] = h;
    arenaUsed += length;
    if (++size * 2 > mask + 1) {
      if (mask + 1 < maxSlots) {
        grow();
      } else {
        flush();
      }
    }
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
