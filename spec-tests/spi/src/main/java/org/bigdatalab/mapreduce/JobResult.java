package org.bigdatalab.mapreduce;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a successful job reports.
 *
 * @param failedAttempts task attempts that failed and were retried
 * @param splits         the map tasks' splits, in task order; empty when the engine does not report them
 */
public record JobResult(Path outputDir, int partitions, Counters counters, int failedAttempts, Duration elapsed,
                        List<Split> splits) {

  public JobResult {
    splits = List.copyOf(splits);
  }

  /** A result that reports no splits. */
  public JobResult(Path outputDir, int partitions, Counters counters, int failedAttempts, Duration elapsed) {
    this(outputDir, partitions, counters, failedAttempts, elapsed, List.of());
  }
}
