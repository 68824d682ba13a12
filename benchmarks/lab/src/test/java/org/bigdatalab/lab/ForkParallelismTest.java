package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The number of engine JVMs at once: what was asked, never more than the modules, never fewer than one. */
class ForkParallelismTest {
  @Test
  void askedIsKeptWithinTheModules() {
    assertThat(ForkParallelism.of(3, 9)).isEqualTo(3);
    assertThat(ForkParallelism.of(3, 2)).isEqualTo(2);
    assertThat(ForkParallelism.of(0, 0)).isEqualTo(1);
  }

  @Test
  void automaticIsOneOrTwoAsTheMachineAllows() {
    boolean room = Runtime.getRuntime().availableProcessors() >= 2
        && ForkParallelism.availableMegabytes() >= 4096 + 2L * (ForkParallelism.HEAP_MB + 512);
    assertThat(ForkParallelism.of(0, 9)).isEqualTo(room ? 2 : 1);
    assertThat(ForkParallelism.of(0, 1)).isEqualTo(1);
  }
}
