package org.bigdatalab.mapreduce.hadoop.yarn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.hadoop.HadoopMapReduce;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.ClusterRow;

/**
 * {@code mr-hadoop@yarn}: the mr-hadoop adapter, unchanged, with {@code mapreduce.framework.name=yarn}
 * against a YARN cluster it starts in a JVM of its own on 127.0.0.1 ({@link YarnClusterJvm}) and
 * stops on close. Every ApplicationMaster and task is a container JVM that has Hadoop's jars only;
 * the job's classes travel in {@code mapreduce.job.jar}. The cluster's keys give way to no option:
 * a {@code mapreduce.framework.name} meant for {@code mr-hadoop} in a run of several engines is
 * overridden.
 *
 * <p>{@code fs.defaultFS} stays {@code file:///}: the spec hands the engine local input files and
 * reads the output directory locally, and on one machine the containers share that disk (as a
 * cluster's nodes would share a mounted directory). Input from HDFS is read through the store's
 * {@code hdfs://127.0.0.1:<port>/…} paths (the DFS-input clause, with {@code dfs-hdfs@namenode}).
 * No clause is declared beyond mr-hadoop's cluster-mode declarations (none): task retries, which
 * LocalJobRunner lacks, are YARN's own here.
 */
public final class HadoopOnYarn implements MapReduceEngine {
  static final EngineInfo INFO = HadoopMapReduce.CLUSTER_INFO.on("yarn",
      "a MiniYARNCluster (ResourceManager, NodeManager, history server) in a separate JVM", Map.of());

  private final HadoopMapReduce adapter;
  private final YarnClusterJvm cluster;

  private HadoopOnYarn(HadoopMapReduce adapter, YarnClusterJvm cluster) {
    this.adapter = adapter;
    this.cluster = cluster;
  }

  @Override public EngineInfo info() { return INFO; }

  @Override
  public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, List<Path> inputs, Path outputDir)
      throws JobFailedException {
    return adapter.run(job, inputs, outputDir);
  }

  @Override
  public <KM, VM, KO, VO> JobResult run(MapReduceJob<KM, VM, KO, VO> job, DistributedFileSystem fs, List<DfsPath> inputs,
      Path outputDir) throws JobFailedException {
    return adapter.run(job, fs, inputs, outputDir);
  }

  @Override
  public void close() throws IOException {
    try {
      adapter.close();
    } finally {
      cluster.close();
    }
  }

  /** Registers {@code mr-hadoop@yarn}. */
  public static final class Provider implements EngineProvider {
    @Override public EngineInfo info() { return INFO; }

    @Override
    public Engine create(EngineOptions options) {
      return ClusterRow.start(INFO.id(), "the cluster", YarnClusterJvm::start, cluster -> {
        return new HadoopOnYarn(new HadoopMapReduce(ClusterRow.options(Map.of(), options, cluster.clientOptions())), cluster);
      });
    }
  }
}
