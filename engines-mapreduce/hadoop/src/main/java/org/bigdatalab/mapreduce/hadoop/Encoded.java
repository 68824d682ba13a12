package org.bigdatalab.mapreduce.hadoop;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.DataOutputBuffer;
import org.bigdatalab.spi.Codec;

/**
 * Map output travels through Hadoop's sort and shuffle as {@link BytesWritable}s holding the job's
 * own codec encoding; this class turns values into those bytes and back.
 */
final class Encoded {
  private Encoded() {}

  /** Encodes {@code value} into {@code target}, reusing {@code buffer}. */
  static <T> void write(Codec<T> codec, T value, DataOutputBuffer buffer, BytesWritable target) throws IOException {
    buffer.reset();
    codec.write(value, buffer);
    target.set(buffer.getData(), 0, buffer.getLength());
  }

  static <T> T read(Codec<T> codec, BytesWritable bytes) {
    return read(codec, bytes.getBytes(), 0, bytes.getLength());
  }

  /** Decodes a value from {@code length} bytes at {@code start}; thread-safe (no shared buffer). */
  static <T> T read(Codec<T> codec, byte[] data, int start, int length) {
    try {
      return codec.read(new DataInputStream(new ByteArrayInputStream(data, start, length)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode a " + codec.name() + " from " + length + " bytes", e);
    }
  }
}
