package org.bigdatalab.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.cap.CapClauses;
import org.bigdatalab.cap.spec.CapSpec;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.SuiteLint;
import org.bigdatalab.suite.matrix.Suites;
import org.junit.jupiter.api.Test;

/** The CAP suite covers its catalogue and is the one the runner uses for CAP engines. */
class CapSuiteLintTest {

  @Test
  void capSuiteCoversItsCatalogue() {
    assertThat(SuiteLint.problems(CapSpec.class, CapClauses.CATALOGUE)).isEmpty();
    assertThat(Suites.selectedSuite(Topic.CAP)).contains(CapSpec.Selected.class);
    assertThat(Suites.topicsFor(Topic.CAP)).containsExactly(Topic.CAP);
  }
}
