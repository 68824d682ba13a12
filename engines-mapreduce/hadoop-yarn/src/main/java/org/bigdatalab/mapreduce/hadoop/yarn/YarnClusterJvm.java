package org.bigdatalab.mapreduce.hadoop.yarn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.bigdatalab.spi.fork.DaemonJvm;
import org.bigdatalab.spi.fork.EngineJvm;
import org.bigdatalab.spi.fork.ShippedClasses;

/**
 * A YARN cluster for MapReduce in a JVM of its own on 127.0.0.1: Hadoop's MiniMRYarnCluster (a
 * ResourceManager, one NodeManager with MapReduce's ShuffleHandler, and a JobHistoryServer, which
 * answers for a job once its ApplicationMaster has exited), started through {@link DaemonJvm}.
 * Every ApplicationMaster and task is a container: a JVM the NodeManager starts.
 *
 * <p>What the cluster has installed and what a job brings are kept apart ({@link ShippedClasses}):
 * the daemon and the containers get the third-party jars of this JVM's class path (Hadoop and its
 * dependencies, as {@code mapreduce.application.classpath}); the lab's classes reach the
 * containers only in the job's jar ({@link #clientOptions}). The daemon prints the addresses a
 * client needs on one line; the parent reads them from there.
 */
public final class YarnClusterJvm implements AutoCloseable {
  private static final String READY = "yarn ready";
  private static final Duration START = Duration.ofSeconds(180);
  static final int NODE_MB = 4096;
  static final int CONTAINER_MB = 512;
  /** The cluster configuration a client must share: where the RM and the history server are, where jobs stage. */
  private static final List<String> CLIENT_KEY_PREFIXES = List.of("yarn.resourcemanager.", "mapreduce.jobhistory.",
      "yarn.app.mapreduce.am.staging-dir");

  private final DaemonJvm daemon;
  private final Path work;
  private final Map<String, String> clusterKeys;
  private final List<String> installed;
  private final List<String> shipped;

  private YarnClusterJvm(DaemonJvm daemon, Path work, Map<String, String> clusterKeys, List<String> installed,
      List<String> shipped) {
    this.daemon = daemon;
    this.work = work;
    this.clusterKeys = clusterKeys;
    this.installed = installed;
    this.shipped = shipped;
  }

  /** Starts the cluster, packs the job jar, and returns once the NodeManager serves. */
  public static YarnClusterJvm start() throws IOException {
    List<String> classpath = EngineJvm.split(System.getProperty("java.class.path"));
    List<String> installed = ShippedClasses.installed(classpath);
    Path work = Files.createTempDirectory("mr-hadoop-yarn");
    DaemonJvm daemon = EngineJvm.launch(DaemonJvm.uniqueName("yarn"), installed, YarnClusterJvm.class.getName())
        .classpathAfter(List.of(EngineJvm.locationOf(YarnClusterJvm.class))).heapMegabytes(1024)
        .purpose("a YARN cluster").start(List.of());
    try {
      String ready = daemon.awaitLine(Pattern.compile("^" + READY + "(\t.*)?$"), START).group();
      Map<String, String> keys = new LinkedHashMap<>();
      for (String pair : ready.substring(READY.length()).split("\t")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          keys.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
      List<String> shipped = ShippedClasses.ship(classpath, work.resolve("bigdatalab-job.jar"));
      return new YarnClusterJvm(daemon, work, keys, installed, shipped);
    } catch (IOException | RuntimeException e) {
      daemon.close();
      deleteQuietly(work);
      throw e;
    }
  }

  /**
   * The options mr-hadoop runs on this cluster with: the cluster's addresses, {@code yarn} as the
   * framework, the lab's classes as {@code mapreduce.job.jar} (and its other jars as
   * {@code tmpjars}), the installed jars as the containers' class path, small container JVMs.
   */
  public Map<String, String> clientOptions() {
    Map<String, String> o = new LinkedHashMap<>(clusterKeys);
    o.put("mapreduce.framework.name", "yarn");
    o.put("mapreduce.job.jar", shipped.get(0));
    if (shipped.size() > 1) {
      o.put("tmpjars", String.join(",", shipped.subList(1, shipped.size()).stream().map(j -> Path.of(j).toUri().toString()).toList()));
    }
    o.put("mapreduce.application.classpath", String.join(",", installed));
    // a mini cluster would otherwise hand containers this JVM's whole class path, the lab's classes included
    o.put(YarnConfiguration.IS_MINI_YARN_CLUSTER, "false");
    String jvm = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto";
    // the ApplicationMaster serves a web UI through Guice, which needs java.lang open on Java 17
    o.put("yarn.app.mapreduce.am.command-opts", "-Xmx256m " + jvm + " --add-opens=java.base/java.lang=ALL-UNNAMED");
    o.put("mapreduce.map.java.opts", "-Xmx200m " + jvm);
    o.put("mapreduce.reduce.java.opts", "-Xmx200m " + jvm);
    for (String memory : List.of("yarn.app.mapreduce.am.resource.mb", "mapreduce.map.memory.mb", "mapreduce.reduce.memory.mb")) {
      o.put(memory, Integer.toString(CONTAINER_MB));
    }
    o.put("yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", "100");  // the AM asks the RM every 100 ms, not every 1 s
    return o;
  }

  /** Stops the daemon (and every container it started) and removes the job jar. */
  @Override
  public void close() {
    try {
      daemon.close();
    } finally {
      deleteQuietly(work);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  /**
   * The cluster's process: starts it, prints {@value #READY} and the client's keys, and serves until
   * the process ends. It does not stop the cluster on exit: {@code stop()} waits 12-17 s for
   * applications long finished, and {@link DaemonJvm#close} ends the containers that outlive it.
   */
  public static void main(String[] args) throws Exception {
    MiniMRYarnCluster cluster = new MiniMRYarnCluster("mr-hadoop-yarn", 1);
    cluster.init(clusterConfiguration());
    cluster.start();
    Configuration conf = cluster.getConfig();
    StringBuilder line = new StringBuilder(READY);
    for (Map.Entry<String, String> e : conf) {
      if (CLIENT_KEY_PREFIXES.stream().anyMatch(e.getKey()::startsWith)) {
        line.append('\t').append(e.getKey()).append('=').append(conf.get(e.getKey()));
      }
    }
    System.out.println(line);
    System.out.flush();
    Thread.currentThread().join();
  }

  /** One NodeManager of {@value #NODE_MB} MB for containers of {@value #CONTAINER_MB} MB; see /work/notes/yarn.md for why each key. */
  static Configuration clusterConfiguration() {
    YarnConfiguration conf = new YarnConfiguration();
    conf.setInt(YarnConfiguration.NM_PMEM_MB, NODE_MB);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, CONTAINER_MB);
    // one job at a time: its ApplicationMaster may take what it needs of the queue (the default is 10%)
    conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    // containers start $JAVA_HOME/bin/java: this JVM's Java, whatever the environment says
    conf.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + System.getProperty("java.home"));
    conf.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 100);
    conf.setLong(YarnConfiguration.NM_PROCESS_KILL_WAIT_MS, 100);
    conf.setLong(YarnConfiguration.NM_SLEEP_DELAY_BEFORE_SIGKILL_MS, 100);
    return conf;
  }
}
