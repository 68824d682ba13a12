package org.bigdatalab.log.reference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.bigdatalab.log.LogRecord;

/**
 * How {@code log-local} writes a record: a length and a CRC32C of what follows, so recovery can
 * tell a whole record from a torn one without trusting either field alone, and the record's own
 * offset, so a stale but intact record left behind a torn one (a reused block) is not taken for
 * the next (Kafka's batches carry their base offset for the same reason).
 *
 * <pre>
 * int  length      bytes after the checksum: 8 + 8 + 4 + key + 4 + value
 * int  crc32c      of those bytes
 * long offset
 * long timestamp
 * int  keyLength   -1 for no key
 * byte key[keyLength]
 * int  valueLength
 * byte value[valueLength]   UTF-8
 * </pre>
 */
final class RecordFormat {
  static final int HEADER = 8;
  /** A payload holds at least the offset, the timestamp and the two lengths: a zeroed tail (length 0, crc 0) is never a record. */
  static final int MIN_PAYLOAD = 24;

  private RecordFormat() {}

  static byte[] encode(long offset, LogRecord record) {
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    byte[] value = record.value().getBytes(StandardCharsets.UTF_8);
    int payload = MIN_PAYLOAD + (key == null ? 0 : key.length) + value.length;
    ByteBuffer b = ByteBuffer.allocate(HEADER + payload);
    b.putInt(payload).putInt(0).putLong(offset).putLong(record.timestamp()).putInt(key == null ? -1 : key.length);
    if (key != null) {
      b.put(key);
    }
    b.putInt(value.length).put(value);
    b.putInt(4, crc(b.array(), HEADER, payload));
    return b.array();
  }

  static int crc(byte[] bytes, int from, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, length);
    return (int) crc.getValue();
  }

  /**
   * The whole record at {@code position} of {@code bytes}, stored as offset {@code offset}, or why
   * there is none: a short header, a length past the end, a checksum that does not match, another
   * offset, or lengths inside that do not add up.
   */
  static Decoded decode(byte[] bytes, int position, int limit, long offset) {
    if (limit - position < HEADER) {
      return Decoded.bad("length", "only " + (limit - position) + " byte(s) left, a header needs " + HEADER);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, position, limit - position);
    int length = b.getInt();
    int stored = b.getInt();
    if (length < MIN_PAYLOAD || length > limit - position - HEADER) {
      return Decoded.bad("length", length + " does not fit the " + (limit - position - HEADER) + " byte(s) after the header");
    }
    int computed = crc(bytes, position + HEADER, length);
    if (computed != stored) {
      return Decoded.bad("crc32c", String.format("stored %08x, computed %08x", stored, computed));
    }
    long storedOffset = b.getLong();
    if (storedOffset != offset) {
      return Decoded.bad("offset", "record of offset " + storedOffset + " where offset " + offset + " belongs");
    }
    long timestamp = b.getLong();
    int keyLength = b.getInt();
    if (keyLength < -1 || keyLength > length - MIN_PAYLOAD) {
      return Decoded.bad("keyLength", keyLength + " does not fit the payload of " + length);
    }
    String key = keyLength < 0 ? null : new String(bytes, b.position(), keyLength, StandardCharsets.UTF_8);
    b.position(b.position() + Math.max(0, keyLength));
    int valueLength = b.getInt();
    if (valueLength != length - MIN_PAYLOAD - Math.max(0, keyLength)) {
      return Decoded.bad("valueLength", valueLength + " does not fill the payload of " + length);
    }
    String value = new String(bytes, b.position(), valueLength, StandardCharsets.UTF_8);
    return new Decoded(new LogRecord(key, value, timestamp), HEADER + length, null);
  }

  /** A record and its size in bytes, or the problem ({@code field: what is wrong}) that stops decoding. */
  record Decoded(LogRecord record, int size, String problem) {
    static Decoded bad(String field, String what) {
      return new Decoded(null, 0, field + ": " + what);
    }

    boolean ok() { return problem == null; }
  }
}
