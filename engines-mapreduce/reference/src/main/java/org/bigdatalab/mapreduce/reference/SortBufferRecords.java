package org.bigdatalab.mapreduce.reference;

import java.util.Arrays;

/**
 * A {@link SortBuffer}'s data array: its records in emission order, each
 * {@code [keyId, valueLength, value bytes]}, the key stored once in {@link SortBufferKeys}. A
 * word-count task thus spends 16 bytes here per word. The job's codecs write straight into it:
 * a key is encoded where its record will go, found or stored among the keys, then overwritten by
 * the record.
 */
final class SortBufferRecords extends SpillBytes.Out {
  static final int HEADER = 8; // keyId, valueLength

  private final SortBufferMemory memory;
  int count;

  /** Empty until {@code memory} allocates it. */
  SortBufferRecords(SortBufferMemory memory) {
    super(0);
    this.memory = memory;
  }

  static int keyId(byte[] data, int record) {
    return SpillBytes.getInt(data, record);
  }

  static int valueLength(byte[] data, int record) {
    return SpillBytes.getInt(data, record + 4);
  }

  /** Where the record after the one at {@code record} starts. */
  static int next(byte[] data, int record) {
    return record + HEADER + valueLength(data, record);
  }

  /** Growing past the limit is refused while other records could be spilled (see {@link SortBufferMemory#grownBytes}). */
  @Override void ensure(int n) {
    if (buf.length - pos < n) {
      buf = Arrays.copyOf(buf, memory.grownBytes(buf.length, (long) pos + n));
    }
  }

  /** Starts a record at {@code pos}: room for its header, which {@link #end} fills in once the value is written. */
  void begin() {
    writeLong(0);
  }

  void end(int record, int keyId) {
    SpillBytes.putInt(buf, record, keyId);
    SpillBytes.putInt(buf, record + 4, pos - record - HEADER);
    count++;
  }

  void clear() {
    count = 0;
    pos = 0;
  }
}
