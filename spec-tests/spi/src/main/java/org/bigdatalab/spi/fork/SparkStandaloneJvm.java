package org.bigdatalab.spi.fork;

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
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;

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
 *   <li>the lab's classes (the adapter's module, the SPI, the suites and their generators, the test classes:
 *       every class directory and {@code org.bigdatalab} jar on the class path) are not there: they
 *       are packed into one jar that the application ships with {@code spark.jars}
 *       ({@link ShippedClasses}, {@link #applicationOptions}), so a function that does not serialize, or a class that only
 *       the driver has, fails here as it would on a cluster.</li>
 * </ul>
 * So what the cluster has installed is the calling module's third-party jars: Spark's alone for
 * {@code spark@standalone} and {@code spark-streaming@standalone}, Spark's with Delta's or Iceberg's
 * runtime for {@code delta@standalone} and {@code iceberg@standalone}, as a cluster with those
 * libraries installed would have them. It sits in the SPI, beside {@link DaemonJvm}, because every
 * Spark adapter's cluster row starts the same cluster and it names Spark's classes only as strings
 * (no Spark on the SPI's class path).
 */
public final class SparkStandaloneJvm implements AutoCloseable {
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
  public static SparkStandaloneJvm start() throws IOException {
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

  /** How a Spark adapter is built on this cluster: its options and the cluster it is to stop when closed. */
  @FunctionalInterface
  public interface Adapter<E> {
    E on(EngineOptions options, SparkStandaloneJvm cluster);
  }

  /**
   * A Spark adapter's cluster row ({@code spark@standalone}, {@code delta@standalone}, …): starts a
   * cluster ({@link ClusterRow}) and builds the adapter with {@link #options}, where
   * {@code sharedOption}, when not null, names the option that defaults to a {@link #shared}
   * directory of that name (a table root, a checkpoint directory).
   */
  public static <E> E row(EngineInfo row, EngineOptions user, String sharedOption, Adapter<E> adapter) {
    return ClusterRow.start(row.id(), "the cluster", SparkStandaloneJvm::start, cluster -> adapter.on(
        cluster.options(user, sharedOption == null ? Map.of() : Map.of(sharedOption, cluster.shared(sharedOption))), cluster));
  }

  /** {@code spark://127.0.0.1:<port>}. */
  public String masterUrl() { return masterUrl; }

  /**
   * The options an application on this cluster runs with: the master, the job's classes as
   * {@code spark.jars}, the driver on the loopback address (executors connect back to it), and
   * executors sized to the worker.
   */
  public Map<String, String> applicationOptions() {
    return Map.of("spark.master", masterUrl, "spark.jars", String.join(",", shipped),
        "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
        "spark.executor.memory", "768m", "spark.cores.max", Integer.toString(WORKER_CORES));
  }

  /**
   * An engine's options on this cluster: {@code defaults} (such as a table root in {@link #shared}),
   * then the user's over them, then {@link #applicationOptions} over those: a {@code spark.master}
   * meant for the embedded engine in a run of several gives way to this cluster's.
   */
  private EngineOptions options(EngineOptions user, Map<String, String> defaults) {
    return ClusterRow.options(defaults, user, applicationOptions());
  }

  /**
   * A directory that the driver and every executor reach at the same path, as a cluster's shared file
   * system would be: here the one machine's disk, under the cluster's work directory, so it goes
   * with the cluster. Made on the first call.
   */
  private String shared(String name) {
    try {
      return Files.createDirectories(work.resolve("shared").resolve(name)).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot create the cluster's shared directory " + name + ": " + e.getMessage(), e);
    }
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
