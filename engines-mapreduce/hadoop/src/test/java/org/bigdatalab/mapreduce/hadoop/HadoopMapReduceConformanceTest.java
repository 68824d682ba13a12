package org.bigdatalab.mapreduce.hadoop;

import java.util.List;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.hadoop.SharedHdfsStore;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;

/**
 * Runs the whole MapReduce spec against {@code mr-hadoop} on LocalJobRunner. Its DFS input is read
 * from {@code dfs-memory} (through the SPI, {@link DfsInputFormat}) and from real HDFS (through
 * {@code hdfs://} paths, on the clusters the DFS suite keeps running).
 */
class HadoopMapReduceConformanceTest extends MapReduceSpec {
  @Override
  protected MapReduceEngine createEngine() {
    return new HadoopMapReduce();
  }

  @Override
  protected List<String> inputStoreIds() {
    return List.of("dfs-memory", "dfs-hdfs");
  }

  @Override
  protected DfsEngine createInputStore(String id) throws Exception {
    return id.equals("dfs-hdfs") ? SharedHdfsStore.get() : super.createInputStore(id);
  }
}
