package org.bigdatalab.log.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One file of a partition, named after the offset of its first record (Kafka's
 * {@code 00000000000000000000.log}), and an index kept in memory: where each record starts and its
 * timestamp. The index is rebuilt from the file at start-up, so the file is the only truth.
 */
final class Segment {
  final long base;
  final Path file;
  private final FileChannel channel;
  private long[] positions = new long[16];
  private long[] timestamps = new long[16];
  private int count;
  private long size;

  private Segment(long base, Path file, FileChannel channel) {
    this.base = base;
    this.file = file;
    this.channel = channel;
  }

  static Path fileFor(Path dir, long base) {
    return dir.resolve(String.format("%020d.log", base));
  }

  static Segment open(Path dir, long base) throws IOException {
    Path file = fileFor(dir, base);
    return new Segment(base, file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE));
  }

  int count() { return count; }
  long size() { return size; }
  long end() { return base + count; }
  long timestamp(long offset) { return timestamps[(int) (offset - base)]; }

  /** Indexes a record found at {@code position} when the file was scanned. */
  void index(long position, long timestamp, int bytes) {
    if (count == positions.length) {
      positions = Arrays.copyOf(positions, count * 2);
      timestamps = Arrays.copyOf(timestamps, count * 2);
    }
    positions[count] = position;
    timestamps[count++] = timestamp;
    size = position + bytes;
  }

  /** Writes a whole record at the end; the caller forces it as its fsync policy says. */
  void append(byte[] record, long timestamp) throws IOException {
    long at = size;
    write(record, record.length, at);
    index(at, timestamp, record.length);
  }

  /** Writes the first {@code length} bytes at {@code at} without indexing them: a crash's torn write. */
  void write(byte[] bytes, int length, long at) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, length);
    while (b.hasRemaining()) {
      at += channel.write(b, at);
    }
  }

  /** Where the record at {@code offset} starts in the file. */
  long positionOf(long offset) { return positions[(int) (offset - base)]; }

  /** The bytes of the record at {@code offset}, as written. */
  byte[] bytes(long offset) {
    return bytes(offset, offset + 1);
  }

  /**
   * The bytes of the records from {@code from} up to {@code to} (exclusive), as written, in one
   * read: a read of many records costs one positional read, not one per record (which was most of
   * a poll's time).
   */
  byte[] bytes(long from, long to) {
    long position = positionOf(from);
    long next = to < end() ? positionOf(to) : size;
    byte[] bytes = new byte[Math.toIntExact(next - position)];
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        if (channel.read(b, position + b.position()) < 0) {
          throw new IOException("end of file");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ":" + position + ": record " + from + ": " + e.getMessage(), e);
    }
    return bytes;
  }

  /** Cuts the file at {@code position}: what follows is a torn tail. */
  void truncate(long position) throws IOException {
    channel.truncate(position);
    size = position;
  }

  void force() throws IOException {
    channel.force(false);
  }

  void close() throws IOException {
    channel.close();
  }
}
