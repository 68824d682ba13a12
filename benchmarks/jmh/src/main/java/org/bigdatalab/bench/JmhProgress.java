package org.bigdatalab.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

/** Logs JMH's usual output and gives {@code progress} a line per benchmark and iteration, named as the workload names its rows. */
final class JmhProgress implements OutputFormat {
  private final OutputFormat log;
  private final Consumer<String> progress;
  private final Workload workload;
  private final String size;
  private final double amount;
  private final String unit;
  private boolean afterFailure;

  /** {@code amount} of work per job (MB, records), reported per second in {@code unit}. */
  JmhProgress(OutputFormat log, Consumer<String> progress, Workload workload, String size, double amount, String unit) {
    this.log = log;
    this.progress = progress;
    this.workload = workload;
    this.size = size;
    this.amount = amount;
    this.unit = unit;
  }

  /** The benchmark's name in progress lines. */
  private String label(BenchmarkParams params) {
    return workload.progressLabel(size, params);
  }

  @Override public void startBenchmark(BenchmarkParams params) {
    log.startBenchmark(params);
    progress.accept(label(params) + ": " + params.getWarmup().getCount() + " warm-up + "
        + params.getMeasurement().getCount() + " measured iteration(s)");
  }

  @Override public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
    log.iteration(benchParams, params, iteration);
  }

  @Override public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
    log.iterationResult(benchParams, params, iteration, data);
    double ms = data.getPrimaryResult().getScore();
    progress.accept(String.format(Locale.ROOT, "  %s %s %d/%d: %.1f ms per job, %.4g %s", label(benchParams),
        params.getType() == IterationType.WARMUP ? "warm-up" : "iteration",
        iteration, params.getCount(), ms, amount / (ms / 1000.0), unit));
  }

  @Override public void endBenchmark(BenchmarkResult result) { log.endBenchmark(result); }
  @Override public void startRun() { log.startRun(); }
  @Override public void endRun(Collection<RunResult> result) { log.endRun(result); }
  @Override public void print(String s) { log.print(s); }

  @Override public void println(String s) {
    log.println(s);
    if (s.startsWith("<failure>")) {
      afterFailure = true;
    } else if (afterFailure && !s.isBlank()) {
      progress.accept("  failed: " + s);
      afterFailure = false;
    }
  }

  @Override public void flush() { log.flush(); }
  @Override public void close() { log.close(); }
  @Override public void verbosePrintln(String s) { log.verbosePrintln(s); }
  @Override public void write(int b) { log.write(b); }
  @Override public void write(byte[] b) throws IOException { log.write(b); }
}
