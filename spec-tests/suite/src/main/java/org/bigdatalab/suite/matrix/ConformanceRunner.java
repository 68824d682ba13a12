package org.bigdatalab.suite.matrix;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.property.PropertyExtension;
import org.bigdatalab.suite.ConformanceSuite;
import org.bigdatalab.suite.EngineUnderTest;
import org.bigdatalab.suite.Verifies;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a topic's suite against one engine through the JUnit Platform Launcher and maps every test
 * to its clause. This is the only way the matrix is made: from real runs, never by hand. The same
 * runner is the suite's self-test harness (see {@link SelfTest}).
 */
public final class ConformanceRunner {
  /**
   * The key of a report entry in which a check says what it measured besides pass or fail (the CAP
   * spec's anomaly counts); the matrix appends it to the clause's detail.
   */
  public static final String MEASURED = "measured";

  private final int tries;
  private final long seed;
  private final boolean shrink;

  /**
   * @param tries  generated cases per property
   * @param seed   the seed every property of the run draws from (see {@link #randomSeed()})
   * @param shrink whether a failure is shrunk to a minimal input (slower, clearer report)
   */
  public ConformanceRunner(int tries, long seed, boolean shrink) {
    this.tries = tries;
    this.seed = seed;
    this.shrink = shrink;
  }

  /**
   * The cases per property an engine gets in a run of {@code tries}: a real engine at most
   * {@code realTries} (each case starts real jobs), a cluster row ({@code engine@deployment}) at most
   * {@code clusterTries} (each case a job across processes, some rows a cluster start).
   */
  public static int triesFor(EngineInfo info, int tries, int realTries, int clusterTries) {
    if (info.onCluster()) {
      return Math.min(tries, clusterTries);
    }
    return info.kind() == EngineInfo.Kind.REAL ? Math.min(tries, realTries) : tries;
  }

  /** A fresh seed for a run nobody asked to replay. */
  public static long randomSeed() {
    return java.util.concurrent.ThreadLocalRandom.current().nextLong();
  }

  /** Runs every clause of the engine's topic. */
  public Matrix run(Engine engine) {
    return run(engine, Set.of(), progress -> {});
  }

  /**
   * Runs the checks of the given clauses (all of the topic's when empty) and reports each finished
   * check to {@code progress}.
   */
  public Matrix run(Engine engine, Set<String> onlyClauses, Consumer<String> progress) {
    EngineInfo info = engine.info();
    List<Topic> topics = Suites.topicsFor(info.topic());
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("no suite for " + info.topic().id() + " engines yet");
    }
    List<Clause> clauses = Catalogues.clausesForEngines(info.topic()).stream()
        .filter(c -> topics.contains(c.topic()))
        .filter(c -> onlyClauses.isEmpty() || onlyClauses.contains(c.id())).toList();
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    clauses.forEach(c -> outcomes.put(c.id(), new Outcome()));

    List<DiscoverySelector> selectors = new ArrayList<>();
    for (Topic topic : topics) {
      Class<? extends ConformanceSuite<?>> suite = Suites.selectedSuite(topic).orElseThrow();
      if (onlyClauses.isEmpty()) {
        selectors.add(selectClass(suite));
        continue;
      }
      for (Method m : SuiteLint.checks(suite)) {
        if (onlyClauses.contains(m.getAnnotation(Verifies.class).value())) {
          selectors.add(selectMethod(suite, m));
        }
      }
    }
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
    if (info.kind() == EngineInfo.Kind.REAL) {
      // a real engine's cases cost real time: the run's tries bound every property, class defaults
      // included (CapSpec's 1,000 simulated schedules would be 1,000 ZooKeeper ensembles)
      builder.configurationParameter(PropertyExtension.MAX_TRIES, Integer.toString(tries));
    }
    LauncherDiscoveryRequest request = builder
        .selectors(selectors)
        .configurationParameter(PropertyExtension.TRIES, Integer.toString(tries))
        .configurationParameter(PropertyExtension.SEED, Long.toString(seed))
        .configurationParameter(PropertyExtension.SHRINK, Boolean.toString(shrink))
        .configurationParameter(PropertyExtension.SHRINK_SECONDS, "5")
        .build();

    EngineUnderTest.lend(engine);
    try {
      LauncherFactory.create().execute(request, new Listener(outcomes, progress));
    } finally {
      EngineUnderTest.takeBack();
    }

    List<ClauseResult> results = new ArrayList<>();
    outcomes.forEach((clause, outcome) -> {
      String unsupported = info.unsupported().get(clause);
      results.add(unsupported != null
          ? new ClauseResult(info.id(), clause, ClauseStatus.UNSUPPORTED, unsupported, 0, seed)
          : outcome.result(info.id(), clause, seed));
    });
    return new Matrix(results);
  }

  /** What the checks of one clause came to. */
  private static final class Outcome {
    private ClauseStatus status;
    private int passed;
    private int cases;
    private boolean budgetSpent;
    private String detail;
    private final List<String> measured = new ArrayList<>();

    void record(ClauseStatus s, String why) {
      if (s == ClauseStatus.PASSED) {
        passed++;
      }
      if (status == null || status.worse(s) != status) {
        detail = why;
      }
      status = status == null ? s : status.worse(s);
    }

    ClauseResult result(String engine, String clause, long seed) {
      if (status == null) {
        return new ClauseResult(engine, clause, ClauseStatus.ERROR, "no check of this clause ran", 0, seed);
      }
      String why = status == ClauseStatus.PASSED
          ? passed + " check(s) passed, " + cases + " case(s)" + (budgetSpent ? "; a time budget cut generation short" : "")
              + (measured.isEmpty() ? "" : "; measured: " + String.join("; ", measured))
          : detail;
      return new ClauseResult(engine, clause, status, why, cases, seed);
    }
  }

  private static final class Listener implements TestExecutionListener {
    private final Map<String, Outcome> outcomes;
    private final Consumer<String> progress;

    Listener(Map<String, Outcome> outcomes, Consumer<String> progress) {
      this.outcomes = outcomes;
      this.progress = progress;
    }

    /** A property reports how many cases it ran; a pinned example is one case. */
    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
      String measured = entry.getKeyValuePairs().get(MEASURED);
      if (measured != null) {
        clauseOf(test).ifPresent(c -> outcomes.get(c).measured.add(measured));
      }
      String cases = entry.getKeyValuePairs().get(PropertyExtension.CASES);
      if (cases != null) {
        clauseOf(test).ifPresent(c -> {
          Outcome outcome = outcomes.get(c);
          outcome.cases += Integer.parseInt(cases) - 1;
          outcome.budgetSpent |= Boolean.parseBoolean(entry.getKeyValuePairs().get(PropertyExtension.BUDGET_SPENT));
        });
      }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
      clauseOf(test).ifPresent(c -> outcomes.get(c).record(ClauseStatus.UNSUPPORTED, reason));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      clauseOf(test).ifPresent(clause -> {
        Throwable t = result.getThrowable().orElse(null);
        ClauseStatus status = switch (result.getStatus()) {
          case SUCCESSFUL -> ClauseStatus.PASSED;
          case ABORTED -> ClauseStatus.UNSUPPORTED;
          case FAILED -> t instanceof AssertionError ? ClauseStatus.FAILED : ClauseStatus.ERROR;
        };
        Outcome outcome = outcomes.get(clause);
        outcome.cases++;
        outcome.record(status, t == null ? result.getStatus().toString() : firstLine(t));
        progress.accept(clause);
      });
    }

    private java.util.Optional<String> clauseOf(TestIdentifier test) {
      if (!test.isTest() || test.getSource().isEmpty() || !(test.getSource().get() instanceof MethodSource source)) {
        return java.util.Optional.empty();
      }
      Verifies verifies = source.getJavaMethod().getAnnotation(Verifies.class);
      return verifies == null || !outcomes.containsKey(verifies.value())
          ? java.util.Optional.empty() : java.util.Optional.of(verifies.value());
    }

    /** The failure message on one line (expected and actual included), capped for the report. */
    private static String firstLine(Throwable t) {
      String line = String.valueOf(t.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
      // The head names clause, engine and seed; the tail is what the check threw (a long minimal
      // input, such as a fault schedule, sits between them): keep both ends.
      return line.length() > 1000 ? line.substring(0, 400) + " … " + line.substring(line.length() - 600) : line;
    }
  }
}
