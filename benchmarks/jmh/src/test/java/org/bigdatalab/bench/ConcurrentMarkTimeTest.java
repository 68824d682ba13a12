package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The marking threads' CPU time is a running total that never goes back; on Linux under G1 (the forks'
 * collector) it is known, so a scan that misses the threads (a renamed thread, another /proc file) fails here.
 */
class ConcurrentMarkTimeTest {

  @Test
  void isARunningTotalWhereTheForksRun() {
    long before = ConcurrentMarkTime.cpuMs();
    System.gc();
    long after = ConcurrentMarkTime.cpuMs();
    boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("G1"));
    if (g1 && Files.isReadable(Path.of("/proc/self/task").resolve(Long.toString(ProcessHandle.current().pid())).resolve("schedstat"))) {
      assertThat(before).isGreaterThanOrEqualTo(0);
    }
    assertThat(before).isGreaterThanOrEqualTo(-1);
    if (before >= 0) {
      assertThat(after).isGreaterThanOrEqualTo(before);
    }
  }
}
