package org.bigdatalab.mapreduce;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a successful job reports.
 *
 * @param failedAttempts task attempts that failed and were retried
 */
public record JobResult(Path outputDir, int partitions, Counters counters, int failedAttempts, Duration elapsed) {}
