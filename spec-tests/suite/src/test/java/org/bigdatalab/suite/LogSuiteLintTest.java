package org.bigdatalab.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.log.LogClauses;
import org.bigdatalab.log.spec.LogSpec;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.SuiteLint;
import org.bigdatalab.suite.matrix.Suites;
import org.junit.jupiter.api.Test;

/** The event log suite covers its catalogue and is the one the runner uses for logs. */
class LogSuiteLintTest {

  @Test
  void logSuiteCoversItsCatalogue() {
    assertThat(SuiteLint.problems(LogSpec.class, LogClauses.CATALOGUE)).isEmpty();
    assertThat(Suites.selectedSuite(Topic.LOG)).contains(LogSpec.Selected.class);
    assertThat(Catalogues.forTopic(Topic.LOG)).contains(LogClauses.CATALOGUE);
    assertThat(Suites.topicsFor(Topic.LOG)).containsExactly(Topic.LOG);
  }
}
