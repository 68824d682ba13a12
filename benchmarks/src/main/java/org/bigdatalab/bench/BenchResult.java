package org.bigdatalab.bench;

/**
 * One row of a comparison, as written to the stable JSON report ({@code lab bench --json}):
 * {@code {"workload":"wordcount","engine":"mr-parallel","size":"128MB","threads":2,"metric":"MB/s",
 * "value":123.4,"baseline":"hand-written-1-thread","ratio_to_baseline":0.62,"p50_ms":…,"p99_ms":…}}.
 * Latency fields are null where not measured.
 */
public record BenchResult(String workload, String engine, String size, int threads, String metric, double value,
                          String baseline, double ratioToBaseline, Double p50Ms, Double p99Ms) {}
