package org.bigdatalab.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.SuiteLint;
import org.bigdatalab.suite.matrix.Suites;
import org.bigdatalab.table.TableClauses;
import org.bigdatalab.table.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** The table suite covers its catalogue, names its checks after their clauses, and is known to the runner. */
class TableSuiteLintTest {

  @Test
  void tableSuiteCoversItsCatalogue() {
    assertThat(SuiteLint.problems(TableSpec.class, TableClauses.CATALOGUE)).isEmpty();
    assertThat(Suites.selectedSuite(Topic.TABLE)).contains(TableSpec.Selected.class);
    assertThat(Suites.topicsFor(Topic.TABLE)).containsExactly(Topic.TABLE);
  }
}
