package org.bigdatalab.mapreduce.hadoop;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;

/**
 * The stores that jobs of this JVM read through the DFS SPI, by a handle the job's configuration
 * carries under {@link #KEY}. A store such as {@code dfs-memory} lives in this JVM only, so it can
 * be read by LocalJobRunner's tasks but not by a cluster's task JVMs: the one piece of static state
 * of mr-hadoop, registered for the length of a job.
 */
final class StoreHandles {
  static final String KEY = "bigdatalab.dfs.store.handle";

  /** A job's store and input files. */
  record Input(DistributedFileSystem fs, List<DfsPath> files) {}

  private static final Map<String, Input> OPEN = new ConcurrentHashMap<>();

  private StoreHandles() {}

  /** Registers the input and names its handle in {@code conf}; returns the handle for {@link #release}. */
  static String register(Configuration conf, DistributedFileSystem fs, List<DfsPath> files) {
    String handle = UUID.randomUUID().toString();
    OPEN.put(handle, new Input(fs, List.copyOf(files)));
    conf.set(KEY, handle);
    return handle;
  }

  static void release(String handle) {
    OPEN.remove(handle);
  }

  /** The job's input, or null when the job reads through Hadoop's own file systems. */
  static Input of(Configuration conf) {
    String handle = conf.get(KEY);
    if (handle == null) {
      return null;
    }
    Input input = OPEN.get(handle);
    if (input == null) {
      throw new IllegalStateException("DFS store " + handle + " is not registered in this JVM: a store read"
          + " through the SPI can be read only by LocalJobRunner, in the JVM that holds it");
    }
    return input;
  }
}
