package org.bigdatalab.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.lambda.KappaClauses;
import org.bigdatalab.lambda.LambdaClauses;
import org.bigdatalab.lambda.spec.KappaSpec;
import org.bigdatalab.lambda.spec.LambdaSpec;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.SuiteLint;
import org.bigdatalab.suite.matrix.Suites;
import org.junit.jupiter.api.Test;

/** The Lambda and Kappa suites cover their catalogues, and pipeline engines get both. */
class PipelineSuiteLintTest {

  @Test
  void lambdaAndKappaSuitesCoverTheirCatalogues() {
    assertThat(SuiteLint.problems(LambdaSpec.class, LambdaClauses.CATALOGUE)).isEmpty();
    assertThat(SuiteLint.problems(KappaSpec.class, KappaClauses.CATALOGUE)).isEmpty();
    assertThat(Suites.selectedSuite(Topic.KAPPA)).contains(KappaSpec.Selected.class);
  }

  @Test
  void pipelineEnginesGetBothSuitesAndStreamingEnginesNeither() {
    assertThat(Suites.topicsFor(Topic.LAMBDA)).containsExactly(Topic.LAMBDA, Topic.KAPPA);
    assertThat(Suites.topicsFor(Topic.STREAMING)).containsExactly(Topic.STREAMING);
  }
}
