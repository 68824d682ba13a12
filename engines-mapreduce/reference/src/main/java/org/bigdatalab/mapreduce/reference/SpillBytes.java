package org.bigdatalab.mapreduce.reference;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The byte plumbing of {@code mr-parallel}: map output lives as encoded bytes (the job's codecs
 * write them), never as objects, in sort buffers, spill files and merges. {@link Out} is a
 * {@link DataOutput} over a byte array, {@link In} a {@link DataInput} over a range of one; both
 * big-endian like {@code java.io.Data*Stream}, so any {@link org.bigdatalab.spi.Codec} works on
 * them unchanged. Record headers in spill files are unsigned LEB128 varints.
 */
final class SpillBytes {
  private SpillBytes() {}

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  static int getInt(byte[] b, int at) {
    return (int) INT.get(b, at);
  }

  static void putInt(byte[] b, int at, int value) {
    INT.set(b, at, value);
  }

  static long getLong(byte[] b, int at) {
    return (long) LONG.get(b, at);
  }

  static void putLong(byte[] b, int at, long value) {
    LONG.set(b, at, value);
  }

  /** A varint of an int takes at most this many bytes. */
  static final int MAX_VARINT = 5;

  static int putVarint(byte[] b, int pos, int value) {
    while ((value & ~0x7F) != 0) {
      b[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[pos++] = (byte) value;
    return pos;
  }

  /** A {@link DataOutput} writing at {@code pos} into {@code buf}; subclasses decide how it grows. */
  abstract static class Out implements DataOutput {
    byte[] buf;
    int pos;

    Out(int capacity) {
      buf = new byte[capacity];
    }

    /** Makes room for {@code n} more bytes at {@code pos} (may replace {@code buf}). */
    abstract void ensure(int n);

    @Override public final void write(int b) {
      ensure(1);
      buf[pos++] = (byte) b;
    }

    @Override public final void write(byte[] b) {
      write(b, 0, b.length);
    }

    @Override public final void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, pos, len);
      pos += len;
    }

    @Override public final void writeBoolean(boolean v) { write(v ? 1 : 0); }
    @Override public final void writeByte(int v) { write(v); }
    @Override public final void writeChar(int v) { writeShort(v); }
    @Override public final void writeFloat(float v) { writeInt(Float.floatToIntBits(v)); }
    @Override public final void writeDouble(double v) { writeLong(Double.doubleToLongBits(v)); }

    @Override public final void writeShort(int v) {
      ensure(2);
      buf[pos] = (byte) (v >>> 8);
      buf[pos + 1] = (byte) v;
      pos += 2;
    }

    @Override public final void writeInt(int v) {
      ensure(4);
      INT.set(buf, pos, v);
      pos += 4;
    }

    @Override public final void writeLong(long v) {
      ensure(8);
      LONG.set(buf, pos, v);
      pos += 8;
    }

    @Override public final void writeBytes(String s) {
      ensure(s.length());
      for (int i = 0; i < s.length(); i++) {
        buf[pos++] = (byte) s.charAt(i);
      }
    }

    @Override public final void writeChars(String s) {
      for (int i = 0; i < s.length(); i++) {
        writeChar(s.charAt(i));
      }
    }

    @Override public final void writeUTF(String s) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length() + 2);
      new DataOutputStream(bytes).writeUTF(s);
      write(bytes.toByteArray());
    }
  }

  /** An {@link Out} that simply grows: for a record or a few at a time (combiner output). */
  static final class ScratchOut extends Out {
    ScratchOut(int capacity) {
      super(capacity);
    }

    @Override void ensure(int n) {
      if (buf.length - pos < n) {
        buf = Arrays.copyOf(buf, Math.max(pos + n, buf.length * 2));
      }
    }

    ScratchOut reset() {
      pos = 0;
      return this;
    }
  }

  /** A {@link DataInput} over {@code buf[pos, limit)}; reading past the limit is an {@link EOFException}. */
  static final class In implements DataInput {
    private byte[] buf = new byte[0];
    private int pos;
    private int limit;

    In reset(byte[] bytes, int from, int to) {
      buf = bytes;
      pos = from;
      limit = to;
      return this;
    }

    private int take(int n) throws EOFException {
      if (limit - pos < n) {
        throw new EOFException("encoded record ends " + (n - (limit - pos)) + " byte(s) too early");
      }
      int at = pos;
      pos += n;
      return at;
    }

    @Override public void readFully(byte[] b) throws IOException { readFully(b, 0, b.length); }

    @Override public void readFully(byte[] b, int off, int len) throws IOException {
      System.arraycopy(buf, take(len), b, off, len);
    }

    @Override public int skipBytes(int n) {
      int skipped = Math.max(0, Math.min(n, limit - pos));
      pos += skipped;
      return skipped;
    }

    @Override public boolean readBoolean() throws IOException { return buf[take(1)] != 0; }
    @Override public byte readByte() throws IOException { return buf[take(1)]; }
    @Override public int readUnsignedByte() throws IOException { return buf[take(1)] & 0xFF; }
    @Override public short readShort() throws IOException { return (short) readUnsignedShort(); }
    @Override public char readChar() throws IOException { return (char) readUnsignedShort(); }
    @Override public float readFloat() throws IOException { return Float.intBitsToFloat(readInt()); }
    @Override public double readDouble() throws IOException { return Double.longBitsToDouble(readLong()); }

    @Override public int readUnsignedShort() throws IOException {
      int p = take(2);
      return ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
    }

    @Override public int readInt() throws IOException {
      return (int) INT.get(buf, take(4));
    }

    @Override public long readLong() throws IOException {
      return (long) LONG.get(buf, take(8));
    }

    /** As {@link DataInputStream#readLine()}: bytes as Latin-1 up to a line break. */
    @Override public String readLine() {
      if (pos >= limit) {
        return null;
      }
      StringBuilder line = new StringBuilder();
      while (pos < limit) {
        int c = buf[pos++] & 0xFF;
        if (c == '\n') {
          break;
        }
        if (c == '\r') {
          if (pos < limit && buf[pos] == '\n') {
            pos++;
          }
          break;
        }
        line.append((char) c);
      }
      return line.toString();
    }

    @Override public String readUTF() throws IOException {
      return DataInputStream.readUTF(this);
    }
  }
}
