package org.bigdatalab.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time G1's concurrent marking threads ("G1 Conc#n") have used so far in this JVM, in ms, from
 * Linux's per-thread {@code /proc/self/task/<tid>/schedstat} (ns on the CPU); -1 where that cannot be read
 * (another OS or GC, or a kernel without schedstats).
 *
 * <p>Why the skew forks log it per job: on the 2-core machine a marking cycle is a third runnable thread
 * beside the two task threads, and the scheduler pairs it with one of them for as long as it runs; a task
 * that shares its core with it takes twice its CPU time on the wall clock. Session 10 (RESULTS.md) found that
 * is what made the salted groupByKey task take 40-43 ms of wall time for 20-22 ms of CPU: the benchmark's
 * own held input (about 800 MB live at 10 M records) sits just under G1's initiating threshold (45% of the
 * fork's 2 GB heap), so the job's shuffle arrays start a cycle in most jobs. JMX does not show this thread's
 * time (its collector beans count pauses only), so it is read from /proc.
 */
final class ConcurrentMarkTime {
  private static final Path TASKS = Path.of("/proc/self/task");

  private ConcurrentMarkTime() {}

  static long cpuMs() {
    if (!Files.isDirectory(TASKS)) {
      return -1;
    }
    long nanos = 0;
    boolean any = false;
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(TASKS)) {
      for (Path thread : threads) {
        try {
          if (Files.readString(thread.resolve("comm")).startsWith("G1 Conc")) {
            nanos += Long.parseLong(Files.readString(thread.resolve("schedstat")).trim().split(" ")[0]);
            any = true;
          }
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
          // a thread that ended while we read, or a kernel without schedstats: left out
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return any ? nanos / 1_000_000 : -1;
  }
}
