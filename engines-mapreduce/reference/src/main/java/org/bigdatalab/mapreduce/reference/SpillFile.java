package org.bigdatalab.mapreduce.reference;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A sorted run on disk, cut into partitions: what a sort buffer spill, a merge of spills, and a map
 * task's final output all are. The file holds, partition after partition, records
 * {@code varint keyLength, varint valueLength, key bytes, value bytes} (bytes as the job's map
 * output codecs wrote them), sorted by (partition, key) and stable. The index of partition offsets
 * stays in memory, as this engine's tasks share one JVM.
 *
 * @param offsets {@code offsets[p]} is where partition {@code p} starts; {@code offsets[partitions]}
 *                is the file's length
 * @param records how many records each partition holds
 */
record SpillFile(Path path, long[] offsets, long[] records) {

  int partitions() {
    return records.length;
  }

  long start(int partition) {
    return offsets[partition];
  }

  long end(int partition) {
    return offsets[partition + 1];
  }

  long totalRecords() {
    long total = 0;
    for (long r : records) {
      total += r;
    }
    return total;
  }

  /** One partition of this file seen as a one-partition run (a reduce task's segment of a map output). */
  SpillFile partition(int p) {
    return new SpillFile(path, new long[] {offsets[p], offsets[p + 1]}, new long[] {records[p]});
  }

  /** Writes a spill file partition by partition, in increasing partition order. */
  static final class Writer implements Closeable {
    private final Path path;
    private final OutputStream out;
    private final byte[] buf;
    private final long[] offsets;
    private final long[] records;
    private int n;
    private long flushed;
    private int partition = -1;
    private boolean closed;

    /** A new file; {@code buffer} is the (reusable) write buffer, at least 16 bytes. */
    Writer(Path path, int partitions, byte[] buffer) throws IOException {
      this.path = path;
      this.out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      this.buf = buffer;
      this.offsets = new long[partitions + 1];
      this.records = new long[partitions];
    }

    /** Records written from now on belong to partition {@code p}; partitions skipped over stay empty. */
    void startPartition(int p) {
      if (p < partition) {
        throw new IllegalStateException("partition " + p + " after partition " + partition);
      }
      while (partition < p) {
        offsets[++partition] = flushed + n;
      }
    }

    /** Encodes a record with the job's codecs through {@code scratch} and appends it. */
    <K, V> void write(org.bigdatalab.spi.Codec<K> keyCodec, K key, org.bigdatalab.spi.Codec<V> valueCodec, V value,
        SpillBytes.ScratchOut scratch) throws IOException {
      scratch.reset();
      keyCodec.write(key, scratch);
      int keyLen = scratch.pos;
      valueCodec.write(value, scratch);
      write(scratch.buf, 0, keyLen, scratch.buf, keyLen, scratch.pos - keyLen);
    }

    void write(byte[] key, int keyOff, int keyLen, byte[] value, int valueOff, int valueLen) throws IOException {
      if (buf.length - n < 2 * SpillBytes.MAX_VARINT) {
        flush();
      }
      n = SpillBytes.putVarint(buf, n, keyLen);
      n = SpillBytes.putVarint(buf, n, valueLen);
      put(key, keyOff, keyLen);
      put(value, valueOff, valueLen);
      records[partition]++;
    }

    /**
     * A record of a {@code Codecs.STRING} key given by its UTF-8 bytes and a {@code Codecs.LONG}
     * value: the bytes {@link #write(byte[], int, int, byte[], int, int)} writes for the two
     * encoded, without encoding them elsewhere first.
     */
    void writeStringLong(byte[] utf8, int off, int len, long value) throws IOException {
      int most = 2 * SpillBytes.MAX_VARINT + 4 + len + 8;
      if (buf.length - n < most) {
        flush();
        if (buf.length < most) {
          byte[] key = new byte[len + 4];
          SpillBytes.putInt(key, 0, len);
          System.arraycopy(utf8, off, key, 4, len);
          byte[] sum = new byte[8];
          SpillBytes.putLong(sum, 0, value);
          write(key, 0, key.length, sum, 0, 8);
          return;
        }
      }
      n = SpillBytes.putVarint(buf, n, len + 4);
      n = SpillBytes.putVarint(buf, n, 8);
      SpillBytes.putInt(buf, n, len);
      System.arraycopy(utf8, off, buf, n + 4, len);
      n += 4 + len;
      SpillBytes.putLong(buf, n, value);
      n += 8;
      records[partition]++;
    }

    private void put(byte[] b, int off, int len) throws IOException {
      if (len > buf.length - n) {
        flush();
        if (len > buf.length) {
          out.write(b, off, len);
          flushed += len;
          return;
        }
      }
      System.arraycopy(b, off, buf, n, len);
      n += len;
    }

    private void flush() throws IOException {
      out.write(buf, 0, n);
      flushed += n;
      n = 0;
    }

    /** Ends the last partition, closes the file and returns it with its index. */
    SpillFile finish() throws IOException {
      startPartition(records.length);
      flush();
      closed = true;
      out.close();
      return new SpillFile(path, offsets, records);
    }

    /** Closes without finishing (after a failure); the caller deletes the file. */
    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }
  }
}
