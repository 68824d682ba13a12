package org.bigdatalab.suite.matrix;

import java.util.Map;
import java.util.Optional;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.ConformanceSuite;

/**
 * Which suite checks which topic's clauses: the runnable {@code Selected} variant of each abstract
 * suite. An engine is run against the suites of every topic whose {@link Topic#engineTopic()} is
 * the engine's topic (a dataflow engine gets the dataflow and the skew suites).
 */
public final class Suites {
  private static final Map<Topic, Class<? extends ConformanceSuite<?>>> SELECTED = Map.of(
      Topic.DFS, org.bigdatalab.dfs.spec.DfsSpec.Selected.class,
      Topic.MAPREDUCE, MapReduceSpec.Selected.class,
      Topic.DATAFLOW, org.bigdatalab.dataflow.spec.DataflowSpec.Selected.class,
      Topic.SKEW, org.bigdatalab.dataflow.spec.SkewSpec.Selected.class,
      Topic.STREAMING, org.bigdatalab.streaming.spec.StreamingSpec.Selected.class,
      Topic.LOG, org.bigdatalab.log.spec.LogSpec.Selected.class,
      Topic.LAMBDA, org.bigdatalab.lambda.spec.LambdaSpec.Selected.class,
      Topic.KAPPA, org.bigdatalab.lambda.spec.KappaSpec.Selected.class,
      Topic.CAP, org.bigdatalab.cap.spec.CapSpec.Selected.class,
      Topic.TABLE, org.bigdatalab.table.spec.TableSpec.Selected.class);

  private Suites() {}

  public static Optional<Class<? extends ConformanceSuite<?>>> selectedSuite(Topic topic) {
    return Optional.ofNullable(SELECTED.get(topic));
  }

  /** The clause topics that have a suite and are checked on engines of {@code engineTopic}. */
  public static java.util.List<Topic> topicsFor(Topic engineTopic) {
    return java.util.Arrays.stream(Topic.values())
        .filter(t -> t.engineTopic() == engineTopic && SELECTED.containsKey(t)).toList();
  }
}
