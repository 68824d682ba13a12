package org.bigdatalab.mapreduce;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** The job's counters. {@link Counters.Accumulator} is the thread-safe mutable side, for engines. */
public record Counters(Map<TaskCounter, Long> values) {

  public Counters {
    EnumMap<TaskCounter, Long> copy = new EnumMap<>(TaskCounter.class);
    for (TaskCounter c : TaskCounter.values()) {
      copy.put(c, values.getOrDefault(c, 0L));
    }
    values = java.util.Collections.unmodifiableMap(copy);
  }

  public long get(TaskCounter counter) { return values.get(counter); }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    values.forEach((k, v) -> b.append(String.format("%-24s %,14d%n", k, v)));
    return b.toString();
  }

  /** Counts from many tasks at once; {@link #snapshot()} freezes them. */
  public static final class Accumulator {
    private final AtomicLongArray counts = new AtomicLongArray(TaskCounter.values().length);

    public void add(TaskCounter counter, long delta) { counts.addAndGet(counter.ordinal(), delta); }

    /** Adds another accumulator's counts, e.g. those of a task attempt that succeeded. */
    public void addAll(Accumulator other) {
      for (TaskCounter c : TaskCounter.values()) {
        add(c, other.counts.get(c.ordinal()));
      }
    }

    public Counters snapshot() {
      Map<TaskCounter, Long> map = new EnumMap<>(TaskCounter.class);
      for (TaskCounter c : TaskCounter.values()) {
        map.put(c, counts.get(c.ordinal()));
      }
      return new Counters(map);
    }
  }
}
