package org.bigdatalab.workloads;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** The one generator every workload uses, so a seed means the same stream everywhere. */
final class Seeds {
  static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

  private Seeds() {}

  static UniformRandomProvider rng(long seed) {
    return SOURCE.create(seed);
  }

  /** The same generator, typed for {@code jump()}: each jump skips 2^64 draws. */
  static JumpableUniformRandomProvider jumpable(long seed) {
    return (JumpableUniformRandomProvider) SOURCE.create(seed);
  }
}
