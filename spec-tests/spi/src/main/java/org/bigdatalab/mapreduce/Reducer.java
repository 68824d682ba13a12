package org.bigdatalab.mapreduce;

import java.io.Serializable;

/**
 * The reduce function: one call per group of keys (groups under the job's grouping comparator),
 * with the group's first key and all its values. Also the shape of a combiner, whose input and
 * output types are the map output types.
 *
 * <p>The values can be walked once (real engines stream them from a merge). Values whose keys are
 * equal under the sort comparator arrive in no promised order: a reducer whose result depends on
 * that order is not portable (Hadoop's sort is not stable).
 */
@FunctionalInterface
public interface Reducer<KI, VI, KO, VO> extends Serializable {
  void reduce(KI key, Iterable<VI> values, Collector<KO, VO> out) throws Exception;
}
