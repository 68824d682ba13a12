package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The marking threads' CPU time is a running total: unknown (-1) or a count of ms that never goes back. */
class ConcurrentMarkTimeTest {

  @Test
  void isUnknownOrARunningTotal() {
    long before = ConcurrentMarkTime.cpuMs();
    System.gc(); // may run a concurrent cycle (G1 with -XX:+ExplicitGCInvokesConcurrent) or none: either is fine
    long after = ConcurrentMarkTime.cpuMs();
    assertThat(before).isGreaterThanOrEqualTo(-1);
    if (before >= 0 && after >= 0) {
      assertThat(after).isGreaterThanOrEqualTo(before);
    }
  }
}
