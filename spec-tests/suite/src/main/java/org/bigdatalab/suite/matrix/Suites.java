package org.bigdatalab.suite.matrix;

import java.util.Map;
import java.util.Optional;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.ConformanceSuite;

/** Which suite checks which topic: the runnable {@code Selected} variant of each abstract suite. */
public final class Suites {
  private static final Map<Topic, Class<? extends ConformanceSuite<?>>> SELECTED = Map.of(
      Topic.MAPREDUCE, MapReduceSpec.Selected.class);

  private Suites() {}

  public static Optional<Class<? extends ConformanceSuite<?>>> selectedSuite(Topic topic) {
    return Optional.ofNullable(SELECTED.get(topic));
  }
}
