package org.bigdatalab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.EngineRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * What an engine costs before it computes anything: from creating it, in a JVM that has not loaded
 * it yet, to the first result of a trivial job (a count of one record). Finding its provider in the
 * registry comes before the clock: that cost is the class path's, not the engine's.
 *
 * Throughput benchmarks start their engine in @Setup, outside JMH's clock, and reuse it for every
 * iteration, which is how a long-lived engine is used (Spark keeps its context for a session). So
 * the start-up is left out of their figures, and measured here instead, once: one cold start per
 * engine, one fork each, SingleShotTime with no warm-up (a warm-up would load the classes that the
 * start-up is mostly made of). lab bench puts it on the engine's rows as startup_ms.
 *
 * The wrong way would be to time the first job of a throughput run: it mixes the start-up with the
 * JIT's warm-up on the job, and a long job hides a slow start.
 *
 * Measured (lab bench --workload skew --size small, 2 vCPUs shared with other helpers' builds,
 * load average ~20, JDK 17; one cold start each):
 *   df-sequential    55 ms       df-parallel    123 ms      spark (local[*], forked JVM)    17 300 ms
 * Spark's context (class loading of ~180 jars' worth, scheduler, block manager, listener bus, a
 * local RPC environment) is what a user waits for before the first job; on an idle machine of
 * this kind ENGINES.md measured 7-8 s from JVM start for a tiny job.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
@State(Scope.Benchmark)
public class B09_EngineStartUp {
  @Param("df-parallel")
  public String engine;

  private EngineProvider provider;
  private Engine started;

  @Setup(Level.Iteration)
  public void find() {
    provider = EngineRegistry.load().provider(engine);
  }

  @Benchmark
  public Object startUp() throws Exception {
    started = provider.create(EngineOptions.NONE);
    return firstResult(started);
  }

  @TearDown(Level.Iteration)
  public void stop() throws Exception {
    if (started != null) {
      started.close();
      started = null;
    }
  }

  /**
   * A trivial job on the engine's topic. A topic whose engines are measured here needs a case:
   * the smallest job that makes the engine do real work once (schedule, run a task, return).
   */
  static Object firstResult(Engine engine) throws Exception {
    if (engine instanceof DataflowEngine df) {
      return df.execute(Action.count(Dataset.of(List.of(1), 1))).value();
    }
    throw new UnsupportedOperationException("no trivial job for " + engine.info().topic().title() + " engines yet ("
        + engine.info().id() + "): add one to B09_EngineStartUp.firstResult");
  }
}

/*
 * How to run (from the repository root):
 *   ./lab bench --workload skew --size small      (start-up rows come with the skew rows)
 * or this file alone, for the engines on the CLI's class path:
 *   java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
 *       -cp "benchmarks/jmh/target/classes:$(cat benchmarks/lab/target/lab.classpath)" org.openjdk.jmh.Main \
 *       B09_EngineStartUp -p engine=df-sequential,df-parallel -f 3
 */
