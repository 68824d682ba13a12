package org.bigdatalab.mapreduce.reference;

import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;

/** Runs the whole MapReduce spec against {@code mr-sequential}. */
class SequentialMapReduceConformanceTest extends MapReduceSpec {
  @Override
  protected MapReduceEngine createEngine() {
    return new SequentialMapReduce();
  }
}
