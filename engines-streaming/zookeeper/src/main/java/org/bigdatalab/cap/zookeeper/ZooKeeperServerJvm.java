package org.bigdatalab.cap.zookeeper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;
import org.bigdatalab.spi.fork.DaemonJvm;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * A ZooKeeper ensemble whose servers are processes of their own on 127.0.0.1: each a child JVM
 * ({@link DaemonJvm}) running ZooKeeper's own {@link QuorumPeerMain} from a temporary {@code zoo.cfg},
 * as {@code zkServer.sh start} would. A server is stopped by ending its process and started again
 * on the same ports and data directory, so a partition or a crash in the CAP spec is a real server
 * process going away ({@code zookeeper@ensemble}).
 */
public final class ZooKeeperServerJvm implements AutoCloseable {
  private static final String READY = "zookeeper server ready, client port ";
  private static final Duration START = Duration.ofSeconds(60);

  private final Path dir;
  private final List<Integer> clientPorts = new ArrayList<>();
  private final List<DaemonJvm> servers = new ArrayList<>();

  private ZooKeeperServerJvm(Path dir) {
    this.dir = dir;
  }

  /** Writes the configs of an ensemble of {@code n} servers with tick time {@code tickMillis} and starts them all. */
  static ZooKeeperServerJvm start(int n, int tickMillis) throws IOException {
    ZooKeeperServerJvm ensemble = new ZooKeeperServerJvm(Files.createTempDirectory("zookeeper-ensemble"));
    try {
      StringBuilder quorum = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        ensemble.clientPorts.add(DaemonJvm.freePort());
        quorum.append("server.").append(i).append("=127.0.0.1:").append(DaemonJvm.freePort()).append(':')
            .append(DaemonJvm.freePort()).append('\n');
      }
      for (int i = 0; i < n; i++) {
        Path data = Files.createDirectories(ensemble.dir.resolve("server-" + (i + 1)));
        Files.writeString(data.resolve("myid"), Integer.toString(i + 1));
        Files.writeString(ensemble.config(i), "tickTime=" + tickMillis + "\ninitLimit=10\nsyncLimit=5\n"
            + "dataDir=" + data + "\nclientPort=" + ensemble.clientPorts.get(i) + "\nclientPortAddress=127.0.0.1\n"
            // no Jetty admin server (ZooKeeper declares Jetty 'provided'), no JMX
            + "admin.enableServer=false\n" + quorum);
        ensemble.servers.add(null);
      }
      for (int i = 0; i < n; i++) {
        ensemble.servers.set(i, ensemble.launch(i));
      }
      for (int i = 0; i < n; i++) {
        ensemble.awaitReady(i);
      }
      return ensemble;
    } catch (IOException | RuntimeException e) {
      ensemble.close();
      throw e;
    }
  }

  /** {@code 127.0.0.1:port} of each server, in order. */
  List<String> connectStrings() {
    return clientPorts.stream().map(p -> "127.0.0.1:" + p).toList();
  }

  /** Ends server {@code i}'s process. */
  void kill(int i) {
    servers.get(i).close();
  }

  /** Starts server {@code i} again on its ports and data directory, and returns once it listens. */
  void revive(int i) {
    try {
      servers.set(i, launch(i));
    } catch (IOException e) {
      throw new IllegalStateException("could not start ZooKeeper server " + (i + 1) + " again: " + e, e);
    }
    awaitReady(i);
  }

  private DaemonJvm launch(int i) throws IOException {
    return EngineJvm.launch(DaemonJvm.uniqueName("zookeeper-" + (i + 1)), EngineJvm.split(System.getProperty("java.class.path")),
            ZooKeeperServerJvm.class.getName()).heapMegabytes(256).purpose("ZooKeeper server " + (i + 1))
        .start(List.of(config(i).toString(), Integer.toString(clientPorts.get(i))));
  }

  private void awaitReady(int i) {
    servers.get(i).awaitLine(Pattern.compile(Pattern.quote(READY) + clientPorts.get(i)), START);
  }

  private Path config(int i) {
    return dir.resolve("zoo-" + (i + 1) + ".cfg");
  }

  @Override
  public void close() {
    servers.stream().filter(s -> s != null).forEach(DaemonJvm::close);
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  /**
   * The server process: {@code CONFIG CLIENT_PORT}. Prints {@value #READY}{@code PORT} once its
   * client port takes connections (it answers clients once the ensemble has a leader), then runs
   * ZooKeeper's {@link QuorumPeerMain} until the process is ended.
   */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[1]);
    Thread ready = new Thread(() -> {
      while (true) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
          System.out.println(READY + port);
          System.out.flush();
          return;
        } catch (IOException notYet) {
          try {
            Thread.sleep(50);  // a readiness poll of a local port, not a timing assumption
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }, "ready-probe");
    ready.setDaemon(true);
    ready.start();
    QuorumPeerMain.main(new String[] {args[0]});
  }
}
