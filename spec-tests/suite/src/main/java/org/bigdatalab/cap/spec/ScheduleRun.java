package org.bigdatalab.cap.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.NetworkControl;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.property.ActionSequence;
import org.bigdatalab.suite.faults.Fault;
import org.bigdatalab.suite.faults.Step;

/**
 * Plays a generated schedule on a fresh cluster, in the cluster's time: a warm-up for a leader to
 * be elected, then each step (a client operation is followed by {@value #CLIENT_GAP} ms, so
 * operations overlap; a fault by {@value #FAULT_PAUSE} ms, so a partition lives long enough for
 * an election), then the end: every partition healed, every crashed node restarted,
 * {@value #SETTLE} ms for the replicas to catch up, and a last read of every key at every node.
 */
public final class ScheduleRun {
  static final long WARM_UP = 500;
  static final long CLIENT_GAP = 15;
  static final long FAULT_PAUSE = 200;
  static final long SETTLE = 2000;
  static final long FINAL_READS = 1000;
  /** A delay fault's ticks are this many ms of the cluster's time. */
  static final long TICK = 10;

  /**
   * What a run left behind.
   *
   * @param history     every operation, the final reads included (they come last)
   * @param replicas    what each node held after the settle, before the final reads
   * @param finalValues per key, the value the last answered final read returned
   * @param upAtInvoke  "node@time" of every operation sent to a node that was up
   */
  public record Result(History history, List<Map<String, Integer>> replicas, Map<String, Integer> finalValues,
                       Set<String> upAtInvoke, long scheduleEnd) {

    public boolean wasUp(Operation o) {
      return upAtInvoke.contains(o.node() + "@" + o.invokedAt());
    }

    /** The operations of the schedule itself, without the final reads. */
    public List<Operation> scheduled() {
      return history.operations().stream().filter(o -> o.invokedAt() <= scheduleEnd).toList();
    }
  }

  private ScheduleRun() {}

  public static Result run(CapEngine engine, long seed, ActionSequence<Step<CapOp>> schedule) {
    try (Cluster cluster = engine.start(ClusterConfig.of(CapGenerators.NODES, seed))) {
      cluster.runFor(WARM_UP);
      Map<String, List<Integer>> written = new LinkedHashMap<>();
      Set<String> upAtInvoke = new HashSet<>();
      int nextValue = 1;
      for (Step<CapOp> step : schedule.steps()) {
        if (step instanceof Step.Client<CapOp> c) {
          CapOp op = c.op();
          List<Integer> values = written.computeIfAbsent(op.key(), k -> new ArrayList<>());
          RegisterOp concrete;
          if (op instanceof CapOp.Cas cas) {
            int expected = cas.back() < values.size() ? values.get(values.size() - 1 - cas.back()) : 0;
            concrete = new RegisterOp.Cas(cas.key(), expected, nextValue++);
          } else if (op instanceof CapOp.Write) {
            concrete = new RegisterOp.Write(op.key(), nextValue++);
          } else {
            concrete = new RegisterOp.Read(op.key());
          }
          if (concrete instanceof RegisterOp.Write w) {
            values.add(w.value());
          } else if (concrete instanceof RegisterOp.Cas cas) {
            values.add(cas.value());
          }
          if (cluster.network().isUp(c.node())) {
            upAtInvoke.add(c.node() + "@" + cluster.now());
          }
          cluster.invoke(c.node(), concrete);
          cluster.runFor(CLIENT_GAP);
        } else {
          inject(cluster.network(), ((Step.Inject<CapOp>) step).fault());
          cluster.runFor(FAULT_PAUSE);
        }
      }
      long scheduleEnd = cluster.now();
      cluster.network().heal();
      for (int n = 0; n < cluster.nodes(); n++) {
        cluster.network().restart(n);
      }
      cluster.runFor(SETTLE);
      List<Map<String, Integer>> replicas = new ArrayList<>();
      for (int n = 0; n < cluster.nodes(); n++) {
        replicas.add(cluster.localValues(n));
      }
      Set<String> keys = new java.util.TreeSet<>(written.keySet());
      for (String key : keys) {
        for (int n = 0; n < cluster.nodes(); n++) {
          cluster.invoke(n, new RegisterOp.Read(key));
        }
      }
      cluster.runFor(FINAL_READS);
      History history = cluster.history();
      Map<String, Integer> finals = new TreeMap<>();
      history.operations().stream().filter(o -> o.invokedAt() > scheduleEnd && o.ok())
          .sorted(java.util.Comparator.comparingLong(Operation::completedAt))
          .forEach(o -> finals.put(o.op().key(), o.value()));
      return new Result(history, replicas, finals, upAtInvoke, scheduleEnd);
    }
  }

  static void inject(NetworkControl net, Fault fault) {
    if (fault instanceof Fault.Partition p) {
      net.partition(p.side());
    } else if (fault instanceof Fault.Heal) {
      net.heal();
    } else if (fault instanceof Fault.Drop d) {
      net.dropNext(d.from(), d.to());
    } else if (fault instanceof Fault.Delay d) {
      net.delayNext(d.from(), d.to(), d.ticks() * TICK);
    } else if (fault instanceof Fault.Duplicate d) {
      net.duplicateNext(d.from(), d.to());
    } else if (fault instanceof Fault.Crash c) {
      net.crash(c.node(), c.loseDisk());
    } else if (fault instanceof Fault.Restart r) {
      net.restart(r.node());
    } else if (fault instanceof Fault.SkewClock s) {
      net.skewClock(s.node(), s.millis());
    } else {
      throw new IllegalArgumentException("no mapping for fault " + fault);
    }
  }
}
