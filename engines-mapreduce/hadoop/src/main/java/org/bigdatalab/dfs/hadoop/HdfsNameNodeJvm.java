package org.bigdatalab.dfs.hadoop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.bigdatalab.dfs.DataNodeSpec;
import org.bigdatalab.spi.fork.DaemonJvm;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * An HDFS cluster in a JVM of its own on 127.0.0.1: a NameNode and four DataNodes on two racks
 * ({@link MiniHdfs}'s MiniDFSCluster, in the child), reached by the lab only through
 * {@code hdfs://127.0.0.1:<port>} as a user's cluster is ({@code dfs-hdfs@namenode}).
 */
public final class HdfsNameNodeJvm implements AutoCloseable {
  private static final String READY = "hdfs ready at ";
  private static final Duration START = Duration.ofSeconds(120);

  private final DaemonJvm daemon;
  private final String uri;

  private HdfsNameNodeJvm(DaemonJvm daemon, String uri) {
    this.daemon = daemon;
    this.uri = uri;
  }

  static HdfsNameNodeJvm start() throws IOException {
    DaemonJvm daemon = EngineJvm.launch(DaemonJvm.uniqueName("hdfs"), EngineJvm.split(System.getProperty("java.class.path")),
        HdfsNameNodeJvm.class.getName()).heapMegabytes(768).purpose("an HDFS cluster").start(List.of());
    try {
      return new HdfsNameNodeJvm(daemon, daemon.awaitLine(Pattern.compile(Pattern.quote(READY) + "(hdfs://\\S+)"), START).group(1));
    } catch (RuntimeException e) {
      daemon.close();
      throw e;
    }
  }

  /** {@code hdfs://127.0.0.1:<port>}: what {@code fs.defaultFS} takes. */
  String uri() { return uri; }

  @Override
  public void close() {
    daemon.close();
  }

  /** The cluster's process: starts it, prints {@value #READY}{@code URI}, and serves until the process is ended. */
  public static void main(String[] args) throws Exception {
    File dir = Files.createTempDirectory("dfs-hdfs-namenode").toFile();
    List<DataNodeSpec> topology = List.of(new DataNodeSpec("dn1", "r1", 1L << 30), new DataNodeSpec("dn2", "r1", 1L << 30),
        new DataNodeSpec("dn3", "r2", 1L << 30), new DataNodeSpec("dn4", "r2", 1L << 30));
    MiniHdfs hdfs = MiniHdfs.start(topology, new Configuration(), dir);
    Runtime.getRuntime().addShutdownHook(new Thread(hdfs::close, "hdfs-stop"));
    System.out.println(READY + "hdfs://127.0.0.1:" + hdfs.cluster.getNameNodePort());
    System.out.flush();
    Thread.currentThread().join();
  }
}
