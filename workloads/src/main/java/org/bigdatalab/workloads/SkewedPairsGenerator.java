package org.bigdatalab.workloads;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * (key, value) pairs whose keys follow a Zipf law over a key space: the input that makes one
 * reducer or partition hot, so skew handling (salting, combiners, split hot keys) can be shown
 * and measured. Exponent 0 gives uniform keys, the no-skew baseline of the same size.
 *
 * <p>Key number {@code r} (1 = hottest) is named by {@link Keys#name}; values are uniform in
 * {@code [0, valueBound)} so sums over billions of pairs cannot overflow. Lines are
 * {@code key<TAB>value\n}, readable by {@link KeyValueLineReader}.
 *
 * <pre>{@code
 * var pairs = new SkewedPairsGenerator(100_000, 1.2, 7L);
 * pairs.pairs().findFirst();   // KeyValue[key=k000001, value=614046]
 * Map<String, Long> sums = pairs.pairs().limit(1_000_000)
 *     .collect(groupingBy(KeyValue::key, summingLong(KeyValue::value)));
 * WorkloadFiles.write(Path.of("pairs.tsv"), pairs, 64L << 20);
 * }</pre>
 */
public final class SkewedPairsGenerator implements LineWorkload {
  /** Default exclusive bound of the values. */
  public static final long DEFAULT_VALUE_BOUND = 1_000_000;

  private final Zipf zipf;
  private final long valueBound;
  private final long seed;
  private final int keyWidth;

  public SkewedPairsGenerator(int keySpaceSize, double exponent, long seed) {
    this(keySpaceSize, exponent, DEFAULT_VALUE_BOUND, seed);
  }

  public SkewedPairsGenerator(int keySpaceSize, double exponent, long valueBound, long seed) {
    if (valueBound < 1) {
      throw new IllegalArgumentException("valueBound must be >= 1, got " + valueBound);
    }
    this.zipf = new Zipf(keySpaceSize, exponent);
    this.valueBound = valueBound;
    this.seed = seed;
    this.keyWidth = Integer.toString(keySpaceSize).length();
  }

  /** The name of the key of {@code rank} (1 = most frequent). */
  public String keyForRank(int rank) {
    return Keys.name(rank, zipf.size());
  }

  /** The theoretical probability that a pair has the key of {@code rank}. */
  public double probability(int rank) {
    return zipf.probability(rank);
  }

  /** The infinite, ordered sequence of pairs; the same pairs as {@link #writeTo}. */
  public Stream<KeyValue> pairs() {
    UniformRandomProvider rng = Seeds.rng(seed);
    SharedStateDiscreteSampler keys = zipf.sampler(rng);
    Iterator<KeyValue> it = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public KeyValue next() {
        int rank = keys.sample();
        return new KeyValue(keyForRank(rank), rng.nextLong(valueBound));
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public long writeTo(OutputStream out, long targetBytes) throws IOException {
    UniformRandomProvider rng = Seeds.rng(seed);
    SharedStateDiscreteSampler keys = zipf.sampler(rng);
    AsciiBuffer buf = new AsciiBuffer(out);
    while (buf.written() < targetBytes) {
      int rank = keys.sample();
      buf.put((byte) 'k');
      buf.putPadded(rank, keyWidth);
      buf.put((byte) '\t');
      buf.putLong(rng.nextLong(valueBound));
      buf.put((byte) '\n');
    }
    buf.flush();
    return buf.written();
  }
}
