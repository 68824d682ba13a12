package org.bigdatalab.suite.matrix;

import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.spi.Engine;

/**
 * The suite tests itself: a deliberately broken engine must make the matching clause fail. A clause
 * that no broken engine can fail has no teeth.
 *
 * <pre>{@code
 * assertThat(SelfTest.statusOf(new DropsLastLineOfSplit(), "mapreduce.splits.exactly-once"))
 *     .isEqualTo(ClauseStatus.FAILED);
 * }</pre>
 */
public final class SelfTest {
  private static final int TRIES = 40;
  private static final int ROUNDS = 5;
  /**
   * System property that overrides {@value #ROUNDS}: {@code -Dbigdatalab.selftest.rounds=1} gives each
   * broken engine a single round, which shows the cases that only some seeds catch (weak clauses to pin).
   */
  public static final String ROUNDS_PROPERTY = "bigdatalab.selftest.rounds";

  private SelfTest() {}

  /** Runs only the given clause's checks against the engine and returns the clause's result. */
  public static ClauseResult run(Engine engine, String clause) {
    ConformanceRunner runner = new ConformanceRunner(TRIES, ConformanceRunner.randomSeed(), false);
    return runner.run(engine, Set.of(clause), c -> {}).find(engine.info().id(), clause).orElseThrow();
  }

  public static ClauseStatus statusOf(Engine engine, String clause) {
    return run(engine, clause).status();
  }

  /**
   * Asserts that the broken engine fails the clause, with a message that names the clause. A bug that
   * only some generated inputs expose may slip through one round of random cases, so the check gets up
   * to {@value #ROUNDS} rounds with fresh seeds; a suite that needs more than that to catch the bug is
   * too weak, and the test says so. Pinned examples catch most broken engines in the first round.
   * The system property {@value #ROUNDS_PROPERTY} sets another number of rounds (at least 1); with 1,
   * a case that fails now and then is one whose clause needs a pinned example.
   */
  public static void assertFails(Engine broken, String clause) {
    int rounds = Math.max(1, Integer.getInteger(ROUNDS_PROPERTY, ROUNDS));
    ClauseResult result = run(broken, clause);
    for (int round = 1; round < rounds && result.status() == ClauseStatus.PASSED; round++) {
      result = run(broken, clause);
    }
    Assertions.assertThat(result.status()).as("%s on %s: %s", clause, broken.info().id(), result.detail())
        .isEqualTo(ClauseStatus.FAILED);
    Assertions.assertThat(result.detail()).as("failure names the clause").contains(clause);
  }

  /** Asserts that the clauses some broken engine fails are exactly all clauses kept by engines of the topic. */
  public static void assertCoversEveryClause(Topic engineTopic, Stream<String> failedClauses) {
    Assertions.assertThat(failedClauses.distinct()).as("clauses with a broken engine that fails them")
        .containsExactlyInAnyOrderElementsOf(
            Catalogues.clausesForEngines(engineTopic).stream().map(Clause::id).toList());
  }
}
