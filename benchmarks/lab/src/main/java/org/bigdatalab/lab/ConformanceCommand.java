package org.bigdatalab.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.spi.fork.EngineJvm;
import org.bigdatalab.suite.matrix.ConformanceRunner;
import org.bigdatalab.suite.matrix.Matrix;
import org.bigdatalab.suite.matrix.MatrixWorker;
import org.bigdatalab.suite.matrix.Suites;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab conformance}: runs the spec's suites on engines and prints the engine x clause matrix. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = "Run the spec's suites against engines; print the engine x clause matrix; write JSON and HTML.")
final class ConformanceCommand implements Callable<Integer> {

  @Option(names = "--topic", description = "Only this topic (e.g. mapreduce).")
  String topic;

  @Option(names = "--engine", description = "Only these engines (repeatable), by id.")
  List<String> engines = new ArrayList<>();

  @Option(names = "--engine-opt", description = "Engine option key=value (repeatable), e.g. fs.defaultFS=hdfs://nn:8020.")
  List<String> engineOptions = new ArrayList<>();

  @Option(names = "--tries", defaultValue = "60", description = "Generated cases per property (default ${DEFAULT-VALUE}).")
  int tries = 60;

  @Option(names = "--real-tries", defaultValue = "8",
      description = "Generated cases per property on real engines, whose every job starts a real job (default ${DEFAULT-VALUE}).")
  int realTries = 8;

  @Option(names = "--cluster-tries", defaultValue = "2",
      description = "Generated cases per property on cluster rows (engine@deployment: a cluster of processes on this machine,"
          + " some started per case) (default ${DEFAULT-VALUE}).")
  int clusterTries = 2;

  @Option(names = "--cluster", negatable = true, defaultValue = "false", fallbackValue = "true",
      description = "Also run the cluster rows (engine@deployment), each starting a cluster of processes on this machine:"
          + " several minutes more. Default: off, unless --engine names one.")
  boolean cluster;

  @Option(names = "--seed", description = "The seed every property draws its cases from (default: a fresh one, "
      + "printed in the JSON); the same seed replays the same cases.")
  Long seed;

  @Option(names = "--fork", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also run engines of modules that need their own JVM (Spark, Kafka Streams), if built. Default: on.")
  boolean fork = true;

  @Option(names = "--forks", defaultValue = "0",
      description = "How many engine modules' JVMs run at once (default: 2 where cores and free memory allow, else 1).")
  int forks;

  @Option(names = "--json", description = "Where to write the JSON (default <report>/conformance.json).")
  Path json;

  @Option(names = "--report", defaultValue = "target/lab-report", description = "Report directory (default ${DEFAULT-VALUE}).")
  Path reportDir = Path.of("target/lab-report");

  @Override
  public Integer call() throws Exception {
    Matrix matrix = run();
    return matrix.conforms() ? 0 : 1;
  }

  /** Runs and reports; returns the matrix so the tour can link it. */
  Matrix run() throws Exception {
    EngineRegistry registry = EngineRegistry.load();
    List<EngineInfo> chosen = new ArrayList<>(choose(registry));
    int checks = chosen.stream().mapToInt(e -> clauseCount(e)).sum();
    Progress progress = new Progress(System.out, "conformance", Math.max(1, checks));
    long runSeed = seed != null ? seed : ConformanceRunner.randomSeed();
    List<Matrix> parts = new ArrayList<>();
    for (EngineInfo info : chosen) {
      int engineTries = ConformanceRunner.triesFor(info, tries, realTries, clusterTries);
      ConformanceRunner runner = new ConformanceRunner(engineTries, runSeed, true);
      try (Engine engine = registry.provider(info.id()).create(EngineOptions.parse(engineOptions))) {
        Set<String> seen = new java.util.HashSet<>();
        parts.add(runner.run(engine, Set.of(), clause -> {
          if (seen.add(clause)) {
            progress.step(info.id() + " " + clause);
          }
        }));
        for (int i = seen.size(); i < clauseCount(info); i++) {
          progress.step(info.id());
        }
      }
    }
    if (fork) {
      runForked(registry, chosen, parts, runSeed);
    }
    List<String> unknown = engines.stream().filter(id -> chosen.stream().noneMatch(e -> e.id().equals(id))).toList();
    if (chosen.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException("no engine " + unknown.stream().map(id -> "'" + id + "'").toList()
          + " matches; on the class path: " + registry.engines().stream().map(EngineInfo::id).toList()
          + (fork ? " and in forked engine modules" : ""));
    }
    Matrix matrix = Matrix.merge(parts);
    MatrixReport report = new MatrixReport(matrix, chosen, tries, Math.min(tries, realTries), Math.min(tries, clusterTries));
    System.out.println();
    report.printTable(System.out);
    Path jsonFile = json != null ? json : reportDir.resolve("conformance.json");
    report.writeJson(jsonFile);
    if (!jsonFile.toAbsolutePath().equals(reportDir.resolve("conformance.json").toAbsolutePath())) {
      report.writeJson(reportDir.resolve("conformance.json")); // the pages are drawn from the report directory's copy
    }
    ReportSite.write(reportDir);
    System.out.println("matrix: " + reportDir.resolve("conformance.html").toAbsolutePath()
        + "  json: " + jsonFile.toAbsolutePath());
    return matrix;
  }

  /** Engines whose dependencies clash with the CLI's (Spark, Kafka Streams) run in JVMs of their own. */
  private void runForked(EngineRegistry registry, List<EngineInfo> chosen, List<Matrix> parts, long runSeed)
      throws Exception {
    Topic only = topic == null ? null : Topic.byId(topic).engineTopic();
    List<EngineJvm.Module> wanted = EngineJvm.modulesBeyond(registry, EngineJvm.root()).stream()
        .filter(m -> m.engines().stream().anyMatch(e -> (only == null || e.topic() == only) && asked(e)))
        .toList(); // a module with nothing asked for starts no JVM
    int parallel = ForkParallelism.of(forks, wanted.size());
    if (wanted.size() > 1) {
      System.out.println("conformance: " + wanted.size() + " engine modules in JVMs of their own, " + parallel + " at a time");
    }
    // Each module skips the engines of the CLI and of the modules before it, as if they ran one after another.
    List<String> skip = new ArrayList<>(registry.engines().stream().map(EngineInfo::id).toList());
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<MatrixWorker.Answer>> answers = new ArrayList<>();
      for (EngineJvm.Module module : wanted) {
        List<String> skipHere = new ArrayList<>(skip);
        module.engines().stream().filter(e -> !asked(e)).forEach(e -> skipHere.add(e.id()));
        // only the module's own engines: its class path also holds those of the modules it builds on (lambda-spark has spark-streaming)
        List<String> own = module.engines().stream().filter(this::asked).map(EngineInfo::id).toList();
        answers.add(pool.submit(() -> {
          long started = System.nanoTime();
          MatrixWorker.Answer part = ForkedMatrix.run(module, tries, realTries, clusterTries, only == null ? null : only.id(), own, skipHere,
              engineOptions, runSeed);
          System.out.printf("conformance: %s module done in %s%n", module.name(), Progress.duration((System.nanoTime() - started) / 1e9));
          return part;
        }));
        module.engines().forEach(e -> skip.add(e.id()));
      }
      for (Future<MatrixWorker.Answer> answer : answers) {
        MatrixWorker.Answer part;
        try {
          part = answer.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
        chosen.addAll(part.engines());
        parts.add(new Matrix(part.results()));
      }
    } finally {
      pool.shutdownNow();
    }
  }


  /** Named with --engine, or none named and not a cluster row left out by default. */
  private boolean asked(EngineInfo e) {
    return engines.isEmpty() ? cluster || !e.onCluster() : engines.contains(e.id());
  }

  private static int clauseCount(EngineInfo engine) {
    List<Topic> topics = Suites.topicsFor(engine.topic());
    return (int) Catalogues.clausesForEngines(engine.topic()).stream().filter(c -> topics.contains(c.topic())).count();
  }

  private List<EngineInfo> choose(EngineRegistry registry) {
    Topic only = topic == null ? null : Topic.byId(topic).engineTopic();
    return registry.engines().stream()
        .filter(e -> e.kind() != EngineInfo.Kind.BROKEN)
        .filter(e -> only == null || e.topic() == only)
        .filter(this::asked)
        .filter(e -> !Suites.topicsFor(e.topic()).isEmpty())
        .toList();
  }
}
