package org.bigdatalab.mapreduce.hadoop;

import java.util.Comparator;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.RawComparator;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.Codec;

/**
 * Orders serialized map output keys with one of the job's comparators: Hadoop hands raw
 * {@link BytesWritable} bytes (a 4-byte length, then the codec's encoding), which are decoded with
 * the job's map key codec and compared as keys. Hadoop creates these through reflection and
 * configures them with the job's configuration, where they find the job ({@link Configurable}).
 * Stateless after {@link #setConf}, so the reduce side may share one across its merge threads.
 */
public abstract class KeyOrder<K> implements RawComparator<BytesWritable>, Configurable {
  private static final int LENGTH_PREFIX = 4;

  private Configuration conf;
  private Codec<K> codec;
  private Comparator<K> order;

  /** The comparator of the job this class stands for. */
  protected abstract Comparator<K> pick(MapReduceJob<K, ?, ?, ?> job);

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
    MapReduceJob<K, ?, ?, ?> job = JobTransport.get(conf);
    this.codec = job.mapKeyCodec();
    this.order = pick(job);
  }

  @Override
  public Configuration getConf() {
    return conf;
  }

  @Override
  public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
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
