package org.bigdatalab.bench;

import org.bigdatalab.suite.matrix.EngineModules;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * Measures engines that cannot share the lab CLI's class path (Spark, Flink, Kafka Streams) in a
 * JVM of their own: {@link ForkedBenchWorker} with the engine module's class path
 * ({@code target/lab-engine.classpath}, the engine's jars first, so its versions win) followed by
 * the benchmarks module's classes and the few artifacts of {@code target/bench-fork.classpath}
 * (spi, suite, workloads, JMH, HdrHistogram) that the engine does not already bring. The CLI's
 * clashing jars (Jackson 2.20, the unshaded Hadoop of mr-hadoop, the guide's JRuby) never reach it.
 * JMH, run inside that JVM, forks with the same class path. Rows come back as {@link BenchJson}.
 *
 * <p>Engines are found by id: one short {@code list} run per module asks the module's registry which
 * engines it holds (once per lab JVM and build of the module).
 */
public final class ForkedBench {
  /** A built engine module that runs in a JVM of its own, and the engines its registry holds. */
  public record Module(Path classpathFile, List<EngineInfo> engines) {
    public String name() {
      return EngineModules.moduleOf(classpathFile).getFileName().toString();
    }

    public boolean holds(String id) {
      return engines.stream().anyMatch(e -> e.id().equals(id));
    }
  }

  private record Listed(long modified, Module module) {}

  private static final Map<Path, Listed> LISTED = new ConcurrentHashMap<>();
  /** A jar's artifact id: its file name up to the version. */
  private static final Pattern JAR = Pattern.compile("(.+?)-\\d[^/\\\\]*\\.jar");

  private ForkedBench() {}

  /** The forked engine module of a {@code lab-engine.classpath} file, with its engines (asked once per build of the module). */
  public static Module module(Path classpathFile) {
    try {
      long modified = Files.getLastModifiedTime(classpathFile).toMillis();
      Listed listed = LISTED.get(classpathFile);
      if (listed == null || listed.modified() != modified) {
        listed = new Listed(modified, list(classpathFile));
        LISTED.put(classpathFile, listed);
      }
      return listed.module();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the engines of " + classpathFile, e);
    }
  }

  private static Module list(Path classpathFile) throws IOException {
    Path out = Files.createTempFile("bigdatalab-engines", ".tsv");
    try {
      run(classpathFile, List.of("list", out.toString()), 256, line -> {});
      List<EngineInfo> engines = new ArrayList<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        engines.add(EngineInfo.builder(f[1], Topic.byId(f[2])).kind(EngineInfo.Kind.valueOf(f[3])).build());
      }
      return new Module(classpathFile, engines);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * Runs {@code workload}'s {@link EngineBench} for {@code engines} (all held by {@code module}) in the
   * module's JVM and returns its rows; progress lines are passed on as they come. A JVM that fails
   * is reported to {@code progress} with the end of its output, and gives no rows.
   */
  public static List<BenchResult> measure(Module module, String workload, List<String> engines, String size, BenchRunner.Plan plan,
      Consumer<String> progress) {
    progress.accept(workload + " " + size + ": " + engines + " in a JVM of their own (" + module.name() + " module's class path)");
    try {
      Path out = Files.createTempFile(Files.createDirectories(BenchData.dir()), "forked-" + workload, ".json");
      try {
        List<String> args = new ArrayList<>(List.of("measure", out.toString(), workload, size));
        args.addAll(plan.toArgs());
        args.addAll(engines);
        // JMH's forks get their own heap; only an in-process plan (tests) measures in this JVM itself
        run(module.classpathFile(), args, plan.forks() == 0 ? 2048 : 512, progress);
        Rows rows = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .readValue(out.toFile(), Rows.class);
        return rows.results();
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException | IllegalStateException e) {
      progress.accept("no result for " + engines + " (" + workload + ", " + size + "): " + e.getMessage());
      return List.of();
    }
  }

  /** What {@link BenchJson} writes. */
  record Rows(List<BenchResult> results) {}

  private static void run(Path classpathFile, List<String> args, int heapMegabytes, Consumer<String> progress) throws IOException {
    List<String> command = new ArrayList<>(List.of(EngineModules.javaLauncher(), "-Xmx" + heapMegabytes + "m"));
    command.addAll(EngineModules.jvmFlags());
    command.add("-D" + BenchData.DIR_PROPERTY + "=" + BenchData.dir());
    if (Boolean.getBoolean("jmh.ignoreLock")) {
      command.add("-Djmh.ignoreLock=true");
    }
    command.addAll(List.of("-cp", classpath(classpathFile), ForkedBenchWorker.class.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Deque<String> tail = new ArrayDeque<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith(ForkedBenchWorker.PROGRESS)) {
          progress.accept(line.substring(ForkedBenchWorker.PROGRESS.length()));
        } else {
          tail.addLast(line);
          if (tail.size() > 20) {
            tail.removeFirst();
          }
        }
      }
      if (process.waitFor() != 0) {
        throw new IllegalStateException("the benchmark JVM of " + EngineModules.moduleOf(classpathFile) + " failed ("
            + String.join(" ", args.subList(0, Math.min(args.size(), 4))) + "…), its last lines:\n" + String.join("\n", tail));
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the benchmark JVM of " + classpathFile + " ran", e);
    }
  }

  /**
   * The forked JVM's class path: the engine module's (its versions win), then the benchmarks'
   * classes, then each artifact of {@code bench-fork.classpath} that the engine does not bring.
   */
  static String classpath(Path classpathFile) throws IOException {
    List<String> entries = new ArrayList<>(EngineModules.engineClasspath(classpathFile));
    Set<String> present = new HashSet<>();
    entries.forEach(e -> present.add(artifact(e)));
    Path benchClasses = benchClasses();
    Path forkList = benchClasses.getParent().resolve("bench-fork.classpath");
    if (!Files.isRegularFile(forkList)) {
      throw new IllegalStateException("no " + forkList + ": build the benchmarks module (it lists what a forked benchmark JVM needs)");
    }
    entries.add(benchClasses.toString());
    for (String entry : EngineModules.split(Files.readString(forkList))) {
      if (present.add(artifact(entry))) {
        entries.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** Where this module's classes are (target/classes, or its jar). */
  private static Path benchClasses() {
    try {
      return Path.of(ForkedBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmarks' classes", e);
    }
  }

  /** {@code …/jackson-databind-2.18.6.jar} → jackson-databind; {@code …/spec-tests/spi/target/classes} → spi. */
  static String artifact(String entry) {
    Path path = Path.of(entry);
    if (path.endsWith(Path.of("target", "classes"))) {
      return path.getParent().getParent().getFileName().toString();
    }
    String name = path.getFileName().toString();
    Matcher m = JAR.matcher(name);
    return m.matches() ? m.group(1) : name;
  }
}
