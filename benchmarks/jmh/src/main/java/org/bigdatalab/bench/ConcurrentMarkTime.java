package org.bigdatalab.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU time G1's concurrent marking threads ("G1 Conc#n") have used so far in this JVM, in ms, from
 * Linux's per-thread {@code /proc/self/task/<tid>/schedstat} (ns on the CPU); -1 where that cannot be read
 * (another OS or GC, or a kernel without schedstats).
 *
 * <p>Why the skew forks log it per job: on the 2-core machine a marking cycle is a third runnable thread
 * beside the two task threads, and the scheduler pairs it with one of them for as long as it runs; a task
 * that shares its core with it takes twice its CPU time on the wall clock. Session 10 (RESULTS.md) found that
 * is what made the salted groupByKey task take 40-43 ms of wall time for 20-22 ms of CPU: the benchmark's
 * own held input (about 800 MB live at 10 M records) sat just under G1's initiating threshold (45% of the
 * growing 2 GB heap the forks had then), so the job's shuffle arrays started a cycle in most jobs; with
 * {@link SkewWorkload#forkGcFlags} the line shows whether any cycle still runs. JMX does not show this thread's
 * time (its collector beans count pauses only), so it is read from /proc.
 */
final class ConcurrentMarkTime {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final long RESCAN_NANOS = 1_000_000_000L;
  /**
   * The marking threads' schedstat files, from a scan of every thread's name at most once a second (G1 starts
   * its first marking thread with the JVM and may add more later). A call inside a job then reads one small
   * file per marking thread: it runs in the timed job (after the action), and the fastest skew row's job is
   * ~23 ms, of which a scan of every thread's name at load 17 took 0.3-1 ms.
   */
  private static List<Path> marking;
  private static long scannedAt;

  private ConcurrentMarkTime() {}

  static synchronized long cpuMs() {
    long now = System.nanoTime();
    if (marking == null || now - scannedAt > RESCAN_NANOS) {
      marking = scan();
      scannedAt = now;
    }
    if (marking.isEmpty()) {
      return -1;
    }
    long nanos = 0;
    for (Path schedstat : marking) {
      try {
        nanos += Long.parseLong(Files.readString(schedstat).trim().split(" ")[0]);
      } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
        return -1; // a kernel without schedstats
      }
    }
    return nanos / 1_000_000;
  }

  private static List<Path> scan() {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(TASKS)) {
      return found;
    }
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(TASKS)) {
      for (Path thread : threads) {
        try {
          if (Files.readString(thread.resolve("comm")).startsWith("G1 Conc") && Files.isReadable(thread.resolve("schedstat"))) {
            found.add(thread.resolve("schedstat"));
          }
        } catch (IOException e) {
          // a thread that ended while we read: not a marking thread, which lives as long as the JVM
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return found;
  }
}
