package org.bigdatalab.bench;

import java.util.List;
import java.util.function.Consumer;

/**
 * The engine half of a benchmark: measures the named engines (found by id in this JVM's
 * {@link org.bigdatalab.spi.EngineRegistry}) and returns one row per result with its value, metric,
 * threads and whatever else it measured, but no ratio: the baseline is measured by the lab JVM and
 * {@link BenchResult#against} fills the ratio in. Since an engine half needs nothing but its
 * arguments, the registry and the shared data directory ({@link BenchData#dir()}), the same code runs
 * in the lab JVM for the engines on its class path and, through {@link ForkedBench}, in a JVM with
 * a forked engine module's class path (Spark, Flink, Kafka Streams) for the others, where JMH's own
 * forks inherit that class path.
 *
 * <p>How a benchmark gets its forked engines measured, in three steps:
 *
 * <ol>
 *   <li>Write the engine half as a method of this shape, taking engines by id only (never
 *       by class: the lab JVM cannot load a forked engine's classes), and return it from the
 *       workload's {@link Workload#engineHalf}; from then on {@code BenchRunner.run} also picks the
 *       forked modules' engines of the workload's topic. Keep what it reads on the benchmark's
 *       fork class path: the benchmarks module's classes plus the artifacts listed for
 *       {@code bench-fork.classpath} in benchmarks/jmh/pom.xml (spi, suite, workloads and
 *       commons-rng, JMH, HdrHistogram; add one there if the half needs it); the engine module
 *       supplies the rest, and its own versions win. Its JMH runs go through
 *       {@code BenchRunner.jmh(…, append = true, …)}, so they join the run's log.
 *   <li>In the runner, measure the baseline in the lab JVM, then call
 *       {@link BenchRunner#measureEverywhere} with the {@link EngineChoice} of the run:
 *       it measures the local engines in-process and starts one JVM per forked module for the
 *       others, and returns all rows, to be compared with the baseline.
 *   <li>For a start-up figure, call {@link BenchRunner#measureStartUps} at the start of the engine
 *       half (it needs a trivial job for the engines' topic in {@link B09_EngineStartUp}) and put
 *       each engine's figure on its rows ({@code startupMs}). Throughput runs start their engine in
 *       {@code @Setup}, so their values never include it.
 * </ol>
 *
 * <p>Example: {@code skew} ({@link SkewWorkload#measureEngines}) measures {@code df-parallel}
 * in the lab JVM and {@code spark} in a JVM with its module's class path, and prints
 * both beside the same hand-written loop.
 */
@FunctionalInterface
public interface EngineBench {
  /** Rows for {@code engines} at {@code size}: values measured, {@code baseline} null and ratio 0 until compared. */
  List<BenchResult> measure(List<String> engines, String size, BenchRunner.Plan plan, Consumer<String> progress);

}
