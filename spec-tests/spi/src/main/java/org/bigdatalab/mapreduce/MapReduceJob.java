package org.bigdatalab.mapreduce;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import org.bigdatalab.spi.Codec;

/**
 * An immutable description of a MapReduce job; engines execute it. Input is text lines (see
 * {@link Mapper}); map output is {@code (KM, VM)}; the reducer writes {@code (KO, VO)} records as
 * {@code key<TAB>value} lines, one file per partition.
 *
 * <p>Everything in a job is serializable, so an engine can ship it whole to remote tasks. Its
 * functions (mapper, combiner, reducer, partitioner, comparators, codecs) may be called from
 * several tasks at once, so they must not keep mutable state between calls.
 */
public record MapReduceJob<KM, VM, KO, VO>(
    String name,
    Mapper<KM, VM> mapper,
    Reducer<KM, VM, KM, VM> combiner,
    Reducer<KM, VM, KO, VO> reducer,
    Partitioner<KM> partitioner,
    KeyComparator<KM> sortComparator,
    KeyComparator<KM> groupingComparator,
    Codec<KM> mapKeyCodec,
    Codec<VM> mapValueCodec,
    Codec<KO> outputKeyCodec,
    Codec<VO> outputValueCodec,
    int numReducers,
    long maxSplitBytes,
    int maxAttempts,
    boolean skipBadRecords) implements Serializable {

  /** Splits larger than this are cut, as Hadoop cuts at the block size. */
  public static final long DEFAULT_MAX_SPLIT_BYTES = 32L << 20;

  public MapReduceJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mapper, "mapper");
    Objects.requireNonNull(reducer, "reducer");
    Objects.requireNonNull(partitioner, "partitioner");
    Objects.requireNonNull(sortComparator, "sortComparator");
    Objects.requireNonNull(groupingComparator, "groupingComparator");
    Objects.requireNonNull(mapKeyCodec, "mapKeyCodec");
    Objects.requireNonNull(mapValueCodec, "mapValueCodec");
    Objects.requireNonNull(outputKeyCodec, "outputKeyCodec");
    Objects.requireNonNull(outputValueCodec, "outputValueCodec");
    if (numReducers < 1) throw new IllegalArgumentException(name + ": numReducers must be at least 1, got " + numReducers);
    if (maxSplitBytes < 1) throw new IllegalArgumentException(name + ": maxSplitBytes must be positive, got " + maxSplitBytes);
    if (maxAttempts < 1) throw new IllegalArgumentException(name + ": maxAttempts must be at least 1, got " + maxAttempts);
  }

  public Optional<Reducer<KM, VM, KM, VM>> optionalCombiner() {
    return Optional.ofNullable(combiner);
  }

  public static <KM, VM, KO, VO> Builder<KM, VM, KO, VO> builder(String name) {
    return new Builder<>(name);
  }

  /** A copy with another setting; handy in tests that vary one knob. */
  public Builder<KM, VM, KO, VO> toBuilder() {
    return new Builder<KM, VM, KO, VO>(name).mapper(mapper).combiner(combiner).reducer(reducer)
        .partitioner(partitioner).sortComparator(sortComparator).groupingComparator(groupingComparator)
        .mapOutput(mapKeyCodec, mapValueCodec).output(outputKeyCodec, outputValueCodec)
        .numReducers(numReducers).maxSplitBytes(maxSplitBytes).maxAttempts(maxAttempts)
        .skipBadRecords(skipBadRecords);
  }

  /** Builds a job. Unset: no combiner, hash partitioner, natural key order, grouping = sort order. */
  public static final class Builder<KM, VM, KO, VO> {
    private final String name;
    private Mapper<KM, VM> mapper;
    private Reducer<KM, VM, KM, VM> combiner;
    private Reducer<KM, VM, KO, VO> reducer;
    private Partitioner<KM> partitioner = Partitioner.hash();
    private KeyComparator<KM> sortComparator = KeyComparator.natural();
    private KeyComparator<KM> groupingComparator;
    private Codec<KM> mapKeyCodec;
    private Codec<VM> mapValueCodec;
    private Codec<KO> outputKeyCodec;
    private Codec<VO> outputValueCodec;
    private int numReducers = 1;
    private long maxSplitBytes = DEFAULT_MAX_SPLIT_BYTES;
    private int maxAttempts = 1;
    private boolean skipBadRecords;

    private Builder(String name) { this.name = name; }

    public Builder<KM, VM, KO, VO> mapper(Mapper<KM, VM> m) { this.mapper = m; return this; }
    public Builder<KM, VM, KO, VO> combiner(Reducer<KM, VM, KM, VM> c) { this.combiner = c; return this; }
    public Builder<KM, VM, KO, VO> reducer(Reducer<KM, VM, KO, VO> r) { this.reducer = r; return this; }
    public Builder<KM, VM, KO, VO> partitioner(Partitioner<KM> p) { this.partitioner = p; return this; }
    public Builder<KM, VM, KO, VO> sortComparator(KeyComparator<KM> c) { this.sortComparator = c; return this; }
    public Builder<KM, VM, KO, VO> groupingComparator(KeyComparator<KM> c) { this.groupingComparator = c; return this; }
    public Builder<KM, VM, KO, VO> numReducers(int n) { this.numReducers = n; return this; }
    public Builder<KM, VM, KO, VO> maxSplitBytes(long bytes) { this.maxSplitBytes = bytes; return this; }
    public Builder<KM, VM, KO, VO> maxAttempts(int attempts) { this.maxAttempts = attempts; return this; }
    public Builder<KM, VM, KO, VO> skipBadRecords(boolean skip) { this.skipBadRecords = skip; return this; }

    public Builder<KM, VM, KO, VO> mapOutput(Codec<KM> key, Codec<VM> value) {
      this.mapKeyCodec = key;
      this.mapValueCodec = value;
      return this;
    }

    public Builder<KM, VM, KO, VO> output(Codec<KO> key, Codec<VO> value) {
      this.outputKeyCodec = key;
      this.outputValueCodec = value;
      return this;
    }

    public MapReduceJob<KM, VM, KO, VO> build() {
      KeyComparator<KM> grouping = groupingComparator != null ? groupingComparator : sortComparator;
      return new MapReduceJob<>(name, mapper, combiner, reducer, partitioner, sortComparator, grouping,
          mapKeyCodec, mapValueCodec, outputKeyCodec, outputValueCodec, numReducers, maxSplitBytes,
          maxAttempts, skipBadRecords);
    }
  }
}
