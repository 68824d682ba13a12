package org.bigdatalab.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.dfs.DfsClauses;
import org.bigdatalab.dfs.spec.DfsSpec;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.SuiteLint;
import org.bigdatalab.suite.matrix.Suites;
import org.junit.jupiter.api.Test;

/** The DFS suite covers its catalogue, names its checks after their clauses, and is known to the runner. */
class DfsSuiteLintTest {

  @Test
  void dfsSuiteCoversItsCatalogue() {
    assertThat(SuiteLint.problems(DfsSpec.class, DfsClauses.CATALOGUE)).isEmpty();
    assertThat(Suites.selectedSuite(Topic.DFS)).contains(DfsSpec.Selected.class);
    assertThat(Catalogues.forTopic(Topic.DFS)).contains(DfsClauses.CATALOGUE);
  }
}
