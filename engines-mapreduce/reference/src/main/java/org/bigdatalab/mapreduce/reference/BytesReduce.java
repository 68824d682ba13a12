package org.bigdatalab.mapreduce.reference;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.bigdatalab.mapreduce.IdentityReducer;
import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.mapreduce.LongSumReducer;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.Codecs;

/**
 * A reduce task whose reducer the engine knows by its declared type, run on the merged bytes: no
 * String, Long or group object per record. Why: for word count and TeraSort, decoding each merged
 * key and value, boxing, and encoding the text again through a {@code Writer} was about a quarter
 * of the reduce side. It applies to string keys in their natural order and grouping (the merge
 * compares them as bytes, {@link KWayMerge}) with string text output, and
 * <ul>
 *   <li>{@link LongSumReducer} over {@code Codecs.LONG}: one line per group, its 8-byte values
 *       summed (wrapping, as {@code reduce} does);</li>
 *   <li>{@link IdentityReducer} over {@code Codecs.STRING}: one line per record.</li>
 * </ul>
 * The lines are what {@code Codecs.STRING.toText} and {@code Codecs.LONG.toText} write, encoded
 * in UTF-8: a key's bytes are the UTF-8 of a String, and the four escaped characters (backslash,
 * tab, LF, CR) are ASCII bytes that never occur inside a multi-byte sequence, so escaping the
 * bytes one by one is escaping the String. Counters are those of the reducer run.
 */
final class BytesReduce {
  enum Kind { SUM, IDENTITY }

  /** For each byte {@code Codecs.STRING.toText} escapes, the letter after its backslash; 0 for the others. */
  private static final byte[] ESCAPE = new byte[256];

  static {
    ESCAPE['\\'] = '\\';
    ESCAPE['\t'] = 't';
    ESCAPE['\n'] = 'n';
    ESCAPE['\r'] = 'r';
  }

  private final Kind kind;
  private final OutputStream out;
  private byte[] buf = new byte[1 << 16];
  private int n;
  private byte[] groupKey = new byte[64];
  private int groupKeyLength;
  long groups;
  long records;
  long outputs;

  private BytesReduce(Kind kind, OutputStream out) {
    this.kind = kind;
    this.out = out;
  }

  /** The kind of bytes reduce {@code job} may take, or null if it must call its reducer. */
  static Kind of(MapReduceJob<?, ?, ?, ?> job) {
    if (job.mapKeyCodec() != Codecs.STRING || job.outputKeyCodec() != Codecs.STRING
        || job.sortComparator() != KeyComparator.natural() || job.groupingComparator() != KeyComparator.natural()) {
      return null;
    }
    if (job.reducer() instanceof LongSumReducer && job.mapValueCodec() == Codecs.LONG
        && job.outputValueCodec() == Codecs.LONG) {
      return Kind.SUM;
    }
    if (job.reducer() instanceof IdentityReducer && job.mapValueCodec() == Codecs.STRING
        && job.outputValueCodec() == Codecs.STRING) {
      return Kind.IDENTITY;
    }
    return null;
  }

  /** Reduces the whole merge (string keys compared as bytes) into {@code out}; the caller closes {@code out}. */
  static BytesReduce run(Kind kind, KWayMerge<?> merge, OutputStream out, Runnable check) throws IOException {
    BytesReduce r = new BytesReduce(kind, out);
    r.reduce(merge, check);
    return r;
  }

  private void reduce(KWayMerge<?> merge, Runnable check) throws IOException {
    boolean more = merge.advance();
    while (more) {
      check.run();
      SpillSegment s = merge.current();
      startGroup(s);
      if (kind == Kind.SUM) {
        long sum = 0;
        do {
          sum += longValue(merge.current());
          records++;
        } while ((more = merge.advance()) && inGroup(merge.current()));
        writeLine(sum);
      } else {
        do {
          s = merge.current();
          writeLine(s);
          records++;
        } while ((more = merge.advance()) && inGroup(merge.current()));
      }
      flushIfFull();
    }
    out.write(buf, 0, n);
    n = 0;
  }

  private void startGroup(SpillSegment s) {
    if (groupKey.length < s.keyLen) {
      groupKey = new byte[Math.max(s.keyLen, 2 * groupKey.length)];
    }
    System.arraycopy(s.buf, s.keyOff, groupKey, 0, s.keyLen);
    groupKeyLength = s.keyLen;
    groups++;
  }

  /** Whether the record's key is byte-equal to the group's (equal strings, under the natural grouping). */
  private boolean inGroup(SpillSegment s) {
    return Arrays.equals(groupKey, 0, groupKeyLength, s.buf, s.keyOff, s.keyOff + s.keyLen);
  }

  private static long longValue(SpillSegment s) throws IOException {
    if (s.valueLen != 8) {
      throw new IOException("a long value of " + s.valueLen + " bytes in the map output (8 expected)");
    }
    return SpillBytes.getLong(s.buf, s.valueOff);
  }

  /** {@code key TAB sum LF}. */
  private void writeLine(long sum) throws IOException {
    ensure(2 * groupKeyLength + 22);
    n = escape(groupKey, 4, groupKeyLength - 4, buf, n);
    buf[n++] = '\t';
    n = decimal(sum, buf, n);
    buf[n++] = '\n';
    outputs++;
  }

  /** {@code key TAB value LF}, from the record's encoded string key and value. */
  private void writeLine(SpillSegment s) throws IOException {
    ensure(2 * (s.keyLen + s.valueLen) + 2);
    n = escape(s.buf, s.keyOff + 4, s.keyLen - 4, buf, n);
    buf[n++] = '\t';
    n = escape(s.buf, s.valueOff + 4, s.valueLen - 4, buf, n);
    buf[n++] = '\n';
    outputs++;
  }

  /** Room for {@code bytes} more in {@link #buf}, which grows for a line longer than itself. */
  private void ensure(int bytes) throws IOException {
    if (buf.length - n < bytes) {
      out.write(buf, 0, n);
      n = 0;
      if (bytes > buf.length) {
        buf = new byte[bytes];
      }
    }
  }

  private void flushIfFull() throws IOException {
    if (n > buf.length - (1 << 12)) {
      out.write(buf, 0, n);
      n = 0;
    }
  }

  /**
   * Copies {@code from[off, off + len)} into {@code to} at {@code at}, escaped as
   * {@code Codecs.STRING.toText} escapes; returns the new end. Eight bytes at a time are tested for
   * the four escaped bytes at once and, with none among them, copied whole (a byte at a time this
   * was 14% of TeraSort's CPU).
   */
  static int escape(byte[] from, int off, int len, byte[] to, int at) {
    int end = off + len;
    int i = off;
    while (true) {
      int clean = i;
      while (i + 8 <= end && !mayEscape(SpillBytes.getLong(from, i))) {
        i += 8;
      }
      System.arraycopy(from, clean, to, at, i - clean);
      at += i - clean;
      if (i == end) {
        return at;
      }
      for (int stop = Math.min(end, i + 8); i < stop; i++) { // the eight bytes that hold one, or the last few
        byte b = from[i];
        byte letter = ESCAPE[b & 0xFF];
        if (letter == 0) {
          to[at++] = b;
        } else {
          to[at++] = '\\';
          to[at++] = letter;
        }
      }
    }
  }

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** Whether one of the eight bytes of {@code w} is a tab, LF, CR or backslash. */
  static boolean mayEscape(long w) {
    return (zeroByte(w ^ (ONES * '\t')) | zeroByte(w ^ (ONES * '\n')) | zeroByte(w ^ (ONES * '\r'))
        | zeroByte(w ^ (ONES * '\\'))) != 0;
  }

  /** Non-zero exactly when a byte of {@code v} is zero (the high bit of the lowest zero byte is set). */
  private static long zeroByte(long v) {
    return (v - ONES) & ~v & HIGHS;
  }

  /** Writes {@code v} in decimal, as {@code Long.toString}; returns the new end (at most 20 bytes). */
  static int decimal(long v, byte[] to, int at) {
    if (v == Long.MIN_VALUE) {
      for (char c : Long.toString(v).toCharArray()) {
        to[at++] = (byte) c;
      }
      return at;
    }
    if (v < 0) {
      to[at++] = '-';
      v = -v;
    }
    int start = at;
    do {
      to[at++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    for (int i = start, j = at - 1; i < j; i++, j--) {
      byte t = to[i];
      to[i] = to[j];
      to[j] = t;
    }
    return at;
  }
}
