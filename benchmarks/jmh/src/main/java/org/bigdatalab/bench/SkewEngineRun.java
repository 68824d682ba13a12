package org.bigdatalab.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What the engine states of the skew benchmarks (B05's aggregations, B10's joins) share: the engine
 * with its {@code threads} option, the last job's metrics and the task times of the measured jobs,
 * and at the end of the trial the row's largest task share and task times, left for the parent
 * ({@link SkewData}) and logged. A share of records is not yet a share of the wall clock, nor of the
 * CPU; one job's times swing with GC pauses and the load, so the best over the measured jobs (see
 * {@link TaskTimes#best}), each job logged.
 */
@State(Scope.Benchmark)
public abstract class SkewEngineRun {
  @Param({"df-sequential", "df-parallel"})
  public String engine;

  /** The engine's {@code threads} option; 0 keeps its default (df-parallel: every core). */
  @Param("0")
  public int threads;

  DataflowEngine df;
  private ActionMetrics metrics;
  /** The task times of each job run in a measurement iteration (warm-up jobs left out). */
  private final List<TaskTimes> measuredJobs = new ArrayList<>();
  /** The JIT compiler's time since the job before, for each measured job (-1 where the JVM does not tell). */
  private final List<Long> measuredJit = new ArrayList<>();
  private long jitMsSoFar = jitMs();
  /** G1's concurrent marking threads' CPU time since the job before, for each measured job (-1 where unknown). */
  private final List<Long> measuredMarking = new ArrayList<>();
  private long markingMsSoFar = ConcurrentMarkTime.cpuMs();
  private boolean measuring;

  /** The benchmark's name in the log ("B05"). */
  abstract String bench();

  /** The row this state's parameters measure ({@code df-parallel/groupByKey+salted}). */
  abstract String row();

  /** Creates {@link #df}; a subclass builds its plan after calling this. */
  void startEngine() {
    EngineRegistry registry = EngineRegistry.load();
    if (registry.find(engine).isEmpty()) {
      throw new IllegalStateException("engine '" + engine + "' is not on the class path; registered: "
          + registry.engines().stream().map(i -> i.id()).toList());
    }
    df = registry.create(engine, DataflowEngine.class,
        threads > 0 ? new EngineOptions(Map.of("threads", Integer.toString(threads))) : EngineOptions.NONE);
  }

  /**
   * Moves what setup made (the held input, the plan) out of the young generation before the first job. With
   * {@link SkewWorkload#forkGcFlags}' young generation of half the heap, no collection runs during setup and
   * warm-up, so the first young collection, which has to copy the 0.8 GB input (10 M records), can land in a
   * measured iteration: quiet, one ran at 188 ms a job against 77 in the one before (session 10, run 1, reduceByKey
   * at z = 0; no GC log was taken, and with this collection run 2's iterations were level).
   * A full collection here, once per fork in setup (not measured), is what JMH's {@code -gc} does before each
   * iteration; the baseline's forks allocate nothing per job and need none.
   */
  static void settleHeap() {
    System.gc();
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
  }

  /** Keeps a job's metrics, and its task times when it ran in a measured iteration. */
  void ran(ActionMetrics jobMetrics) {
    metrics = jobMetrics;
    long jit = jitMs();
    long marking = ConcurrentMarkTime.cpuMs();
    if (measuring) {
      measuredJobs.add(TaskTimes.of(jobMetrics));
      measuredJit.add(jit < 0 ? -1 : jit - jitMsSoFar);
      measuredMarking.add(marking < 0 || markingMsSoFar < 0 ? -1 : marking - markingMsSoFar);
    }
    jitMsSoFar = jit;
    markingMsSoFar = marking;
  }

  /**
   * The JIT compilers' total time so far (ms), -1 where unknown. A compiler thread that still works during a
   * measured job takes a core from its tasks on a 2-core machine: their wall time then grows while their CPU
   * time does not (10M rows, 2026-12-07: 120-550 ms of compilation in each 1 s measured iteration after a
   * single warm-up second), so the log says it for each job.
   */
  private static long jitMs() {
    java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }

  @TearDown(Level.Trial)
  public void stop(B05_SkewedAggregation.Input input) throws IOException {
    if (metrics != null) {
      String row = row();
      double share = B05_SkewedAggregation.maxTaskShare(metrics);
      SkewData.writeShare(input.size, input.exponent, row, share);
      TaskTimes times = measuredJobs.isEmpty() ? TaskTimes.of(metrics) : TaskTimes.best(measuredJobs);
      times.write(SkewData.timesFile(input.size, input.exponent, row));
      System.out.printf("%s %s size %s z=%s: largest task share %.3f; best of %d jobs: longest task %s, longest after"
          + " a shuffle %s%n", bench(), row, input.size, input.exponent, share, Math.max(1, measuredJobs.size()),
          TaskTimes.wallAndCpu(times.wallMs(), times.cpuMs()), TaskTimes.wallAndCpu(times.shuffledWallMs(), times.shuffledCpuMs()));
      for (int j = 0; j < measuredJobs.size(); j++) {
        TaskTimes job = measuredJobs.get(j);
        System.out.printf("%s   job: longest task %s, after a shuffle %s; JIT compiling %d ms, G1 concurrent marking %d ms of"
            + " CPU since the job before%n", bench(), TaskTimes.wallAndCpu(job.wallMs(), job.cpuMs()),
            TaskTimes.wallAndCpu(job.shuffledWallMs(), job.shuffledCpuMs()), measuredJit.get(j), measuredMarking.get(j));
      }
    }
    if (df != null) {
      df.close();
    }
  }
}
