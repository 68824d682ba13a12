package org.bigdatalab.mapreduce.hadoop;

import java.util.Comparator;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.WritableComparator;
import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.Codec;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.Utf8Order;

/**
 * Orders serialized map output keys with one of the job's comparators: Hadoop hands raw
 * {@link BytesWritable} bytes (a 4-byte length, then the codec's encoding), which are decoded with
 * the job's map key codec and compared as keys. Hadoop creates these through reflection and
 * configures them with the job's configuration, where they find the job ({@link Configurable}).
 * Stateless after {@link #setConf}, so the reduce side may share one across its merge threads.
 *
 * <p>Keys of {@code Codecs.STRING}, {@code LONG} or {@code INT} in their natural order
 * ({@code KeyComparator.natural()}) are compared as the serialized bytes Hadoop hands over, never
 * decoded: strings by {@link Utf8Order} (their UTF-8 bytes, unsigned, in {@code String.compareTo}'s
 * order), numbers as the big-endian two's complement the codecs write. Decoding every key to
 * compare it took about three quarters of a word count's time. Other keys and orders are decoded.
 */
public abstract class KeyOrder<K> implements RawComparator<BytesWritable>, Configurable {
  private static final int LENGTH_PREFIX = 4;

  private Configuration conf;
  private Codec<K> codec;
  private Comparator<K> order;
  /** How the serialized keys are compared: decoded by the job's comparator, or raw (read by tests). */
  Raw raw = Raw.DECODED;

  /** The raw comparisons: {@code b, s, l} are a key's codec bytes, without BytesWritable's length. */
  enum Raw {
    DECODED, STRING, LONG, INT;

    /** The raw way for keys of {@code codec} in {@code order}, or DECODED. */
    static Raw of(Codec<?> codec, Comparator<?> order) {
      if (order != KeyComparator.natural()) {
        return DECODED;
      }
      return codec == Codecs.STRING ? STRING : codec == Codecs.LONG ? LONG : codec == Codecs.INT ? INT : DECODED;
    }

    int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
      return switch (this) {
        // Codecs.STRING writes a 4-byte length, then the UTF-8 bytes.
        case STRING -> Utf8Order.compare(b1, s1 + 4, l1 - 4, b2, s2 + 4, l2 - 4);
        case LONG -> Long.compare(WritableComparator.readLong(b1, s1), WritableComparator.readLong(b2, s2));
        case INT -> Integer.compare(WritableComparator.readInt(b1, s1), WritableComparator.readInt(b2, s2));
        case DECODED -> throw new IllegalStateException("decoded keys have no raw comparison");
      };
    }
  }

  /** The comparator of the job this class stands for. */
  protected abstract Comparator<K> pick(MapReduceJob<K, ?, ?, ?> job);

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
    MapReduceJob<K, ?, ?, ?> job = JobTransport.get(conf);
    this.codec = job.mapKeyCodec();
    this.order = pick(job);
    this.raw = Raw.of(codec, order);
  }

  @Override
  public Configuration getConf() {
    return conf;
  }

  @Override
  public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    if (raw != Raw.DECODED) {
      return raw.compare(b1, s1 + LENGTH_PREFIX, l1 - LENGTH_PREFIX, b2, s2 + LENGTH_PREFIX, l2 - LENGTH_PREFIX);
    }
    try {
      return order.compare(Encoded.read(codec, b1, s1 + LENGTH_PREFIX, l1 - LENGTH_PREFIX),
          Encoded.read(codec, b2, s2 + LENGTH_PREFIX, l2 - LENGTH_PREFIX));
    } catch (RuntimeException | Error e) {
      TaskFailures.record(conf, e);
      throw e;
    }
  }

  @Override
  public int compare(BytesWritable a, BytesWritable b) {
    if (raw != Raw.DECODED) {
      return raw.compare(a.getBytes(), 0, a.getLength(), b.getBytes(), 0, b.getLength());
    }
    try {
      return order.compare(Encoded.read(codec, a), Encoded.read(codec, b));
    } catch (RuntimeException | Error e) {
      TaskFailures.record(conf, e);
      throw e;
    }
  }

  /** The job's sort comparator: the order of keys in the sort, the merge and the output. */
  public static final class Sort<K> extends KeyOrder<K> {
    @Override protected Comparator<K> pick(MapReduceJob<K, ?, ?, ?> job) { return job.sortComparator(); }
  }

  /** The job's grouping comparator: which adjacent keys share one reduce call. */
  public static final class Grouping<K> extends KeyOrder<K> {
    @Override protected Comparator<K> pick(MapReduceJob<K, ?, ?, ?> job) { return job.groupingComparator(); }
  }
}
