package org.bigdatalab.mapreduce.jobs;

import org.bigdatalab.mapreduce.LongSumReducer;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.WordCountMapper;
import org.bigdatalab.mapreduce.Reducer;
import org.bigdatalab.spi.Codecs;

/**
 * Word count, the "hello world" of MapReduce: map emits (word, 1), reduce sums.
 *
 * <p>Words are maximal runs of letters and digits, lower-cased. (The seed's two versions disagree
 * here: its Python mapper lower-cases and splits on {@code \w+}, its Java mapper splits on
 * whitespace only, so "Cat," and "cat" are two words there. We pick one rule and test it.)
 */
public final class WordCount {
  private WordCount() {}

  /**
   * Sums the counts of a word; associative and commutative, so also a valid combiner. A
   * {@link LongSumReducer}, so an engine may fold the counts as they are emitted.
   */
  public static final Reducer<String, Long, String, Long> SUM = new LongSumReducer<>();

  public static MapReduceJob.Builder<String, Long, String, Long> builder() {
    return MapReduceJob.<String, Long, String, Long>builder("wordcount")
        .mapper(new WordCountMapper())
        .reducer(SUM)
        .mapOutput(Codecs.STRING, Codecs.LONG)
        .output(Codecs.STRING, Codecs.LONG);
  }

  /** Word count with the sum as combiner, as in the seed's Java driver. */
  public static MapReduceJob<String, Long, String, Long> withCombiner(int reducers) {
    return builder().combiner(SUM).numReducers(reducers).build();
  }
}
