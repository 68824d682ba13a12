package org.bigdatalab.streaming.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.workloads.NexmarkEvent;
import org.bigdatalab.workloads.NexmarkGenerator;

/**
 * A generated Nexmark stream as the spec feeds it: the generator's events, reordered within an
 * out-of-orderness bound (each arrives at its time plus a seeded jitter in [0, bound], so none is
 * behind the watermark), then split into topics by kind.
 */
public record NexmarkTopics(long seed, int count, double eventsPerSecond, long outOfOrderness) {

  /** The events in arrival order. */
  public List<NexmarkEvent> arrival() {
    NexmarkGenerator gen = new NexmarkGenerator(seed, count, eventsPerSecond);
    Random jitter = new Random(seed);
    List<NexmarkEvent> events = gen.events().toList();
    long[] arrives = new long[count];
    for (int i = 0; i < count; i++) {
      arrives[i] = events.get(i).time() + (outOfOrderness == 0 ? 0 : Math.floorMod(jitter.nextLong(), outOfOrderness + 1));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> arrives[i]));
    return order.stream().map(events::get).toList();
  }

  /** All events, in arrival order. */
  public ScriptedSource all() { return topic(e -> true); }

  /** The bids only. */
  public ScriptedSource bids() { return topic(e -> e instanceof NexmarkEvent.Bid); }

  /** The persons and the auctions, merged in arrival order. */
  public ScriptedSource personsAndAuctions() { return topic(e -> !(e instanceof NexmarkEvent.Bid)); }

  private ScriptedSource topic(Predicate<NexmarkEvent> kind) {
    return ScriptedSource.ofLines(arrival().stream().filter(kind).map(NexmarkEvent::line).toList());
  }

  @Override
  public String toString() {
    return count + " events of seed " + seed + " at " + eventsPerSecond + "/s, bound " + outOfOrderness + " ms";
  }
}
