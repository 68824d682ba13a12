package org.bigdatalab.cap.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.HistoryRecorder;
import org.bigdatalab.cap.NetworkControl;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.RegisterOp;

/**
 * A deterministic simulated cluster, FoundationDB-style: one thread, one queue of timed events
 * (message deliveries, timers, client timeouts), one random source seeded from the config. The same
 * seed and the same calls replay the same message order and the same outcome.
 *
 * <p>Network: a message takes the link latency plus a random jitter of up to the same again (so
 * messages overtake each other); it is lost if a partition separates its ends when it is sent or
 * when it would arrive, or if either end is down. One-shot link faults drop, delay or duplicate the
 * next message on a link. A client sits next to its node: reaching it costs no time; a node that is
 * down refuses at once ({@code FAIL}); a node that crashes with operations in flight leaves their
 * clients not knowing ({@code INFO}); a client gives up after the config's timeout ({@code INFO}).
 */
final class SimCluster<D> implements Cluster, NetworkControl {

  /** How an engine makes its nodes. */
  interface Nodes<D> {
    D newDisk();

    /** Starts node {@code ctx.self()}: a replica below {@code ctx.nodes()}, a service at or above it. */
    SimNode<D> start(NodeContext ctx, D disk);

    /**
     * Nodes besides the replicas (a configuration service), numbered from the replica count on.
     * Clients never talk to them and faults never name them; a partition leaves them with "the rest".
     */
    default int services() {
      return 0;
    }
  }

  private sealed interface Event permits Deliver, Timer, Timeout {}
  private record Deliver(int from, int to, Object message) implements Event {}
  private record Timer(int node, int life, Object tag) implements Event {}
  private record Timeout(int ticket) implements Event {}
  private record Timed(long at, long seq, Event event) {}

  private enum LinkFault { DROP, DUPLICATE }

  private final ClusterConfig config;
  private final Nodes<D> factory;
  private final SplittableRandom random;
  private final PriorityQueue<Timed> queue = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final List<D> disks = new ArrayList<>();
  private final List<SimNode<D>> nodes = new ArrayList<>();
  /** Incremented at every crash, so timers of an earlier life of the node never fire. */
  private final int[] lives;
  private final long[] skew;
  private final Map<Long, ArrayDeque<Object>> linkFaults = new HashMap<>();
  private final Map<Integer, Integer> ticketNode = new HashMap<>();
  private final HistoryRecorder recorder = new HistoryRecorder();
  private Set<Integer> side = Set.of();
  private long now;
  private long seq;

  /** A cluster of {@code config.nodes()} replicas and {@code services} service nodes, made by {@code start} on disks from {@code disks}. */
  static <D> SimCluster<D> of(ClusterConfig config, int services, java.util.function.Supplier<D> disks,
      java.util.function.BiFunction<NodeContext, D, SimNode<D>> start) {
    return new SimCluster<>(config, new Nodes<D>() {
      @Override public D newDisk() { return disks.get(); }
      @Override public SimNode<D> start(NodeContext ctx, D disk) { return start.apply(ctx, disk); }
      @Override public int services() { return services; }
    });
  }

  SimCluster(ClusterConfig config, Nodes<D> factory) {
    this.config = config;
    this.factory = factory;
    this.random = new SplittableRandom(config.seed());
    int all = config.nodes() + factory.services();
    this.lives = new int[all];
    this.skew = new long[all];
    for (int i = 0; i < all; i++) {
      disks.add(factory.newDisk());
      nodes.add(null);
    }
    for (int i = 0; i < all; i++) {
      boot(i);
    }
  }

  private void boot(int node) {
    SimNode<D> n = factory.start(new Context(node, lives[node]), disks.get(node));
    nodes.set(node, n);
    n.start();
  }

  @Override public int nodes() { return config.nodes(); }
  @Override public long now() { return now; }
  @Override public NetworkControl network() { return this; }
  @Override public History history() { return recorder.history(); }

  @Override
  public void invoke(int node, RegisterOp op) {
    int ticket = recorder.invoke(node, op, now);
    if (nodes.get(node) == null) {
      recorder.complete(ticket, Outcome.FAIL, null, now);
      return;
    }
    ticketNode.put(ticket, node);
    schedule(config.clientTimeoutMillis(), new Timeout(ticket));
    nodes.get(node).onClient(ticket, op);
  }

  @Override
  public void runFor(long millis) {
    long until = now + millis;
    while (!queue.isEmpty() && queue.peek().at() <= until) {
      Timed next = queue.poll();
      now = next.at();
      handle(next.event());
    }
    now = until;
  }

  private void handle(Event event) {
    if (event instanceof Deliver d) {
      SimNode<D> to = nodes.get(d.to());
      if (to != null && !separated(d.from(), d.to())) {
        to.onMessage(d.from(), d.message());
      }
    } else if (event instanceof Timer t) {
      SimNode<D> node = nodes.get(t.node());
      if (node != null && lives[t.node()] == t.life()) {
        node.onTimer(t.tag());
      }
    } else if (event instanceof Timeout t && recorder.isPending(t.ticket())) {
      ticketNode.remove(t.ticket());
      recorder.complete(t.ticket(), Outcome.INFO, null, now);
    }
  }

  private void schedule(long delay, Event event) {
    queue.add(new Timed(now + delay, seq++, event));
  }

  private boolean separated(int a, int b) {
    return side.contains(a) != side.contains(b);
  }

  private void send(int from, int to, Object message) {
    if (from == to) {
      schedule(0, new Deliver(from, to, message));
      return;
    }
    if (separated(from, to) || nodes.get(to) == null) {
      return;
    }
    long latency = config.linkLatencyMillis();
    long delay = latency + random.nextLong(latency + 1);
    Object fault = nextFault(from, to);
    if (fault == LinkFault.DROP) {
      return;
    }
    if (fault instanceof Long extra) {
      delay += extra;
    }
    schedule(delay, new Deliver(from, to, message));
    if (fault == LinkFault.DUPLICATE) {
      schedule(delay + random.nextLong(latency + 1), new Deliver(from, to, message));
    }
  }

  private Object nextFault(int from, int to) {
    ArrayDeque<Object> faults = linkFaults.get(link(from, to));
    return faults == null ? null : faults.poll();
  }

  private static long link(int from, int to) {
    return ((long) from << 32) | to;
  }

  private void addFault(int from, int to, Object fault) {
    linkFaults.computeIfAbsent(link(from, to), l -> new ArrayDeque<>()).add(fault);
  }

  // NetworkControl ---------------------------------------------------------------------------

  @Override public void partition(Set<Integer> nodesOnOneSide) { side = Set.copyOf(nodesOnOneSide); }
  @Override public void heal() { side = Set.of(); }
  @Override public void dropNext(int from, int to) { addFault(from, to, LinkFault.DROP); }
  @Override public void delayNext(int from, int to, long millis) { addFault(from, to, millis); }
  @Override public void duplicateNext(int from, int to) { addFault(from, to, LinkFault.DUPLICATE); }
  @Override public void skewClock(int node, long millis) { skew[node] += millis; }
  @Override public boolean isUp(int node) { return nodes.get(node) != null; }

  /** Our stores sync every disk write before acting on it, so {@code loseDisk} loses nothing they wrote (see {@link SimNode}). */
  @Override
  public void crash(int node, boolean loseDisk) {
    if (nodes.get(node) == null) {
      return;
    }
    nodes.set(node, null);
    lives[node]++;
    for (Map.Entry<Integer, Integer> t : new HashSet<>(ticketNode.entrySet())) {
      if (t.getValue() == node && recorder.isPending(t.getKey())) {
        ticketNode.remove(t.getKey());
        recorder.complete(t.getKey(), Outcome.INFO, null, now);
      }
    }
  }

  @Override
  public void restart(int node) {
    if (nodes.get(node) == null) {
      boot(node);
    }
  }

  @Override
  public Map<String, Integer> localValues(int node) {
    SimNode<D> n = nodes.get(node);
    if (n == null) {
      throw new IllegalStateException("node " + node + " is down");
    }
    return n.localValues();
  }

  /** A node's view of the simulation, bound to one life of the node. */
  private final class Context implements NodeContext {
    private final int self;
    private final int life;

    Context(int self, int life) {
      this.self = self;
      this.life = life;
    }

    private boolean alive() {
      return lives[self] == life && nodes.get(self) != null;
    }

    @Override public int self() { return self; }
    @Override public int nodes() { return config.nodes(); }
    @Override public long wallClock() { return now + skew[self]; }
    @Override public SplittableRandom random() { return random; }

    @Override
    public void send(int to, Object message) {
      if (alive()) {
        SimCluster.this.send(self, to, message);
      }
    }

    @Override
    public void timer(long millis, Object tag) {
      schedule(millis, new Timer(self, life, tag));
    }

    @Override
    public void reply(int ticket, Outcome outcome, Integer value) {
      if (alive() && recorder.isPending(ticket) && ticketNode.get(ticket) == self) {
        ticketNode.remove(ticket);
        recorder.complete(ticket, outcome, value, now);
      }
    }
  }
}
