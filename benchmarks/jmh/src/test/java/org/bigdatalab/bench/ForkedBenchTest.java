package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.fork.EngineJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

/**
 * The forked benchmark path: an engine that is not on this class path (Spark) measured in a JVM
 * with its module's class path, its rows merged beside the hand-written loop of the same run.
 * Needs the module of engine {@code spark} built ({@code target/lab-engine.classpath}); skipped otherwise.
 * If it fails, check the forked JVM's last lines in the message, then {@link ForkedBench#launch}'s class path.
 */
class ForkedBenchTest {
  /**
   * JMH in-process in each JVM (the forked one runs it itself), no warm-up, one job, and one
   * combination: the variant with the most shuffles, at the most skewed exponent.
   */
  private static final BenchRunner.Plan ONCE = new BenchRunner.Plan(0, 0, 0, 1, 1, Mode.SingleShotTime,
      Map.of("exponent", List.of("1.5"), "aggregation", List.of("groupByKey"), "salted", List.of("true"), "join", List.of("false")));
  private static final Path ROOT = checkout();

  @BeforeAll
  static void allowAnotherJmh() {
    System.setProperty("jmh.ignoreLock", "true"); // a real run elsewhere on the machine must not fail this test
  }

  @Test
  void sparkRunsTheSkewBenchmarkInAJvmOfItsOwnBesideTheSameBaseline() {
    assumeTrue(sparkModule().isPresent(), "skipped: no module holding spark is built under " + ROOT
        + "; build it (./mvnw -pl <module> -am package -DskipTests) to test the forked benchmark path");
    assertThat(EngineRegistry.load().find("spark")).as("spark must not be on the CLI's class path").isEmpty();

    List<String> progress = new ArrayList<>();
    List<BenchResult> rows = BenchRunner.run("skew", List.of("df-parallel", "spark"), "2000", progress::add, ONCE, ROOT);

    assertThat(progress).anyMatch(line -> line.contains("[spark] in a JVM of their own (spark module"));
    assertThat(rows).extracting(BenchResult::engine)
        .containsExactly(BenchRunner.BASELINE, "df-parallel/groupByKey+salted", "spark/groupByKey+salted");
    assertThat(rows).extracting(BenchResult::size).containsOnly("2000-z1.5");
    assertThat(rows).filteredOn(r -> !r.engine().equals(BenchRunner.BASELINE)).allSatisfy(r -> {
      assertThat(r.value()).isPositive();
      assertThat(r.baseline()).isEqualTo(BenchRunner.BASELINE);
      assertThat(r.ratioToBaseline()).isPositive();
      assertThat(r.maxTaskShare()).isNotNull().isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
      assertThat(r.startupMs()).isNotNull().isPositive();
      // both engines time their tasks on both clocks, and the times cross the fork with the rows
      assertThat(r.maxTaskMs()).isNotNull().isNotNegative();
      assertThat(r.maxTaskCpuMs()).isNotNull().isNotNegative();
    });
    assertThat(BenchTable.format(rows)).contains("df-parallel vs spark/groupByKey+salted", "start-up");
  }

  @Test
  void forkedClasspathPutsTheEnginesJarsFirstAndLeavesTheClisClashingJarsOut() throws Exception {
    assumeTrue(sparkModule().isPresent(), "skipped: no module holding spark is built under " + ROOT);

    List<String> entries = EngineJvm.split(ForkedBench.launch(sparkModule().get()).classpath());

    assertThat(entries.get(0)).isEqualTo(sparkModule().get().dir().resolve("target/classes").toString());
    assertThat(entries).filteredOn(e -> EngineJvm.artifact(e).equals("jackson-databind")).singleElement()
        .satisfies(e -> assertThat(e).contains("2.18"));
    assertThat(entries).noneMatch(e -> e.contains("hadoop-client-minicluster") || e.contains("jruby") || e.contains("picocli"));
    assertThat(entries).anyMatch(e -> EngineJvm.artifact(e).equals("jmh-core"))
        .anyMatch(e -> EngineJvm.artifact(e).equals("workloads"));
    for (String once : List.of("spi", "suite", "workloads", "jmh-core", "commons-math3", "jackson-core")) {
      assertThat(entries).as(once + " once, the engine's if it has one").filteredOn(e -> EngineJvm.artifact(e).equals(once)).hasSize(1);
    }
  }

  @Test
  void rowsWrittenWithoutALibraryReadBackAsTheStableJson() throws Exception {
    List<BenchResult> rows = List.of(
        new BenchResult("skew", "spark+salted", "1M-z1.5", 2, "records/s", 1.234e7, null, 0, null, null, 0.125, 7400.0,
            25.0, 12.5, 20.0, null),
        new BenchResult("wordcount", "mr \"quoted\"\\", "4MB", 1, "MB/s", 12.5, BenchRunner.BASELINE, 1.0, 3.0, 9.5));
    String json = BenchJson.write(rows);
    ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    assertThat(mapper.readValue(json, ForkedBench.Rows.class).results()).isEqualTo(rows);
    assertThat(mapper.readTree(json).get("results").get(0).fieldNames()).toIterable().containsExactly("workload", "engine", "size",
        "threads", "metric", "value", "baseline", "ratio_to_baseline", "p50_ms", "p99_ms", "max_task_share", "startup_ms",
        "max_task_ms", "max_task_cpu_ms", "max_shuffled_task_ms", "max_shuffled_task_cpu_ms");
    assertThat(mapper.readTree(mapper.writeValueAsString(Map.of("results", rows)))).isEqualTo(mapper.readTree(json));
  }

  @Test
  void aPlanCrossesToTheForkedJvmUnchanged() {
    BenchRunner.Plan narrowed = new BenchRunner.Plan(1, 2, 0, 3, 4, Mode.AverageTime,
        Map.of("exponent", List.of("0", "1.5"), "salted", List.of("true")));
    BenchRunner.Plan plain = new BenchRunner.Plan(0, 0, 0, 1, 1, Mode.SingleShotTime);

    assertThat(BenchRunner.Plan.parse(narrowed.toArgs())).isEqualTo(narrowed);
    assertThat(BenchRunner.Plan.parse(plain.toArgs())).isEqualTo(plain);
    assertThat(narrowed.toArgs()).hasSize(BenchRunner.Plan.ARGS);
  }

  private static java.util.Optional<EngineJvm.Module> sparkModule() {
    return EngineJvm.modules(ROOT).stream().filter(m -> m.holds("spark")).findFirst();
  }

  /** The checkout: the nearest directory upwards holding mvnw (Maven runs the tests in benchmarks/jmh/). */
  private static Path checkout() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir.getParent() != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
