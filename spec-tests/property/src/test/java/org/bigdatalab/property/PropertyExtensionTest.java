package org.bigdatalab.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs fixture properties through the JUnit Platform, as Surefire and the matrix do, and reads what they report. */
class PropertyExtensionTest {

  /** Fixtures; Surefire skips nested classes, so they run only from here. */
  static class Fixtures {
    @Property(tries = 7)
    void fixedTries(@ForAll int any) {}

    @Property
    void configuredTries(@ForAll @IntRange(min = 1, max = 5) int small, @ForAll boolean flag) {}

    @Property(tries = 30)
    void evenOnly(@ForAll @IntRange(max = 100) int n) {
      Assume.that(n % 2 == 0);
      assertThat(n % 2).isZero();
    }

    @Property(tries = 500)
    void failsAboveTen(@ForAll @Size(max = 20) List<@IntRange(max = 1000) Integer> values, @ForAll("words") String word) {
      assertThat(values.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(10);
    }

    @Property(tries = 500)
    void crashes(@ForAll @IntRange(max = 1000) int n) {
      if (n > 500) {
        throw new IllegalStateException("crash on " + n);
      }
    }

    @Provide
    Arbitrary<String> words() {
      return Arbitraries.of("a", "bb", "line\nbreak");
    }
  }

  @PropertyDefaults(tries = 4, triesProperty = "property.test.tries")
  static class Defaults {
    @Property
    void takesTheClassDefault(@ForAll int any) {}

    @Property(tries = 2)
    void keepsItsOwn(@ForAll int any) {}
  }

  static class Defaulted extends Defaults {}

  /** What one run of a fixture method reported. */
  record Run(Map<String, String> entries, TestExecutionResult result) {}

  static Run run(Class<?> type, String method, Map<String, String> config) {
    Map<String, String> entries = new HashMap<>();
    List<TestExecutionResult> results = new ArrayList<>();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(type, java.util.Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(method))
            .findFirst().orElseGet(() -> declared(type, method)))).configurationParameters(config).build(),
        new TestExecutionListener() {
          @Override
          public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            entries.putAll(entry.getKeyValuePairs());
          }

          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
              results.add(result);
            }
          }
        });
    assertThat(results).as("runs of %s", method).hasSize(1);
    return new Run(entries, results.get(0));
  }

  private static java.lang.reflect.Method declared(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name)) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void aPropertyRunsItsOwnTriesAndReportsThemWithTheSeed() {
    Run run = run(Fixtures.class, "fixedTries", Map.of(PropertyExtension.SEED, "123"));
    assertThat(run.result().getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(run.entries()).containsEntry(PropertyExtension.CASES, "7").containsEntry(PropertyExtension.SEED, "123");
  }

  @Test
  void theBuildsTriesApplyWhereThePropertyFixesNone() {
    Run run = run(Fixtures.class, "configuredTries", Map.of(PropertyExtension.TRIES, "13"));
    assertThat(run.entries()).containsEntry(PropertyExtension.CASES, "13");
  }

  @Test
  void classDefaultsApplyToInheritedPropertiesAndASystemPropertyRaisesThem() {
    assertThat(run(Defaulted.class, "takesTheClassDefault", Map.of()).entries()).containsEntry(PropertyExtension.CASES, "4");
    assertThat(run(Defaulted.class, "keepsItsOwn", Map.of()).entries()).containsEntry(PropertyExtension.CASES, "2");
    System.setProperty("property.test.tries", "9");
    try {
      assertThat(run(Defaulted.class, "takesTheClassDefault", Map.of()).entries())
          .containsEntry(PropertyExtension.CASES, "9");
    } finally {
      System.clearProperty("property.test.tries");
    }
  }

  @Test
  void aCeilingBoundsClassDefaultsAndFixedTriesButRaisesNothing() {
    Map<String, String> ceiling = Map.of(PropertyExtension.MAX_TRIES, "3");
    assertThat(run(Defaulted.class, "takesTheClassDefault", ceiling).entries()).containsEntry(PropertyExtension.CASES, "3");
    assertThat(run(Fixtures.class, "fixedTries", ceiling).entries()).containsEntry(PropertyExtension.CASES, "3");
    assertThat(run(Defaulted.class, "keepsItsOwn", ceiling).entries()).containsEntry(PropertyExtension.CASES, "2");
  }

  @Test
  void abandonedCasesDoNotCount() {
    Run run = run(Fixtures.class, "evenOnly", Map.of());
    assertThat(run.result().getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(run.entries()).containsEntry(PropertyExtension.CASES, "30");
  }

  @Test
  void aFailureIsShrunkAndNamesItsSeedAndMinimalInput() {
    Run run = run(Fixtures.class, "failsAboveTen", Map.of(PropertyExtension.SEED, "2026"));
    Throwable thrown = run.result().getThrowable().orElseThrow();
    assertThat(thrown).isInstanceOf(PropertyFailure.Falsified.class).isInstanceOf(AssertionError.class)
        .hasMessageContaining("seed 2026").hasMessageContaining("-Dbigdatalab.seed=2026")
        .hasMessageContaining("minimal input").hasMessageContaining("values = [11], word = \"a\"");
    assertThat(((PropertyFailure) thrown).minimalInput()).isEqualTo("values = [11], word = \"a\"");
  }

  @Test
  void theSameSeedReplaysTheSameFailure() {
    Map<String, String> seed = Map.of(PropertyExtension.SEED, "77");
    String first = run(Fixtures.class, "failsAboveTen", seed).result().getThrowable().orElseThrow().getMessage();
    String again = run(Fixtures.class, "failsAboveTen", seed).result().getThrowable().orElseThrow().getMessage();
    assertThat(again).isEqualTo(first);
  }

  @Test
  void aCrashStaysACrash() {
    Throwable thrown = run(Fixtures.class, "crashes", Map.of()).result().getThrowable().orElseThrow();
    assertThat(thrown).isInstanceOf(PropertyFailure.Crashed.class).isNotInstanceOf(AssertionError.class)
        .hasMessageContaining("n = 501").hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSpentTimeBudgetStopsGenerationAndSaysSo() {
    PropertyRunner.Result<Integer> result = PropertyRunner.run(new PropertyRunner.Settings(1000, 5, -1, true, 0),
        new PropertyRunner.Body<>() {
          @Override
          public Integer draw(Source source) {
            return Arbitraries.integers().generate(source);
          }

          @Override
          public void check(Integer input) {}
        });
    assertThat(result.budgetSpent()).isTrue();
    assertThat(result.cases()).isZero();
    assertThat(result.passed()).isTrue();
  }
}
