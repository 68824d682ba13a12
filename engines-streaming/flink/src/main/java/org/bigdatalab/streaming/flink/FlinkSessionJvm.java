package org.bigdatalab.streaming.flink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bigdatalab.spi.fork.DaemonJvm;
import org.bigdatalab.spi.fork.EngineJvm;
import org.bigdatalab.spi.fork.ShippedClasses;

/**
 * A Flink session cluster on 127.0.0.1: a JobManager ({@code StandaloneSessionClusterEntrypoint})
 * and one TaskManager ({@code TaskManagerRunner}) with two slots, each a JVM of its own started
 * through {@link DaemonJvm} from a temporary {@code config.yaml}, as {@code start-cluster.sh}
 * would. Their class path is Flink's jars only ({@link ShippedClasses#installed}); the job's
 * classes reach the TaskManager as {@code flink.jars} ({@link #jars}).
 *
 * <p>The TaskManager's memory is given part by part (task and framework heap, network, managed),
 * as the start scripts' {@code BashJavaUtils} would compute it: {@code TaskManagerRunner} refuses
 * to start with only a total.
 */
final class FlinkSessionJvm implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(120);
  private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");

  private final Path work;
  private final List<DaemonJvm> daemons = new ArrayList<>();
  private int restPort;
  private List<String> jars = List.of();

  private FlinkSessionJvm(Path work) {
    this.work = work;
  }

  /** Starts the JobManager and the TaskManager; returns once the TaskManager has registered. */
  static FlinkSessionJvm start() throws IOException {
    FlinkSessionJvm cluster = new FlinkSessionJvm(Files.createTempDirectory("flink-session"));
    try {
      cluster.restPort = DaemonJvm.freePort();
      Path conf = Files.createDirectories(cluster.work.resolve("conf"));
      Files.writeString(conf.resolve("config.yaml"), String.join("\n",
          "jobmanager.rpc.address: 127.0.0.1", "jobmanager.bind-host: 127.0.0.1", "jobmanager.rpc.port: " + DaemonJvm.freePort(),
          "rest.address: 127.0.0.1", "rest.bind-address: 127.0.0.1", "rest.port: " + cluster.restPort,
          "blob.server.port: " + DaemonJvm.freePort(),
          "taskmanager.host: 127.0.0.1", "taskmanager.bind-host: 127.0.0.1", "taskmanager.numberOfTaskSlots: 2",
          "taskmanager.cpu.cores: 2",
          "jobmanager.memory.process.size: 768m",
          "taskmanager.memory.framework.heap.size: 64m", "taskmanager.memory.framework.off-heap.size: 64m",
          "taskmanager.memory.task.heap.size: 256m", "taskmanager.memory.task.off-heap.size: 0m",
          "taskmanager.memory.network.min: 32m", "taskmanager.memory.network.max: 32m",
          "taskmanager.memory.managed.size: 32m", "taskmanager.memory.jvm-metaspace.size: 256m",
          "taskmanager.memory.jvm-overhead.min: 64m", "taskmanager.memory.jvm-overhead.max: 64m",
          "io.tmp.dirs: " + Files.createDirectories(cluster.work.resolve("tmp")), ""));
      List<String> classpath = EngineJvm.split(System.getProperty("java.class.path"));
      List<String> installed = ShippedClasses.installed(classpath);
      List<String> args = List.of("--configDir", conf.toString());
      cluster.daemon("flink-jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", installed, args);
      cluster.daemon("flink-taskmanager", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", installed, args);
      cluster.awaitTaskManager();
      cluster.jars = ShippedClasses.ship(classpath, cluster.work.resolve("bigdatalab-job.jar"));
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  int restPort() { return restPort; }

  /** What a job on this cluster ships: the lab's classes in one jar, and the lab's jars. */
  List<String> jars() { return jars; }

  private void daemon(String role, String mainClass, List<String> classpath, List<String> args) throws IOException {
    daemons.add(EngineJvm.launch(DaemonJvm.uniqueName(role), classpath, mainClass).heapMegabytes(512)
        .purpose("a Flink " + role.substring("flink-".length())).start(args));
  }

  /**
   * Asks the REST endpoint until it reports a TaskManager. Flink logs through SLF4J, which has no
   * binding on this class path, so there is no line to wait for; a daemon that dies fails at once.
   */
  private void awaitTaskManager() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest overview = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/overview"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      for (DaemonJvm d : daemons) {
        if (!d.isAlive()) {
          throw d.failure("exited before the cluster was up");
        }
      }
      try {
        Matcher m = TASK_MANAGERS.matcher(http.send(overview, HttpResponse.BodyHandlers.ofString()).body());
        if (m.find() && Integer.parseInt(m.group(1)) > 0) {
          return;
        }
      } catch (IOException notYet) {
        // the REST endpoint is not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the Flink cluster started", e);
      }
      try {
        Thread.sleep(200);  // a readiness poll of a local endpoint, not a timing assumption
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the Flink cluster started", e);
      }
    }
    throw daemons.get(daemons.size() - 1).failure("did not register with the JobManager within " + START.toSeconds() + " s");
  }

  /** Stops the TaskManager, then the JobManager, and removes the work directory. */
  @Override
  public void close() {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      daemons.get(i).close();
    }
    try (Stream<Path> paths = Files.walk(work)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
