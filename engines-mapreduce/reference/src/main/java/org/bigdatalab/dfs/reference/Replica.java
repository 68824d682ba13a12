package org.bigdatalab.dfs.reference;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A published replica as {@code dfs-memory} holds it: its bytes and their stored checksums (one
 * big-endian CRC32C per 512 bytes, as in a {@code .meta} file). Never changed once published: a
 * corruption fault replaces it with a copy that has one byte flipped.
 */
record Replica(byte[] data, byte[] sums) {

  Replica withByteFlipped(int offset) {
    byte[] flipped = data.clone();
    flipped[offset] ^= (byte) 0x5A;
    return new Replica(flipped, sums);
  }

  ReplicaReader reader() {
    return new ReplicaReader() {
      @Override public long length() { return data.length; }

      @Override public void readData(long position, ByteBuffer dst) {
        dst.put(data, Math.toIntExact(position), dst.remaining());
      }

      /** The replica's own array (published replicas never change); not read-only, which would make CRC32C copy it. */
      @Override public ByteBuffer view(long position, int n, ByteBuffer scratch) {
        return ByteBuffer.wrap(data, Math.toIntExact(position), n).slice();
      }

      @Override public void readSums(int firstChunk, ByteBuffer dst) {
        dst.put(sums, firstChunk * Checksums.SUM, dst.remaining());
      }

      @Override public void close() {}
    };
  }

  /** A replica being written: bytes and checksums gathered in growing arrays, published by {@code onPublish}. */
  static ReplicaWriter writer(Replica kept, long keep, Consumer<Replica> onPublish) {
    Growing data = new Growing(kept == null ? new byte[0] : kept.data, Math.toIntExact(keep));
    Growing sums = new Growing(kept == null ? new byte[0] : kept.sums, Checksums.chunks(keep) * Checksums.SUM);
    return new ReplicaWriter() {
      @Override public void append(ByteBuffer bytes, ByteBuffer more) {
        data.append(bytes);
        sums.append(more);
      }

      @Override public void publish() { onPublish.accept(new Replica(data.toArray(), sums.toArray())); }

      @Override public void abort() {}
    };
  }

  /** A byte array that doubles as it fills, so appending n bytes costs O(n) copies. */
  private static final class Growing {
    private byte[] bytes;
    private int size;

    Growing(byte[] from, int keep) {
      bytes = Arrays.copyOf(from, Math.max(keep, 64));
      size = keep;
    }

    void append(ByteBuffer more) {
      int n = more.remaining();
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + n, 2 * bytes.length));
      }
      more.duplicate().get(bytes, size, n);
      size += n;
    }

    byte[] toArray() { return bytes.length == size ? bytes : Arrays.copyOf(bytes, size); }
  }
}
