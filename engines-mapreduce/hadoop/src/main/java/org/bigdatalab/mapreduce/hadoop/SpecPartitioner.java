package org.bigdatalab.mapreduce.hadoop;

import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.mapreduce.Partitioner;
import org.bigdatalab.mapreduce.MapReduceJob;

/**
 * Calls the job's partitioner on the decoded key, and refuses a partition out of range with a
 * message naming the key (Hadoop's own message would only give the number). Hadoop skips the
 * partitioner when there is one reduce task.
 */
public final class SpecPartitioner<K> extends Partitioner<BytesWritable, BytesWritable> implements Configurable {
  private Configuration conf;
  private MapReduceJob<K, ?, ?, ?> job;

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
    this.job = JobTransport.get(conf);
  }

  @Override
  public Configuration getConf() {
    return conf;
  }

  @Override
  public int getPartition(BytesWritable key, BytesWritable value, int numPartitions) {
    K decoded = Encoded.read(job.mapKeyCodec(), key);
    int p = job.partitioner().partition(decoded, numPartitions);
    if (p < 0 || p >= numPartitions) {
      throw new IllegalStateException("partitioner of " + job.name() + " returned " + p + " for key " + decoded
          + " with " + numPartitions + " reducers");
    }
    return p;
  }
}
