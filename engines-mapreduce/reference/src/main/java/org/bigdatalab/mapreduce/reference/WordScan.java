package org.bigdatalab.mapreduce.reference;

import java.util.Arrays;

/**
 * Word count's map function on bytes, with its combine before the sort buffer, for a job that
 * declares it ({@code WordCountMapper}, the hash partitioner, string keys, long values, a
 * {@code LongSumReducer} combiner).
 *
 * <p>A line of ASCII bytes is cut into its words in place: a 128-entry table says whether a byte
 * belongs to a word and gives its lower-case form, and the word's first eight bytes (and a hash
 * of the bytes after them) are gathered while scanning, as the hand-written loop of B01 does. The
 * word is counted in an open-addressing table of four longs a slot (first eight bytes, arena
 * slice, count, hashes) over one byte arena, so a short word is found and counted in one cache
 * line and no String is made. The string hash that picks the word's partition
 * ({@code String.hashCode}, as the hash partitioner takes it) is computed once, when a word is
 * first seen, not for every byte scanned. When the table holds its most words, and at the end of
 * the split, each word goes to the sort buffer once, in the order words were first seen (so the
 * arena is read front to back), encoded as {@code Codecs.STRING} encodes it, with its count
 * ({@link SortBuffer#fold}; {@link SortBuffer#foldNew}, which skips the buffer's own lookup, when
 * the buffer held nothing before the flush); only the slots used are cleared. A line with any byte of 0x80 or
 * more is left to the job's mapper, which knows the Unicode rule.
 *
 * <p>The table's slots take at most a quarter of the sort buffer's size, beside it. A job's map
 * tasks reuse the tables (grown once, not per split; a table of a few MB is a humongous
 * allocation for G1), so each attempt {@link #start}s by forgetting whatever an earlier attempt,
 * failed midway, left in it.
 */
class WordScan {
  /** For ASCII bytes: the lower-case byte of a letter or digit, 0 for a separator. */
  static final byte[] WORD = new byte[128];

  static {
    for (int c = '0'; c <= '9'; c++) WORD[c] = (byte) c;
    for (int c = 'a'; c <= 'z'; c++) WORD[c] = (byte) c;
    for (int c = 'A'; c <= 'Z'; c++) WORD[c] = (byte) (c + 32);
  }

  private static final int PREFIX = 0;
  private static final int SLICE = 1; // (arena start << 32) | length; 0 = free slot
  private static final int COUNT = 2;
  private static final int HASHES = 3; // (slot hash << 32) | string hash
  private static final int SLOT_LONGS = 4;

  private SortBuffer buffer;
  private final int partitions;
  private final int maxSlots;
  private long[] slots;
  private int mask;
  private int size;
  /** The slots in use, each as its first long's index, in the order their words were first seen. */
  private int[] used;
  private byte[] arena = new byte[1 << 12];
  private int arenaUsed;
  /** A word encoded for the sort buffer: its length (4 bytes, big-endian), then its bytes. */
  private byte[] key = new byte[64];

  WordScan(int partitions, long sortBufferBytes) {
    this.partitions = partitions;
    this.maxSlots = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 22, sortBufferBytes / 4 / (8 * SLOT_LONGS))));
    int initial = Math.min(maxSlots, 1 << 10);
    this.slots = new long[initial * SLOT_LONGS];
    this.mask = initial - 1;
    this.used = new int[initial];
  }

  /** Serves a new task attempt, which sends its words to {@code buffer}: the table starts empty. */
  void start(SortBuffer buffer) {
    this.buffer = buffer;
    clear();
  }

  /** Empties the table without sending anything: only the slots in use are touched. */
  void clear() {
    for (int u = 0; u < size; u++) {
      slots[used[u] + SLICE] = 0;
    }
    size = 0;
    arenaUsed = 0;
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
      int tail = 0;
      byte lower;
      while (i < to && (lower = word[line[i] & 0x7F]) != 0) {
        line[i] = lower; // lowered in place: the reader is done with the line
        int k = i - start;
        if (k < 8) {
          prefix |= (long) lower << (k << 3);
        } else {
          tail = 31 * tail + lower;
        }
        i++;
      }
      if (i > start) {
        count(line, start, i - start, prefix, tail);
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

  /** Sends every word counted so far to the sort buffer, in the order first seen, and empties the table. */
  void flush() {
    long[] s = slots;
    boolean allNew = buffer.holdsNothing(); // then none of these distinct words is there yet
    for (int u = 0; u < size; u++) {
      int at = used[u];
      long slice = s[at + SLICE];
      int length = (int) slice;
      if (key.length < length + 4) {
        key = new byte[length + 4];
      }
      SpillBytes.putInt(key, 0, length);
      System.arraycopy(arena, (int) (slice >>> 32), key, 4, length);
      int p = partition((int) s[at + HASHES]);
      if (allNew) {
        buffer.foldNew(p, key, 0, length + 4, s[at + COUNT], s[at + COUNT]);
      } else {
        buffer.fold(p, key, 0, length + 4, s[at + COUNT], s[at + COUNT]);
      }
      s[at + SLICE] = 0;
    }
    size = 0;
    arenaUsed = 0;
  }

  /** The partition of a word whose string hash is {@code stringHash}: what {@code Partitioner.hash()} gives its String. */
  int partition(int stringHash) {
    return (stringHash & Integer.MAX_VALUE) % partitions;
  }

  /** What {@code String.hashCode} gives for these ASCII bytes. */
  static int stringHash(byte[] b, int from, int length) {
    int h = 0;
    for (int i = from, to = from + length; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  /** Where a word starts probing: its first eight bytes, the hash of the rest, and its length, mixed. */
  private static int slotHash(long prefix, int tail, int length) {
    long x = (prefix ^ ((long) tail << 32) ^ length) * 0x9E3779B97F4A7C15L;
    return (int) (x ^ (x >>> 29) ^ (x >>> 47));
  }

  private void count(byte[] line, int from, int length, long prefix, int tail) {
    long[] s = slots;
    int sh = slotHash(prefix, tail, length);
    int slot = sh & mask;
    while (true) {
      int at = slot * SLOT_LONGS;
      long slice = s[at + SLICE];
      if (slice == 0) {
        insert(at, line, from, length, prefix, sh);
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

  private void insert(int at, byte[] line, int from, int length, long prefix, int slotHash) {
    if (arena.length - arenaUsed < length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
    }
    System.arraycopy(line, from, arena, arenaUsed, length);
    long[] s = slots;
    s[at + PREFIX] = prefix;
    s[at + SLICE] = ((long) arenaUsed << 32) | length; // never 0: length is at least 1
    s[at + COUNT] = 1;
    s[at + HASHES] = ((long) slotHash << 32) | (stringHash(line, from, length) & 0xFFFFFFFFL);
    arenaUsed += length;
    used[size] = at;
    if (++size * 2 > mask + 1) {
      if (mask + 1 < maxSlots) {
        grow();
      } else {
        flush();
      }
    }
  }

  /** Doubles the table; the words keep their first-seen order in {@link #used}. */
  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    mask = mask * 2 + 1;
    used = Arrays.copyOf(used, mask + 1);
    for (int u = 0; u < size; u++) {
      int from = used[u];
      int slot = (int) (old[from + HASHES] >>> 32) & mask;
      while (slots[slot * SLOT_LONGS + SLICE] != 0) {
        slot = (slot + 1) & mask;
      }
      System.arraycopy(old, from, slots, slot * SLOT_LONGS, SLOT_LONGS);
      used[u] = slot * SLOT_LONGS;
    }
  }
}
