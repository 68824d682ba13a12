package org.bigdatalab.guide.exercises;

import org.bigdatalab.mapreduce.Partitioner;

/**
 * Exercise {@code partitioner} (chapter 2): send each word to one of the job's reducers. Check it
 * with {@code ./lab exercise partitioner}; the answer is in {@code exercises.solutions}.
 */
public class WordPartitioner implements Partitioner<String> {

  @Override
  public int partition(String word, int numPartitions) {
    // TODO: every word needs a partition in [0, numPartitions), the same one every time it is seen.
    return word.hashCode() % numPartitions;
  }
}
