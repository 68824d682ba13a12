package org.bigdatalab.guide.exercises;

import org.bigdatalab.mapreduce.Collector;
import org.bigdatalab.mapreduce.Reducer;

/**
 * Exercise {@code combiner} (chapter 2): word count's combiner. Check it with
 * {@code ./lab exercise combiner}; the answer is in {@code exercises.solutions}.
 */
public class WordCountCombiner implements Reducer<String, Long, String, Long> {

  @Override
  public void reduce(String word, Iterable<Long> counts, Collector<String, Long> out) {
    // TODO: the engine may run this on a map task's output zero, one or many times before the
    // reducer adds up what it emits. Passing each word on once loses the counts it carried in.
    out.emit(word, 1L);
  }
}
