package org.bigdatalab.guide.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bigdatalab.spi.Catalogues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The katas keep their promise: every solution passes its clauses, every starter as shipped fails
 * one of them with a shrunk input, and every kata names clauses the spec has.
 */
class KatasTest {
  static final long SEED = 20261206L;
  static final int TRIES = 40;

  static List<String> names() {
    return Katas.all().stream().map(Kata::name).toList();
  }

  @ParameterizedTest
  @MethodSource("names")
  void theSolutionPasses(String name) {
    Kata.Verdict verdict = Katas.find(name).orElseThrow().run(true, SEED, TRIES);
    assertThat(verdict.passed()).as(verdict.report()).isTrue();
    assertThat(verdict.cases()).isEqualTo(TRIES);
    assertThat(verdict.report()).startsWith("pass: " + name);
  }

  @ParameterizedTest
  @MethodSource("names")
  void theStarterFailsAClauseOfItsKataWithAMinimalInput(String name) {
    Kata<?, ?> kata = Katas.find(name).orElseThrow();
    Kata.Verdict verdict = kata.run(false, SEED, TRIES);
    System.out.println(verdict.report());   // what the learner sees; kept in target/surefire-reports
    assertThat(verdict.passed()).as("the starter of %s as shipped", name).isFalse();
    assertThat(kata.clauses()).contains(verdict.clause());
    assertThat(verdict.minimalInput()).isNotBlank();
    assertThat(verdict.report()).contains(verdict.clause(), "seed " + SEED, "minimal input: " + verdict.minimalInput());
  }

  @Test
  void theShrunkFailuresAreTheSmallestCasesThatShowTheBug() {
    // Smallest case for the combiner: one word seen twice in one map task.
    assertThat(Katas.find("combiner").orElseThrow().run(false, SEED, TRIES).message()).contains("expected", "2");
    // The partitioner's minimal case is one word with a negative hash code, among two or more reducers.
    Kata.Verdict partition = Katas.find("partitioner").orElseThrow().run(false, SEED, TRIES);
    assertThat(partition.clause()).isEqualTo("mapreduce.partitioner.respected");
    assertThat(partition.message()).contains("hash code -");
    // The seed's Lambda boundary: a click at the batch's latest time, arriving after the batch ran, is lost.
    Kata.Verdict cut = Katas.find("speed-cut").orElseThrow().run(false, SEED, TRIES);
    assertThat(cut.clause()).isEqualTo("lambda.serving.equals-recompute");
    assertThat(cut.minimalInput()).contains("batchRead=1");
  }

  @Test
  void everyKataNamesClausesOfTheCatalogueAndHasAStarterApartFromItsSolution() {
    for (Kata<?, ?> kata : Katas.all()) {
      assertThat(kata.clauses()).as(kata.name()).isNotEmpty().allSatisfy(id -> assertThat(Catalogues.find(id)).as(id).isPresent());
      assertThat(kata.starter().getPackageName()).isEqualTo("org.bigdatalab.guide.exercises");
      assertThat(kata.solution().getPackageName()).isEqualTo("org.bigdatalab.guide.exercises.solutions");
      assertThat(kata.statement()).isNotBlank();
    }
    assertThat(names()).doesNotHaveDuplicates();
  }
}
