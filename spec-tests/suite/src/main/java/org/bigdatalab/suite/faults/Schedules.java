package org.bigdatalab.suite.faults;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bigdatalab.property.ActionSequenceArbitrary;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.property.Tuple;

/**
 * Generated schedules of client operations mixed with faults over a cluster of {@code nodes} nodes.
 * Each fault is drawn from what the cluster's state allows (only a crashed node restarts, a heal
 * follows a partition), so every schedule is one a real cluster could live through; a failing
 * schedule shrinks to the shortest one that still fails, and prints one step a line.
 *
 * <pre>{@code
 * @Property void linearizable(@ForAll("schedules") ActionSequence<Step<Op>> schedule) { ... }
 * @Provide Arbitrary<ActionSequence<Step<Op>>> schedules() { return Schedules.of(3, ops).ofMaxSize(40); }
 * }</pre>
 */
public final class Schedules {
  private Schedules() {}

  /** What the schedule has done to the cluster so far. */
  public record ClusterState(int nodes, BitSet down, boolean partitioned) {
    ClusterState after(Fault fault) {
      BitSet d = (BitSet) down.clone();
      boolean p = partitioned;
      if (fault instanceof Fault.Crash c) {
        d.set(c.node());
      } else if (fault instanceof Fault.Restart r) {
        d.clear(r.node());
      } else if (fault instanceof Fault.Partition) {
        p = true;
      } else if (fault instanceof Fault.Heal) {
        p = false;
      }
      return new ClusterState(nodes, d, p);
    }
  }

  /** Schedules where client operations come three times as often as faults. */
  public static <O> ActionSequenceArbitrary<ClusterState, Step<O>> of(int nodes, Arbitrary<? extends O> operations) {
    if (nodes < 1) {
      throw new IllegalArgumentException("a cluster needs a node, not " + nodes);
    }
    return Arbitraries.sequences(new ActionSequenceArbitrary.Model<ClusterState, Step<O>>() {
      @Override
      public ClusterState initial() {
        return new ClusterState(nodes, new BitSet(), false);
      }

      @Override
      public Arbitrary<? extends Step<O>> actions(ClusterState state) {
        Arbitrary<Step<O>> client = Combinators.combine(Arbitraries.integers().between(0, nodes - 1), operations)
            .as((node, op) -> new Step.Client<>(node, op));
        Arbitrary<Step<O>> fault = faults(state).map(Step.Inject::new);
        return Arbitraries.frequencyOf(Tuple.of(3, client), Tuple.of(1, fault));
      }

      @Override
      public ClusterState next(ClusterState state, Step<O> step) {
        return step instanceof Step.Inject<O> inject ? state.after(inject.fault()) : state;
      }
    });
  }

  /**
   * The faults the state allows. Each kind keeps its slot whatever the state (a kind not allowed
   * now gives way to the next one that is), so deleting an earlier step while shrinking does not
   * turn a later heal into a restart.
   */
  static Arbitrary<Fault> faults(ClusterState state) {
    int n = state.nodes();
    Arbitrary<Integer> node = Arbitraries.integers().between(0, n - 1);
    List<Integer> up = new ArrayList<>();
    List<Integer> down = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (state.down().get(i) ? down : up).add(i);
    }
    Arbitrary<int[]> link = Combinators.combine(node, Arbitraries.integers().between(1, Math.max(1, n - 1)))
        .as((from, hop) -> new int[] {from, (from + hop) % n});
    List<Arbitrary<? extends Fault>> slots = new ArrayList<>();
    slots.add(up.isEmpty() ? null : Combinators.combine(Arbitraries.of(up), Arbitraries.booleans()).as(Fault.Crash::new));
    slots.add(down.isEmpty() ? null : Arbitraries.of(down).map(Fault.Restart::new));
    slots.add(n < 2 || state.partitioned() ? null : sides(n).map(Fault.Partition::new));
    slots.add(state.partitioned() ? Arbitraries.just(new Fault.Heal()) : null);
    slots.add(n < 2 ? null : link.map(l -> new Fault.Drop(l[0], l[1])));
    slots.add(n < 2 ? null : Combinators.combine(link, Arbitraries.integers().between(1, 20))
        .as((l, ticks) -> new Fault.Delay(l[0], l[1], ticks)));
    slots.add(n < 2 ? null : link.map(l -> new Fault.Duplicate(l[0], l[1])));
    slots.add(Combinators.combine(node, Arbitraries.longs().between(-60_000, 60_000)).as(Fault.SkewClock::new));
    return s -> {
      int slot = (int) s.choice(slots.size() - 1);
      while (slots.get(slot) == null) {
        slot = (slot + 1) % slots.size();
      }
      return slots.get(slot).generate(s);
    };
  }

  /** A non-empty proper subset of the nodes: one side of a split. */
  private static Arbitrary<Set<Integer>> sides(int n) {
    return Arbitraries.integers().between(0, n - 1).set().ofMinSize(1).ofMaxSize(n - 1).map(HashSet::new);
  }
}
