package org.bigdatalab.mapreduce.hadoop;

import java.util.Iterator;
import org.apache.hadoop.io.BytesWritable;
import org.bigdatalab.spi.Codec;

/**
 * The values of one reduce (or combine) call, decoded as they stream out of Hadoop's merge. Like
 * Hadoop's own value iterable they can be walked once; a second walk fails loudly instead of
 * silently seeing no values, as a plain Hadoop reducer would.
 */
final class DecodedValues<V> implements Iterable<V> {
  private final Iterable<BytesWritable> raw;
  private final Codec<V> codec;
  private boolean used;

  DecodedValues(Iterable<BytesWritable> raw, Codec<V> codec) {
    this.raw = raw;
    this.codec = codec;
  }

  @Override
  public Iterator<V> iterator() {
    if (used) {
      throw new IllegalStateException("the values of a reduce call can be iterated only once: Hadoop streams"
          + " them from the merged map output; copy them into a list to walk them twice");
    }
    used = true;
    Iterator<BytesWritable> it = raw.iterator();
    return new Iterator<>() {
      @Override public boolean hasNext() { return it.hasNext(); }
      @Override public V next() { return Encoded.read(codec, it.next()); }
    };
  }
}
