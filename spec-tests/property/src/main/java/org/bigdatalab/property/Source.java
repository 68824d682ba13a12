package org.bigdatalab.property;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The choices one generated case is made of. Every generator draws from here and only here, so a
 * case is fully described by its sequence of choices: replaying the sequence replays the case, and
 * shrinking the sequence (shorter, then smaller numbers) shrinks the case, whatever its type. This
 * is the design of Hypothesis and minithesis: no generator needs a shrinker of its own, and
 * shrinking works through {@code map}, {@code filter}, {@code flatMap} and action sequences.
 *
 * <p>A source either draws at random (recording each choice) or replays a prefix; past the end of
 * the prefix it answers 0, the simplest choice.
 */
public final class Source {
  /** A case may make at most this many choices; beyond it the case is abandoned as too big. */
  static final int MAX_CHOICES = 200_000;

  private final SplittableRandom random;
  private final long[] prefix;
  private long[] choices = new long[64];
  private int size;
  /** [start, end) of each collection element's choices, "one more?" included: what the shrinker deletes whole. */
  private final java.util.List<int[]> spans = new java.util.ArrayList<>();

  private Source(SplittableRandom random, long[] prefix) {
    this.random = random;
    this.prefix = prefix;
  }

  /** A source that draws at random. */
  static Source random(SplittableRandom random) {
    return new Source(random, new long[0]);
  }

  /** A source that replays {@code prefix}, then answers 0. */
  static Source replay(long[] prefix) {
    return new Source(null, prefix);
  }

  /** A source for drawing samples outside a property (examples in docs, benchmarks' data). */
  public static Source sampling(long seed) {
    return random(new SplittableRandom(seed));
  }

  /**
   * A number in {@code [0, n]}, 0 being the simplest. At random it is uniform, except that 0 and
   * {@code n} come up more often (boundaries find bugs) and for large {@code n} small numbers do too.
   */
  public long choice(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("choice bound " + n);
    }
    long value;
    if (size < prefix.length) {
      value = prefix[size];
      if (value > n) {
        throw Invalid.INSTANCE; // the shrinker tried a value this choice cannot take
      }
    } else if (random == null) {
      value = 0;
    } else {
      value = draw(n);
    }
    record(value);
    return value;
  }

  /** True with probability {@code p} at random; shrinks to false. */
  public boolean weighted(double p) {
    if (size < prefix.length || random == null) {
      return choice(1) == 1;
    }
    boolean yes = random.nextDouble() < p;
    record(yes ? 1 : 0);
    return yes;
  }

  /** Records a choice the generator had no freedom in (a list at its minimum or maximum size). */
  void forced(long value) {
    record(value);
  }

  /** Abandons this case: a filter found nothing, an assumption did not hold. */
  public void reject() {
    throw Invalid.INSTANCE;
  }

  /** A random double in [0, 1) that is not recorded: for tuning how a case is drawn, never its content. */
  double tuning() {
    return random == null ? 0.5 : random.nextDouble();
  }

  /** Where the next choice will go: the start of an element's span. */
  int mark() {
    return size;
  }

  /** Closes the span of an element that started at {@code start}. */
  void span(int start) {
    if (size > start) {
      spans.add(new int[] {start, size});
    }
  }

  java.util.List<int[]> spans() {
    return spans;
  }

  long[] choices() {
    return Arrays.copyOf(choices, size);
  }

  int size() {
    return size;
  }

  private long draw(long n) {
    double r = random.nextDouble();
    if (r < 0.05) {
      return 0;
    }
    if (r < 0.10) {
      return n;
    }
    if (r < 0.40 && n > 64) {
      // log-uniform: as many small numbers as large ones
      int bits = 1 + random.nextInt(63 - Long.numberOfLeadingZeros(n));
      return random.nextLong((1L << bits));
    }
    return n == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(n + 1);
  }

  private void record(long value) {
    if (size == MAX_CHOICES) {
      throw Invalid.INSTANCE;
    }
    if (size == choices.length) {
      choices = Arrays.copyOf(choices, size * 2);
    }
    choices[size++] = value;
  }

  /** Signals a case that is not a test: too big, filtered out, or an assumption that did not hold. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Invalid INSTANCE = new Invalid();

    private Invalid() {
      super("invalid case", null, false, false);
    }
  }
}
