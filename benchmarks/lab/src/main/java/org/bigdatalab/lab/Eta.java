package org.bigdatalab.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The time a run has left, planned as stages that run one after another, each a list of units (an
 * engine's suite, a forked module, the guide) run on a number of slots at once, each unit with an
 * estimate in seconds: from the last run's time ({@link RunTimes}) where there is one, else a guess.
 * A unit still running has its estimate less the time it has run; units not started are placed
 * longest first on the free slots, as they will run. Where the units so far took longer (or shorter)
 * than estimated, the rest are scaled by the same factor: a loaded machine is slow throughout.
 */
final class Eta {
  /** One piece of work, by the key its time is kept under. */
  record Unit(String key, double estimate) {}

  private record Stage(int slots, List<Unit> units) {}

  private final List<Stage> stages = new ArrayList<>();
  private final Map<String, Long> started = new HashMap<>();
  private final Map<String, Double> finished = new LinkedHashMap<>();
  private final Map<String, Double> estimates = new HashMap<>();
  private final LongSupplier nanos;

  Eta() {
    this(System::nanoTime);
  }

  /** With a clock of its own, so a test can move time. */
  Eta(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /** Adds a stage that runs after those added before it. */
  synchronized Eta stage(int slots, List<Unit> units) {
    stages.add(new Stage(Math.max(1, slots), List.copyOf(units)));
    units.forEach(u -> estimates.put(u.key(), u.estimate()));
    return this;
  }

  synchronized void start(String key) {
    started.put(key, nanos.getAsLong());
  }

  /** Marks the unit done and returns the seconds it took. */
  synchronized double finish(String key) {
    Long since = started.get(key);
    double seconds = since == null ? 0 : (nanos.getAsLong() - since) / 1e9;
    finished.put(key, seconds);
    return seconds;
  }

  /** The estimated seconds left, every stage not finished. */
  synchronized double secondsLeft() {
    long now = nanos.getAsLong();
    double pace = pace(now);
    double left = 0;
    for (Stage stage : stages) {
      List<Double> running = new ArrayList<>();
      List<Double> pending = new ArrayList<>();
      for (Unit unit : stage.units()) {
        if (finished.containsKey(unit.key())) {
          continue;
        }
        Long since = started.get(unit.key());
        if (since == null) {
          pending.add(unit.estimate() * pace);
        } else {
          running.add(Math.max(0, unit.estimate() * pace - (now - since) / 1e9));
        }
      }
      left += makespan(running, pending, stage.slots());
    }
    return left;
  }

  /**
   * How much longer than estimated the units took, within 0.5 to 4 times: a guess, not a measurement. The units
   * done count, and so do those running past their estimate (they took at least what they have run so far), else
   * a first run on a loaded machine, every unit over its guess, would show the same time left for minutes.
   */
  private double pace(long now) {
    double estimated = 0;
    double took = 0;
    for (Map.Entry<String, Double> done : finished.entrySet()) {
      estimated += estimates.getOrDefault(done.getKey(), 0.0);
      took += done.getValue();
    }
    for (Map.Entry<String, Long> running : started.entrySet()) {
      double estimate = estimates.getOrDefault(running.getKey(), 0.0);
      double elapsed = (now - running.getValue()) / 1e9;
      if (!finished.containsKey(running.getKey()) && elapsed > estimate) {
        estimated += estimate;
        took += elapsed;
      }
    }
    return estimated < 1 ? 1 : Math.max(0.5, Math.min(4, took / estimated));
  }

  /** {@code " ~1m20s left"}, for a progress line. */
  String left() {
    return " ~" + Progress.duration(secondsLeft()) + " left";
  }

  /**
   * When the last of the units ends, if {@code running} units (their seconds left) occupy slots and each
   * {@code pending} unit starts, longest first, on the first slot to come free.
   */
  static double makespan(List<Double> running, List<Double> pending, int slots) {
    PriorityQueue<Double> free = new PriorityQueue<>();   // when each slot comes free
    running.forEach(free::add);
    while (free.size() < slots) {
      free.add(0.0);
    }
    double end = free.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    for (double unit : pending.stream().sorted(Comparator.reverseOrder()).toList()) {
      double done = free.poll() + unit;
      free.add(done);
      end = Math.max(end, done);
    }
    return end;
  }

  /**
   * The items longest first, so that on a few slots the longest does not start last and run alone at the end
   * (the classic longest-processing-time order); equal estimates keep their order.
   */
  static <T> List<T> longestFirst(List<T> items, ToDoubleFunction<T> estimate) {
    return items.stream().sorted(Comparator.comparingDouble(estimate).reversed()).toList();
  }
}
