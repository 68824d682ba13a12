package org.bigdatalab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * Measures engines that cannot share the lab CLI's class path (Spark, Flink, Kafka Streams) in a
 * JVM of their own ({@link EngineJvm}): {@link ForkedBenchWorker} with the engine module's class
 * path (its versions win), then the benchmarks' classes and the few artifacts of
 * {@code target/bench-fork.classpath} (spi, suite, workloads, JMH, HdrHistogram) that the engine
 * does not already bring. The CLI's clashing jars (Jackson 2.20, the unshaded Hadoop of mr-hadoop,
 * the guide's JRuby) never reach it. JMH, run inside that JVM, forks with the same class path.
 * Rows come back as {@link BenchJson}.
 */
public final class ForkedBench {
  private ForkedBench() {}

  /**
   * Runs {@code workload}'s {@link EngineBench} for {@code engines} (all held by {@code module}) in the
   * module's JVM and returns its rows; progress lines are passed on as they come. A JVM that fails
   * is reported to {@code progress} with the end of its output, and gives no rows.
   */
  public static List<BenchResult> measure(EngineJvm.Module module, String workload, List<String> engines, String size,
      BenchRunner.Plan plan, Consumer<String> progress) {
    progress.accept(workload + " " + size + ": " + engines + " in a JVM of their own (" + module.name() + " module's class path)");
    try {
      List<String> args = new ArrayList<>(List.of(workload, size));
      args.addAll(plan.toArgs());
      args.addAll(engines);
      String json = launch(module).heapMegabytes(plan.forks() == 0 ? 2048 : 512).call(args, progress);
      Rows rows = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).readValue(json, Rows.class);
      return rows.results();
    } catch (IOException | IllegalStateException e) {
      progress.accept("no result for " + engines + " (" + workload + ", " + size + "): " + e.getMessage());
      return List.of();
    }
  }

  /** What {@link BenchJson} writes. */
  record Rows(List<BenchResult> results) {}

  /**
   * The worker's JVM (JMH's forks get their own heap, so {@code measure} gives it little unless the
   * plan measures in-process, as tests do); it shares the data directory, and a test's permission to
   * run beside another JMH.
   */
  static EngineJvm.Launch launch(EngineJvm.Module module) throws IOException {
    EngineJvm.Launch launch = EngineJvm.launch(module, ForkedBenchWorker.class.getName())
        .purpose("the benchmark").jvmArg("-D" + BenchData.DIR_PROPERTY + "=" + BenchData.dir()).classpathAfter(benchClasspath());
    return Boolean.getBoolean("jmh.ignoreLock") ? launch.jvmArg("-Djmh.ignoreLock=true") : launch;
  }

  /**
   * The benchmarks' classes and what they need besides an engine ({@code bench-fork.classpath}, written
   * beside them): the spec's jobs and workloads, for any child JVM that runs them on a forked engine
   * ({@code lab run} on spark or flink too).
   */
  public static List<String> benchClasspath() throws IOException {
    Path benchClasses = Path.of(EngineJvm.locationOf(ForkedBench.class));
    Path forkList = benchClasses.getParent().resolve("bench-fork.classpath");
    if (!Files.isRegularFile(forkList)) {
      throw new IllegalStateException("no " + forkList + ": build benchmarks/jmh (it lists what a forked benchmark JVM needs)");
    }
    List<String> entries = new ArrayList<>(List.of(benchClasses.toString()));
    entries.addAll(EngineJvm.split(Files.readString(forkList)));
    return entries;
  }
}
