package org.bigdatalab.cap.zookeeper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.util.ServiceUtils;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.HistoryRecorder;
import org.bigdatalab.cap.NetworkControl;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;

/**
 * A ZooKeeper ensemble seen as a {@link Cluster}: node i is a client that talks to server i only.
 * Operations run on their own threads and are recorded when they end (or when the client's timeout
 * passes: {@code INFO}); the cluster's clock is the wall clock, and {@link #runFor} lets real time
 * pass. See {@link ZooKeeperStore} for what the faults do here.
 */
final class ZooKeeperCluster implements Cluster, NetworkControl {
  private static final int TICK_MILLIS = 200;
  private static final int SESSION_MILLIS = 2000;
  private static final int CONNECT_MILLIS = 1000;

  private final ClusterConfig config;
  /** What stops and starts the servers; null for a running ensemble named by {@code connect=}. */
  private final Servers servers;
  private final List<CuratorFramework> clients = new ArrayList<>();
  private final HistoryRecorder recorder = new HistoryRecorder();
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("zookeeper-client-op"));
  private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(daemon("zookeeper-timeouts"));
  private final Set<Integer> crashed = new HashSet<>();
  private final Set<Integer> cutOff = new HashSet<>();
  private final Set<String> keys = new TreeSet<>();
  private final long start = System.nanoTime();

  /** Stops and starts server i: of a TestingCluster in this JVM, or a server process of its own. */
  interface Servers extends AutoCloseable {
    void kill(int node) throws Exception;

    void revive(int node) throws Exception;

    @Override
    void close() throws IOException;
  }

  private ZooKeeperCluster(ClusterConfig config, Servers servers, List<String> connect, String namespace) {
    this.config = config;
    this.servers = servers;
    for (String server : connect) {
      CuratorFramework client = CuratorFrameworkFactory.builder().connectString(server).namespace(namespace)
          .sessionTimeoutMs(SESSION_MILLIS).connectionTimeoutMs(CONNECT_MILLIS)
          // No retries: a retried write could take effect twice, around another client's write.
          .retryPolicy(new RetryNTimes(0, 0))
          // Node i talks to server i only: without this Curator learns the whole ensemble from its
          // configuration and fails over, so a cut-off server's clients would simply move.
          .ensembleTracker(false).build();
      client.start();
      clients.add(client);
    }
  }

  /**
   * An embedded server's later requests to exit the JVM (ZooKeeper makes them on errors it counts
   * fatal, e.g. a quorum port it could not bind: code 14, which killed a CI test fork twice) are
   * refused and said on stderr with the asking thread's stack (ZooKeeper's own line goes to SLF4J,
   * which has no binding in these JVMs); the server stays down, as a crashed node does. Set again
   * after every start: Curator 5.9 starts each server through ZooKeeperServerEmbedded, whose start
   * sets the exit procedure back to System.exit (the builder's default exit handler), which is why
   * setting it once before the ensemble started did not hold.
   */
  private static void refuseExits() {
    ServiceUtils.setSystemExitProcedure(ZooKeeperCluster::exitRefused);
  }

  private static void exitRefused(int code) {
    Throwable where = new Throwable("ZooKeeper asked to exit the JVM with code " + code + " on thread "
        + Thread.currentThread().getName() + "; refused: that server stays down");
    where.printStackTrace();
  }

  /** An ensemble of {@code config.nodes()} real servers in this JVM. */
  static ZooKeeperCluster embedded(ClusterConfig config, String namespace) {
    List<InstanceSpec> specs = new ArrayList<>();
    for (int i = 0; i < config.nodes(); i++) {
      specs.add(new InstanceSpec(null, -1, -1, -1, true, i + 1, TICK_MILLIS, -1));
    }
    // A server retries binding its quorum port until it can (0: no limit) instead of asking to exit
    // after three tries: a revived server whose port is briefly taken comes back late, as a slow node.
    System.setProperty("zookeeper.electionPortBindRetry", "0");
    TestingCluster ensemble = new TestingCluster(specs);
    try {
      ensemble.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start a ZooKeeper ensemble of " + config.nodes() + ": " + e, e);
    }
    refuseExits();
    Servers servers = new Servers() {
      @Override public void kill(int node) throws Exception { ensemble.killServer(specs.get(node)); }
      @Override public void revive(int node) throws Exception {
        ensemble.restartServer(specs.get(node));
        refuseExits();
      }
      @Override public void close() throws IOException { ensemble.close(); }
    };
    return connected(new ZooKeeperCluster(config, servers, specs.stream().map(InstanceSpec::getConnectString).toList(), namespace));
  }

  /** An ensemble of {@code config.nodes()} servers, each a process of its own on 127.0.0.1 ({@link ZooKeeperServerJvm}). */
  static ZooKeeperCluster processes(ClusterConfig config, String namespace) {
    ZooKeeperServerJvm ensemble;
    try {
      ensemble = ZooKeeperServerJvm.start(config.nodes(), TICK_MILLIS);
    } catch (IOException e) {
      throw new IllegalStateException("could not start a ZooKeeper ensemble of " + config.nodes() + " processes: " + e, e);
    }
    Servers servers = new Servers() {
      @Override public void kill(int node) { ensemble.kill(node); }
      @Override public void revive(int node) { ensemble.revive(node); }
      @Override public void close() { ensemble.close(); }
    };
    return connected(new ZooKeeperCluster(config, servers, ensemble.connectStrings(), namespace));
  }

  /** The cluster once every client is connected; closed (servers included) if one does not connect. */
  private static ZooKeeperCluster connected(ZooKeeperCluster cluster) {
    try {
      cluster.awaitConnected();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** A running ensemble; node i is the i-th server of {@code connect}. Faults are refused. */
  static ZooKeeperCluster remote(ClusterConfig config, String connect, String namespace) {
    List<String> hosts = List.of(connect.split(","));
    if (hosts.size() < config.nodes()) {
      throw new IllegalArgumentException("connect names " + hosts.size() + " servers; the test asks for " + config.nodes());
    }
    return connected(new ZooKeeperCluster(config, null, hosts.subList(0, config.nodes()), namespace));
  }

  private void awaitConnected() {
    for (CuratorFramework client : clients) {
      try {
        if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("a ZooKeeper client did not connect in 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override public int nodes() { return config.nodes(); }
  @Override public long now() { return (System.nanoTime() - start) / 1_000_000; }
  @Override public NetworkControl network() { return this; }

  @Override
  public synchronized History history() {
    return recorder.history();
  }

  @Override
  public void invoke(int node, RegisterOp op) {
    int ticket;
    synchronized (this) {
      keys.add(op.key());
      ticket = recorder.invoke(node, op, now());
      if (crashed.contains(node)) {
        recorder.complete(ticket, Outcome.FAIL, null, now());
        return;
      }
    }
    timeouts.schedule(() -> complete(ticket, Outcome.INFO, null), config.clientTimeoutMillis(), TimeUnit.MILLISECONDS);
    workers.execute(() -> {
      ZNodeRegisters.Result result = ZNodeRegisters.perform(clients.get(node), op, config.clientTimeoutMillis());
      complete(ticket, result.outcome(), result.value());
    });
  }

  private synchronized void complete(int ticket, Outcome outcome, Integer value) {
    if (recorder.isPending(ticket)) {
      recorder.complete(ticket, outcome, value, now());
      notifyAll();
    }
  }

  /** Real time passes: a real ensemble elects, times out and recovers on its own clock. */
  @Override
  public synchronized void runFor(long millis) {
    long until = now() + millis;
    try {
      for (long left = until - now(); left > 0; left = until - now()) {
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Map<String, Integer> localValues(int node) {
    if (crashed.contains(node)) {
      throw new IllegalStateException("node " + node + " is down");
    }
    Map<String, Integer> values = new TreeMap<>();
    for (String key : keys) {
      try {
        values.put(key, ZNodeRegisters.read(clients.get(node), key));
      } catch (Exception e) {
        throw new IllegalStateException("node " + node + " could not read " + key + ": " + e, e);
      }
    }
    return values;
  }

  // NetworkControl ---------------------------------------------------------------------------

  /** Checks that faults can be injected here: not into a running ensemble named by {@code connect=}. */
  private void server(int node) {
    if (servers == null) {
      throw new UnsupportedOperationException("faults need an ensemble the engine started; a running one (connect=) is not cut");
    }
  }

  /** Stops the servers of the smaller side: a stopped server is what a cut-off minority looks like to its clients. */
  @Override
  public synchronized void partition(Set<Integer> side) {
    Set<Integer> smaller = new TreeSet<>(side);
    if (side.size() * 2 > config.nodes()) {
      smaller.clear();
      for (int n = 0; n < config.nodes(); n++) {
        if (!side.contains(n)) {
          smaller.add(n);
        }
      }
    }
    for (int node : smaller) {
      if (!crashed.contains(node) && cutOff.add(node)) {
        kill(node);
      }
    }
  }

  @Override
  public synchronized void heal() {
    for (int node : cutOff) {
      if (!crashed.contains(node)) {
        revive(node);
      }
    }
    cutOff.clear();
  }

  /** TCP retransmits a lost segment: one dropped message is not something ZooKeeper sees. */
  @Override public void dropNext(int from, int to) { server(from); }
  /** Not injected: delaying one ZooKeeper message needs a proxy on the link. */
  @Override public void delayNext(int from, int to, long millis) { server(from); }
  /** TCP delivers a segment once. */
  @Override public void duplicateNext(int from, int to) { server(from); }
  /** Not injected: ZooKeeper's safety does not read wall clocks (sessions time out on each server's own ticks). */
  @Override public void skewClock(int node, long millis) { server(node); }

  /** The server stops; its disk is kept even when {@code loseDisk} (ZooKeeper, too, is only safe with its disk). */
  @Override
  public synchronized void crash(int node, boolean loseDisk) {
    if (crashed.add(node) && !cutOff.contains(node)) {
      kill(node);
    }
  }

  @Override
  public synchronized void restart(int node) {
    if (crashed.remove(node) && !cutOff.contains(node)) {
      revive(node);
    }
  }

  @Override
  public synchronized boolean isUp(int node) {
    return !crashed.contains(node);
  }

  private void kill(int node) {
    server(node);
    try {
      servers.kill(node);
    } catch (Exception e) {
      throw new IllegalStateException("could not stop ZooKeeper server " + node + ": " + e, e);
    }
  }

  private void revive(int node) {
    server(node);
    try {
      servers.revive(node);
    } catch (Exception e) {
      throw new IllegalStateException("could not restart ZooKeeper server " + node + ": " + e, e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    timeouts.shutdownNow();
    clients.forEach(CuratorFramework::close);
    if (servers != null) {
      try {
        servers.close();
      } catch (IOException e) {
        throw new IllegalStateException("could not stop the ZooKeeper ensemble: " + e, e);
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
