package org.bigdatalab.guide.exercises.solutions;

import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.Reducer;

/** Answer to {@code combiner}: a sum is associative and commutative, so partial sums add up to the total. */
public class WordCountCombiner implements Reducer<String, Long, String, Long> {

  @Override
  public void reduce(String word, Iterable<Long> counts, Collector<String, Long> out) {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    out.emit(word, sum);
  }
}
