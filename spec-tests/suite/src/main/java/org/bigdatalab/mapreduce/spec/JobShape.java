package org.bigdatalab.mapreduce.spec;

import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Partitioner;
import org.bigdatalab.mapreduce.jobs.DistributedGrep;
import org.bigdatalab.mapreduce.jobs.InvertedIndex;
import org.bigdatalab.mapreduce.jobs.WordCount;

/**
 * A generated job: which text job, how many reducers, with or without a combiner, which key order,
 * which partitioner, how small the splits. Shrinks towards word count, one reducer, no combiner,
 * natural order, hash partitioning and whole-file splits.
 */
public record JobShape(Kind kind, int reducers, boolean combiner, Order order, Partitioning partitioning,
                       long maxSplitBytes) {

  public enum Kind { WORD_COUNT, INVERTED_INDEX, GREP }

  public enum Order { NATURAL, REVERSED, LENGTH_THEN_NATURAL }

  public enum Partitioning { HASH, FIRST_CHAR }

  public KeyComparator<String> comparator() {
    return switch (order) {
      case NATURAL -> KeyComparator.natural();
      case REVERSED -> KeyComparator.reversed(KeyComparator.natural());
      case LENGTH_THEN_NATURAL -> (a, b) -> a.length() != b.length()
          ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    };
  }

  public Partitioner<String> partitioner() {
    return switch (partitioning) {
      case HASH -> Partitioner.hash();
      case FIRST_CHAR -> (key, n) -> key.isEmpty() ? 0 : key.codePointAt(0) % n;
    };
  }

  public MapReduceJob<String, ?, String, ?> build() {
    return switch (kind) {
      case WORD_COUNT -> configure(WordCount.builder(), WordCount.SUM);
      case GREP -> configure(DistributedGrep.builder("[aeiouéü]+").combiner(null), WordCount.SUM);
      case INVERTED_INDEX -> {
        MapReduceJob.Builder<String, String, String, String> b = InvertedIndex.builder();
        MapReduceJob<String, String, String, String> plain = b.build();
        yield configure(b, plain.reducer());
      }
    };
  }

  /** The same job with the combiner switched on or off. */
  public JobShape withCombiner(boolean on) {
    return new JobShape(kind, reducers, on, order, partitioning, maxSplitBytes);
  }

  private <V> MapReduceJob<String, V, String, V> configure(MapReduceJob.Builder<String, V, String, V> b,
      org.bigdatalab.mapreduce.Reducer<String, V, String, V> combinerFn) {
    return b.combiner(combiner ? combinerFn : null)
        .numReducers(reducers)
        .sortComparator(comparator())
        .groupingComparator(null)
        .partitioner(partitioner())
        .maxSplitBytes(maxSplitBytes)
        .build();
  }
}
