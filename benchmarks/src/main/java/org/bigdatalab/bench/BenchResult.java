package org.bigdatalab.bench;

/**
 * One row of a comparison, as written to the stable JSON report ({@code lab bench --json}):
 * {@code {"workload":"wordcount","engine":"mr-parallel","size":"128MB","threads":2,"metric":"MB/s",
 * "value":123.4,"baseline":"hand-written-1-thread","ratio_to_baseline":0.62,"p50_ms":…,"p99_ms":…,
 * "max_task_share":…}}. Latency fields are null where not measured; {@code max_task_share} (the
 * largest task's share of its stage's records, from the engine's metrics) is null except on the
 * {@code skew} workload's engine rows.
 */
public record BenchResult(String workload, String engine, String size, int threads, String metric, double value,
                          String baseline, double ratioToBaseline, Double p50Ms, Double p99Ms, Double maxTaskShare) {

  /** A row without a task-share figure (every workload but {@code skew}). */
  public BenchResult(String workload, String engine, String size, int threads, String metric, double value,
                     String baseline, double ratioToBaseline, Double p50Ms, Double p99Ms) {
    this(workload, engine, size, threads, metric, value, baseline, ratioToBaseline, p50Ms, p99Ms, null);
  }
}
