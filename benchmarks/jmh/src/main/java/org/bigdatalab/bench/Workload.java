package org.bigdatalab.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bigdatalab.spi.Topic;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One workload of {@code lab bench --workload NAME}: what it measures (its sizes, its rows, the
 * baseline of its ratios) and what it should reach (its targets). Adding a workload is one class
 * implementing this, listed in {@link Workloads}; the runner, the forked engine JVMs, the console
 * table and the CLI find it there by name.
 */
public interface Workload {
  /** What {@code --workload} takes, and every row's {@code workload}. */
  String name();

  /** The topic whose engines the workload measures (all of them unless {@code --engines} names some). */
  Topic topic();

  /** The engines measured when none are named; empty: every engine of the topic. */
  default List<String> defaultEngines() {
    return List.of();
  }

  /** The size labels a {@code --size} value stands for ({@code small}, {@code full}, or a size of its own kind). */
  List<String> sizes(String size);

  /** {@code small} and {@code full} as the workload defines them; any other size as {@code exact} writes it. */
  static List<String> sizes(String size, String small, List<String> full, UnaryOperator<String> exact) {
    String s = size.trim().toLowerCase(Locale.ROOT);
    return s.equals("small") ? List.of(small) : s.equals("full") ? full : List.of(exact.apply(size));
  }

  /** Measures one size label: the baseline here, then {@code engines} wherever they live. {@code fixed}: a plan for tests, else null. */
  BenchReport runSize(EngineChoice engines, String label, Consumer<String> progress, BenchRunner.Plan fixed);

  /** Every size {@code --size} stands for, one after the other. */
  default BenchReport run(EngineChoice engines, String size, Consumer<String> progress, BenchRunner.Plan fixed) {
    BenchReport all = BenchReport.EMPTY;
    for (String label : sizes(size)) {
      all = all.and(runSize(engines, label, progress, fixed));
    }
    return all;
  }

  /**
   * The part measured where an engine lives, so engines that cannot share the lab's class path
   * (Spark, Flink, Kafka Streams) are measured too, in a JVM of their own; empty when the workload
   * measures only engines on the lab's class path.
   */
  default Optional<EngineBench> engineHalf() {
    return Optional.empty();
  }

  /** A JMH result's row: its {@code engine} column (a hand-written baseline, or an engine and its variant). */
  default String rowEngine(BenchmarkParams params) {
    return params.getParam("engine");
  }

  /** How progress lines name a benchmark at {@code size}. */
  default String progressLabel(String size, BenchmarkParams params) {
    return name() + " " + size + " " + rowEngine(params) + (BenchRunner.method(params).equals("startUp") ? " start-up" : "");
  }

  /** Heap for a JMH fork, given the input's amount (bytes, records or events, as the workload counts). */
  default long heapMegabytes(long amount) {
    return 4096;
  }

  /** Whether a fork's heap starts at its maximum (-Xms = -Xmx), for runs that keep much alive while the heap would grow. */
  default boolean fixedHeap() {
    return false;
  }

  /**
   * JVM flags every fork of the workload gets after its heap (garbage collector settings its measurements
   * need): the benchmark's environment, the same for the hand-written baseline and every engine row.
   */
  default List<String> forkGcFlags() {
    return List.of();
  }

  /** The targets checked on {@code rows} (reported, never asserted), one line each. */
  default List<String> targets(List<BenchResult> rows) {
    return List.of();
  }
}
