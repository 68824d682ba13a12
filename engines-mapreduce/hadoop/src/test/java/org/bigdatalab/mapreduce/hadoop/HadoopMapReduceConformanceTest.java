package org.bigdatalab.mapreduce.hadoop;

import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;

/** Runs the whole MapReduce spec against {@code mr-hadoop} on LocalJobRunner. */
class HadoopMapReduceConformanceTest extends MapReduceSpec {
  @Override
  protected MapReduceEngine createEngine() {
    return new HadoopMapReduce();
  }
}
