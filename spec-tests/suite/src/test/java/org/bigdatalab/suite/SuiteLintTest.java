package org.bigdatalab.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.mapreduce.MapReduceClauses;
import org.bigdatalab.mapreduce.spec.MapReduceSpec;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.SuiteLint;
import org.bigdatalab.suite.matrix.Suites;
import org.junit.jupiter.api.Test;

/** Every suite covers its catalogue, names its checks after their clauses, and is known to the runner. */
class SuiteLintTest {

  @Test
  void mapReduceSuiteCoversItsCatalogue() {
    assertThat(SuiteLint.problems(MapReduceSpec.class, MapReduceClauses.CATALOGUE)).isEmpty();
    assertThat(Suites.selectedSuite(Topic.MAPREDUCE)).contains(MapReduceSpec.Selected.class);
  }

  @Test
  void lintFindsAMisnamedCheck() {
    class Misnamed {
      @Verifies(MapReduceClauses.COUNTERS)
      void countersAddUp() {}
    }
    assertThat(SuiteLint.problems(Misnamed.class, MapReduceClauses.CATALOGUE))
        .anyMatch(p -> p.contains("countersAddUp") && p.contains("required_mapreduce_counters"))
        .anyMatch(p -> p.contains(MapReduceClauses.SPLITS_EXACTLY_ONCE) && p.contains("no check"));
  }
}
