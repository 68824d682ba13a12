package org.bigdatalab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many engine modules' JVMs {@code lab conformance} runs at once. Each may take the
 * {@value #HEAP_MB} MB heap {@link ForkedMatrix} gives it, and real engines spend much of a run
 * waiting (a broker's start, a job's scheduling), so two at a time shorten the matrix on two cores,
 * but only where the machine has the memory to spare: Linux's {@code MemAvailable} less a margin for
 * the CLI itself.
 */
final class ForkParallelism {
  static final int HEAP_MB = 3072;
  private static final long MARGIN_MB = 4096;

  private ForkParallelism() {}

  /** {@code asked} if positive; else 2 where two cores and the memory for two more heaps exist, else 1; never more than {@code modules}. */
  static int of(int asked, int modules) {
    int n = asked > 0 ? asked
        : Runtime.getRuntime().availableProcessors() >= 2 && availableMegabytes() >= MARGIN_MB + 2L * (HEAP_MB + 512) ? 2 : 1;
    return Math.max(1, Math.min(n, modules));
  }

  /** {@code MemAvailable} from {@code /proc/meminfo}; 0 (run one at a time) where it cannot be read. */
  static long availableMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or an odd file: one at a time is always safe
    }
    return 0;
  }
}
