package org.bigdatalab.guide.exercises.solutions;

import org.bigdatalab.mapreduce.Partitioner;

/**
 * Answer to {@code partitioner}: a String's hash code is negative for about half of all words, and
 * Java's % keeps the sign. Clearing the sign bit (Hadoop's HashPartitioner) or Math.floorMod fixes it;
 * Math.abs does not, since Math.abs(Integer.MIN_VALUE) is still negative.
 */
public class WordPartitioner implements Partitioner<String> {

  @Override
  public int partition(String word, int numPartitions) {
    return (word.hashCode() & Integer.MAX_VALUE) % numPartitions;
  }
}
