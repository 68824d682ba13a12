package org.bigdatalab.cap.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;

/**
 * Wing and Gong's search for a linearization of one key's operations, with Lowe's memoisation (as
 * in Porcupine and Knossos's {@code wgl}): the history is a linked list of call and return events
 * in time order; the search linearizes the first call it can, lifting it and its return out of the
 * list, and backtracks when it reaches a return whose call is not linearized yet. Lowe's cache
 * remembers every (set of linearized operations, register state) already explored, so no
 * configuration is searched twice: that is what turns an exponential search into one that is
 * fast on real histories.
 *
 * <p>{@code INFO} operations never return: the search may place them anywhere after their
 * invocation, or not at all, and it succeeds once every {@code OK} operation is placed. Callers
 * leave out {@code FAIL} operations (they did not happen).
 */
final class WingGongSearch {

  enum Result { LINEARIZABLE, NOT_LINEARIZABLE, OUT_OF_TIME, OUT_OF_MEMORY }

  /** An event of the list: a call, or the return matching one. */
  private static final class Event {
    final int id;
    final boolean call;
    final long time;
    Event match;
    Event prev;
    Event next;

    Event(int id, boolean call, long time) {
      this.id = id;
      this.call = call;
      this.time = time;
    }

    /** Takes a call (and its return, if any) out of the list. */
    void lift() {
      prev.next = next;
      if (next != null) {
        next.prev = prev;
      }
      if (match != null) {
        match.prev.next = match.next;
        if (match.next != null) {
          match.next.prev = match.prev;
        }
      }
    }

    /** Puts a lifted call back, in the reverse order of {@link #lift}. */
    void unlift() {
      if (match != null) {
        match.prev.next = match;
        if (match.next != null) {
          match.next.prev = match;
        }
      }
      prev.next = this;
      if (next != null) {
        next.prev = this;
      }
    }
  }

  private record Configuration(BitSet linearized, Object state) {}

  private record Placed(Event call, Object stateBefore) {}

  private final List<Operation> ops;
  private final RegisterModel model;
  private long explored;
  private int mostPlaced;

  WingGongSearch(List<Operation> ops, RegisterModel model) {
    this.ops = ops;
    this.model = model;
  }

  /** Configurations explored by the last {@link #run}. */
  long explored() { return explored; }

  /** The most operations the last {@link #run} had placed at once. */
  int mostPlaced() { return mostPlaced; }

  Result run(long deadlineNanos, long maxConfigurations) {
    Event head = buildList();
    int unplacedOk = (int) ops.stream().filter(o -> o.outcome() == Outcome.OK).count();
    BitSet linearized = new BitSet(ops.size());
    Set<Configuration> cache = new HashSet<>();
    Deque<Placed> placed = new ArrayDeque<>();
    Object state = null;
    Event entry = head.next;
    explored = 0;
    mostPlaced = 0;
    while (unplacedOk > 0) {
      if ((++explored & 0xFFF) == 0 && System.nanoTime() > deadlineNanos) {
        return Result.OUT_OF_TIME;
      }
      if (entry != null && entry.call) {
        Object next = model.step(state, ops.get(entry.id));
        if (next != RegisterModel.ILLEGAL) {
          BitSet withIt = (BitSet) linearized.clone();
          withIt.set(entry.id);
          if (cache.add(new Configuration(withIt, next))) {
            if (cache.size() > maxConfigurations) {
              return Result.OUT_OF_MEMORY;
            }
            placed.push(new Placed(entry, state));
            state = next;
            linearized = withIt;
            unplacedOk -= entry.match != null ? 1 : 0;
            mostPlaced = Math.max(mostPlaced, placed.size());
            entry.lift();
            entry = head.next;
            continue;
          }
        }
        entry = entry.next;
        continue;
      }
      // A return whose call is not placed (or the end of the list): undo the latest placement.
      if (placed.isEmpty()) {
        return Result.NOT_LINEARIZABLE;
      }
      Placed last = placed.pop();
      state = last.stateBefore();
      linearized = (BitSet) linearized.clone();
      linearized.clear(last.call().id);
      unplacedOk += last.call().match != null ? 1 : 0;
      last.call().unlift();
      entry = last.call().next;
    }
    return Result.LINEARIZABLE;
  }

  /**
   * Calls and returns in time order behind a sentinel head. At equal times calls come first, so
   * an operation invoked at the instant another completed counts as concurrent with it: the
   * checker never blames a store for a tie the clock could not break.
   */
  private Event buildList() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Operation o = ops.get(i);
      Event call = new Event(i, true, o.invokedAt());
      events.add(call);
      if (o.outcome() == Outcome.OK) {
        Event ret = new Event(i, false, o.completedAt());
        call.match = ret;
        ret.match = call;
        events.add(ret);
      }
    }
    events.sort(Comparator.comparingLong((Event e) -> e.time).thenComparing(e -> !e.call).thenComparingInt(e -> e.id));
    Event head = new Event(-1, false, Long.MIN_VALUE);
    Event prev = head;
    for (Event e : events) {
      prev.next = e;
      e.prev = prev;
      prev = e;
    }
    return head;
  }
}
