package org.bigdatalab.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.spec.StreamingSpec;
import org.bigdatalab.suite.matrix.SuiteLint;
import org.bigdatalab.suite.matrix.Suites;
import org.junit.jupiter.api.Test;

/** The streaming suite covers its catalogue and is the one the runner uses for streaming engines. */
class StreamingSuiteLintTest {

  @Test
  void streamingSuiteCoversItsCatalogue() {
    assertThat(SuiteLint.problems(StreamingSpec.class, StreamingClauses.CATALOGUE)).isEmpty();
    assertThat(Suites.selectedSuite(Topic.STREAMING)).contains(StreamingSpec.Selected.class);
    assertThat(Catalogues.forTopic(Topic.STREAMING)).contains(StreamingClauses.CATALOGUE);
  }

  @Test
  void streamingEnginesGetTheStreamingSuite() {
    assertThat(Suites.topicsFor(Topic.STREAMING)).contains(Topic.STREAMING);
  }
}
