package org.bigdatalab.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.dataflow.DataflowClauses;
import org.bigdatalab.dataflow.SkewClauses;
import org.bigdatalab.dataflow.spec.DataflowSpec;
import org.bigdatalab.dataflow.spec.SkewSpec;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.SuiteLint;
import org.bigdatalab.suite.matrix.Suites;
import org.junit.jupiter.api.Test;

/** The dataflow and skew suites cover their catalogues and are the ones the runner uses for dataflow engines. */
class DataflowSuiteLintTest {

  @Test
  void dataflowSuiteCoversItsCatalogue() {
    assertThat(SuiteLint.problems(DataflowSpec.class, DataflowClauses.CATALOGUE)).isEmpty();
    assertThat(Suites.selectedSuite(Topic.DATAFLOW)).contains(DataflowSpec.Selected.class);
  }

  @Test
  void skewSuiteCoversItsCatalogue() {
    assertThat(SuiteLint.problems(SkewSpec.class, SkewClauses.CATALOGUE)).isEmpty();
    assertThat(Suites.selectedSuite(Topic.SKEW)).contains(SkewSpec.Selected.class);
  }

  @Test
  void dataflowEnginesGetBothSuites() {
    assertThat(Suites.topicsFor(Topic.DATAFLOW)).containsExactly(Topic.DATAFLOW, Topic.SKEW);
    assertThat(Catalogues.forTopic(Topic.SKEW)).contains(SkewClauses.CATALOGUE);
    assertThat(Catalogues.clausesForEngines(Topic.DATAFLOW)).hasSize(
        DataflowClauses.CATALOGUE.clauses().size() + SkewClauses.CATALOGUE.clauses().size());
  }
}
