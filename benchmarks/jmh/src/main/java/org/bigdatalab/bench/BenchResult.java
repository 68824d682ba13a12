package org.bigdatalab.bench;

/**
 * One row of a comparison, as written to the stable JSON report ({@code lab bench --json}):
 * {@code {"workload":"wordcount","engine":"mr-parallel","size":"128MB","threads":2,"metric":"MB/s",
 * "value":123.4,"baseline":"hand-written-1-thread","ratio_to_baseline":0.62,"p50_ms":…,"p99_ms":…,
 * "max_task_share":…,"startup_ms":…}}. Latency fields are null where not measured;
 * {@code max_task_share} (the largest task's share of its stage's records, from the engine's
 * metrics) is null except on the {@code skew} workload's engine rows; {@code startup_ms} (the
 * engine's start-up: from creating it in a fresh JVM to the first result of a trivial job, measured
 * once per run and repeated on each of the engine's rows) is null where not measured. The value
 * never includes the start-up: engines are started before JMH's clock runs.
 *
 * <p>On the {@code skew} workload's engine rows, the time side of the largest task (from the engine's
 * metrics, last measured job; null elsewhere and where the engine does not measure it):
 * {@code max_task_ms} and {@code max_task_cpu_ms}, the most wall-clock and the most CPU time any one
 * task took; {@code max_shuffled_task_ms} and {@code max_shuffled_task_cpu_ms}, the same over the
 * stages that read a shuffle. Wall time also counts waiting for a core and GC pauses; CPU time is
 * the task's own work.
 */
public record BenchResult(String workload, String engine, String size, int threads, String metric, double value,
                          String baseline, double ratioToBaseline, Double p50Ms, Double p99Ms, Double maxTaskShare,
                          Double startupMs, Double maxTaskMs, Double maxTaskCpuMs, Double maxShuffledTaskMs,
                          Double maxShuffledTaskCpuMs) {

  /** A row without task times. */
  public BenchResult(String workload, String engine, String size, int threads, String metric, double value,
                     String baseline, double ratioToBaseline, Double p50Ms, Double p99Ms, Double maxTaskShare,
                     Double startupMs) {
    this(workload, engine, size, threads, metric, value, baseline, ratioToBaseline, p50Ms, p99Ms, maxTaskShare, startupMs,
        null, null, null, null);
  }

  /** A row without a start-up figure. */
  public BenchResult(String workload, String engine, String size, int threads, String metric, double value,
                     String baseline, double ratioToBaseline, Double p50Ms, Double p99Ms, Double maxTaskShare) {
    this(workload, engine, size, threads, metric, value, baseline, ratioToBaseline, p50Ms, p99Ms, maxTaskShare, null);
  }

  /** A row without a task-share figure (every workload but {@code skew}). */
  public BenchResult(String workload, String engine, String size, int threads, String metric, double value,
                     String baseline, double ratioToBaseline, Double p50Ms, Double p99Ms) {
    this(workload, engine, size, threads, metric, value, baseline, ratioToBaseline, p50Ms, p99Ms, null, null);
  }

  /** This row with the task times of its engine's last measured job. */
  BenchResult withTaskTimes(TaskTimes t) {
    return new BenchResult(workload, engine, size, threads, metric, value, baseline, ratioToBaseline, p50Ms, p99Ms,
        maxTaskShare, startupMs, t.wallMs(), t.cpuMs(), t.shuffledWallMs(), t.shuffledCpuMs());
  }

  /** This row compared with {@code baseline}, whose value in the same run was {@code baselineValue} (ratio to four significant digits). */
  public BenchResult against(String baseline, double baselineValue) {
    return new BenchResult(workload, engine, size, threads, metric, value, baseline, BenchRunner.round(value / baselineValue),
        p50Ms, p99Ms, maxTaskShare, startupMs, maxTaskMs, maxTaskCpuMs, maxShuffledTaskMs, maxShuffledTaskCpuMs);
  }
}
