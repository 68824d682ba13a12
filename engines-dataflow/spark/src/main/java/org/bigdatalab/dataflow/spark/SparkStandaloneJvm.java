package org.bigdatalab.dataflow.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bigdatalab.spi.fork.DaemonJvm;
import org.bigdatalab.spi.fork.EngineJvm;
import org.bigdatalab.spi.fork.ShippedClasses;

/**
 * A Spark standalone cluster on 127.0.0.1: a master and one worker, each a JVM of its own running
 * Spark's own {@code Master} and {@code Worker} (what {@code start-master.sh} and
 * {@code start-worker.sh} run), started through {@link DaemonJvm}; the worker starts executor JVMs
 * for each application as it would on a real cluster.
 *
 * <p>What the cluster has and what the application brings are kept apart as on a real one:
 * <ul>
 *   <li>the cluster's "installation" is every third-party jar of this JVM's class path (Spark and its
 *       dependencies), given to the worker as {@code SPARK_DIST_CLASSPATH} (the variable a
 *       "Hadoop free" Spark build reads) under a {@code SPARK_HOME} with an empty {@code jars/};</li>
 *   <li>the lab's classes (this module, the SPI, the suites and their generators, the test classes:
 *       every class directory and {@code org.bigdatalab} jar on the class path) are not there: they
 *       are packed into one jar that the application ships with {@code spark.jars}
 *       ({@link ShippedClasses}, {@link #applicationOptions}), so a function that does not serialize, or a class that only
 *       the driver has, fails here as it would on a cluster.</li>
 * </ul>
 */
final class SparkStandaloneJvm implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(120);
  private static final int WORKER_CORES = 2;

  private final Path work;
  private final List<DaemonJvm> daemons = new ArrayList<>();
  private String masterUrl;
  private List<String> shipped = List.of();

  private SparkStandaloneJvm(Path work) {
    this.work = work;
  }

  /** Starts the master, then the worker, and returns once the worker has registered with the master. */
  static SparkStandaloneJvm start() throws IOException {
    Path work = Files.createTempDirectory("spark-standalone");
    SparkStandaloneJvm cluster = new SparkStandaloneJvm(work);
    try {
      List<String> classpath = EngineJvm.split(System.getProperty("java.class.path"));
      List<String> installed = ShippedClasses.installed(classpath);
      Path log4j = work.resolve("log4j2-daemon.properties");
      // the daemons log at INFO to their log files: readiness is read from those lines
      Files.writeString(log4j, "rootLogger.level = info\nrootLogger.appenderRef.stdout.ref = console\n"
          + "appender.console.type = Console\nappender.console.name = console\nappender.console.layout.type = PatternLayout\n"
          + "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n\n");
      Path sparkHome = Files.createDirectories(work.resolve("spark-home/jars")).getParent();
      Map<String, String> env = new HashMap<>(Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13",
          "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_DIST_CLASSPATH", String.join(File.pathSeparator, installed)));

      int masterPort = DaemonJvm.freePort();
      DaemonJvm master = cluster.daemon("spark-master", "org.apache.spark.deploy.master.Master", installed, log4j, env,
          List.of("--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(DaemonJvm.freePort())));
      cluster.masterUrl = master.awaitLine(Pattern.compile("Starting Spark master at (spark://\\S+)"), START).group(1);
      master.awaitLine(Pattern.compile("I have been elected leader"), START);

      DaemonJvm worker = cluster.daemon("spark-worker", "org.apache.spark.deploy.worker.Worker", installed, log4j, env,
          List.of("--host", "127.0.0.1", "--port", Integer.toString(DaemonJvm.freePort()), "--webui-port",
              Integer.toString(DaemonJvm.freePort()), "--cores", Integer.toString(WORKER_CORES), "--memory", "1536m",
              "--work-dir", Files.createDirectories(work.resolve("worker")).toString(), cluster.masterUrl));
      worker.awaitLine(Pattern.compile("Successfully registered with master"), START);
      cluster.shipped = ShippedClasses.ship(classpath, work.resolve("bigdatalab-job.jar"));
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** {@code spark://127.0.0.1:<port>}. */
  String masterUrl() { return masterUrl; }

  /**
   * The options an application on this cluster runs with: the master, the job's classes as
   * {@code spark.jars}, the driver on the loopback address (executors connect back to it), and
   * executors sized to the worker.
   */
  Map<String, String> applicationOptions() {
    return Map.of("spark.master", masterUrl, "spark.jars", String.join(",", shipped),
        "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
        "spark.executor.memory", "768m", "spark.cores.max", Integer.toString(WORKER_CORES));
  }

  private DaemonJvm daemon(String role, String mainClass, List<String> classpath, Path log4j, Map<String, String> env,
      List<String> args) throws IOException {
    EngineJvm.Launch launch = EngineJvm.launch(DaemonJvm.uniqueName(role), classpath, mainClass).heapMegabytes(512)
        .purpose("a Spark " + role.substring("spark-".length())).jvmArg("-Dlog4j2.configurationFile=" + log4j);
    env.forEach(launch::env);
    DaemonJvm daemon = launch.start(args);
    daemons.add(daemon);
    return daemon;
  }

  /** Stops the worker (and with it its executors), then the master, and removes the work directory. */
  @Override
  public void close() {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      daemons.get(i).close();
    }
    try (Stream<Path> paths = Files.walk(work)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
