package org.bigdatalab.mapreduce.reference;

/**
 * Sizes a {@link SortBuffer}'s arrays: {@code limit} bounds them all together (data, key arena,
 * hash table, sort scratch), so the arrays start small and grow into whatever the map output
 * needs most, and a spill forced by one full array hands the others' unused room over to it. Not
 * bounded by the limit: the keys decoded during a spill (one per distinct key), the spill's write
 * buffer, and a single record larger than the whole buffer (held alone, then spilled).
 *
 * <p>It makes the parts whose arrays it sizes.
 */
final class SortBufferMemory {
  private static final int BYTES_PER_RECORD = 4;              // its slot in the sorted order
  private static final int BYTES_PER_DISTINCT = 4 * 4 + 8 + 8 + 8 + 8; // arena offset, order, run, bucket end; decoded key; sum; prefix; packed prefix
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  /** Thrown (preallocated) when the data or the key arena cannot grow; the record is retried after a spill. */
  static final class BufferFull extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final BufferFull INSTANCE = new BufferFull();

    private BufferFull() {
      super("sort buffer full", null, false, false);
    }
  }

  private final long limit;
  private final int initialData;
  private final int initialArena;
  private final int initialRecords;
  private final int initialDistinct;
  final SortBufferRecords records = new SortBufferRecords(this);
  final SortBufferKeys keys = new SortBufferKeys(this);
  final SortBufferSpiller spiller = new SortBufferSpiller(keys, records);
  /** An array was full and could not grow within the limit: the next spill rebalances them. */
  boolean pressure;

  SortBufferMemory(long limit) {
    this.limit = limit;
    this.initialData = (int) Math.min(1 << 16, limit / 4);
    this.initialArena = (int) Math.min(1 << 14, limit / 16);
    this.initialRecords = (int) Math.min(1 << 12, limit / 64);
    this.initialDistinct = (int) Math.min(1 << 10, limit / 256);
    allocate();
  }

  private void allocate() {
    records.buf = new byte[initialData];
    keys.arena = new byte[initialArena];
    spiller.allocateRecords(initialRecords);
    allocateDistinct(initialDistinct);
  }

  private void allocateDistinct(int slots) {
    keys.allocate(slots);
    spiller.allocateDistinct(slots);
  }

  private long capacityBytes() {
    return (long) records.buf.length + keys.arena.length + (long) BYTES_PER_RECORD * spiller.sorted.length
        + (long) BYTES_PER_DISTINCT * spiller.decoded.length + 4L * keys.table.length;
  }

  /** Whether one more record, with a new key, fits in the tables without growing them. */
  boolean hasRoom() {
    int distinct = keys.distinct;
    return records.count < spiller.sorted.length && distinct < spiller.decoded.length && (distinct + 1) * 4 <= keys.table.length;
  }

  /** Grows whatever table is full, within the limit unless forced; false if it could not. */
  boolean grow(boolean force) {
    if (records.count >= spiller.sorted.length) {
      int slots = grownLength(spiller.sorted.length, records.count + 1, BYTES_PER_RECORD, force);
      if (slots < 0) {
        return false;
      }
      spiller.allocateRecords(slots);
    }
    if (keys.distinct >= spiller.decoded.length) {
      int slots = grownLength(spiller.decoded.length, keys.distinct + 1, BYTES_PER_DISTINCT, force);
      if (slots < 0) {
        return false;
      }
      keys.growIds(slots);
      spiller.allocateDistinct(slots);
    }
    if ((keys.distinct + 1) * 4 > keys.table.length) {
      if (!force && limit - capacityBytes() < 4L * keys.table.length) {
        return false;
      }
      keys.rehash(keys.table.length * 2);
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

  /**
   * The new length of a byte array that must hold {@code need} bytes: within the limit while
   * something could be spilled (else {@link BufferFull}), past it for a lone record.
   */
  int grownBytes(int length, long need) {
    long budget = Math.max(0, limit - capacityBytes());
    long grown = Math.min(Math.max(need, 2L * length), length + budget);
    if (grown < need) {
      if (keys.distinct > 0) { // something to spill (every record has a key; a folded sum has no record)
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

  /** Back to the initial arrays if a record larger than the buffer made them outgrow the limit; true if so. */
  boolean resetIfOverLimit() {
    if (capacityBytes() <= limit) {
      return false;
    }
    allocate();
    return true;
  }

  /**
   * After a spill (the buffer cleared) that an array's being full forced, gives back the room the
   * others did not use, so the full one can grow into it next time (the shape of the map output
   * decides the split). The arguments are what the spill found in use.
   */
  void rebalance(int usedData, int usedArena, int usedRecords, int usedDistinct) {
    if (resetIfOverLimit()) {
      pressure = false;
      return;
    }
    if (!pressure) {
      return;
    }
    pressure = false;
    if (records.buf.length > initialData && 2L * usedData < records.buf.length) {
      records.buf = new byte[Math.max(initialData, usedData + usedData / 4)];
    }
    if (keys.arena.length > initialArena && 2L * usedArena < keys.arena.length) {
      keys.arena = new byte[Math.max(initialArena, usedArena + usedArena / 4)];
    }
    if (spiller.sorted.length > initialRecords && 2L * usedRecords < spiller.sorted.length) {
      spiller.allocateRecords(Math.max(initialRecords, usedRecords + usedRecords / 4));
    }
    if (spiller.decoded.length > initialDistinct && 2L * usedDistinct < spiller.decoded.length) {
      allocateDistinct(Math.max(initialDistinct, usedDistinct + usedDistinct / 4));
    }
  }
}
