package org.bigdatalab.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  /** The full run's bounds, {@code ./lab conformance}'s defaults; the tour runs fewer ({@link Lab}). */
  static final int FULL_TRIES = 60;
  static final int FULL_REAL_TRIES = 8;

  @Option(names = "--topic", description = "Only this topic (e.g. mapreduce).")
  String topic;

  @Option(names = "--engine", description = "Only these engines (repeatable), by id.")
  List<String> engines = new ArrayList<>();

  @Option(names = "--engine-opt", description = "Engine option key=value (repeatable), e.g. fs.defaultFS=hdfs://nn:8020.")
  List<String> engineOptions = new ArrayList<>();

  @Option(names = "--tries", defaultValue = "" + FULL_TRIES, description = "Generated cases per property (default ${DEFAULT-VALUE}).")
  int tries = FULL_TRIES;

  @Option(names = "--real-tries", defaultValue = "" + FULL_REAL_TRIES,
      description = "Generated cases per property on real engines, whose every job starts a real job (default ${DEFAULT-VALUE}).")
  int realTries = FULL_REAL_TRIES;

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

  /** The key under which the engines of this JVM are planned as one unit (their times are kept one by one). */
  private static final String IN_HERE = "engines in the lab's JVM";

  /** Which run this is, written in the JSON so the page can say so: {@code conformance}, or {@code tour} (bounded). */
  String run = "conformance";

  /**
   * Options for one engine only, by id, given before the {@code --engine-opt} ones (which win): how the tour bounds a real
   * engine's work within a case, as the tries bound the cases (its page states each, {@link MatrixReport#tourBounds}).
   */
  Map<String, List<String>> optionsOf = Map.of();

  @Override
  public Integer call() throws Exception {
    Matrix matrix = run(new Eta(), RunTimes.read(reportDir));
    return matrix.conforms() ? 0 : 1;
  }

  /**
   * Runs and reports; returns the matrix so the tour can link it. Adds its stages to {@code eta} (the tour's
   * later phases may be there already) and records each engine's and module's time in {@code times}.
   */
  Matrix run(Eta eta, RunTimes times) throws Exception {
    EngineRegistry registry = EngineRegistry.load();
    List<EngineInfo> chosen = new ArrayList<>(choose(registry));
    List<EngineJvm.Module> modules = fork ? forkedModules(registry) : List.of();
    // The engines of this JVM count as one more unit: with one module, it and they run side by side.
    int parallel = ForkParallelism.of(forks, modules.size() + (chosen.isEmpty() ? 0 : 1));
    // The engines in this JVM (one after another, as one unit) and the forked modules share the slots, longest
    // first by the last run's times: of two at a time, the longest started last would run alone at the end.
    double inHere = chosen.stream().mapToDouble(e -> times.get(engineKey(e),
        e.kind() == EngineInfo.Kind.REAL ? RunTimes.GUESS_REAL_ENGINE : RunTimes.GUESS_REFERENCE_ENGINE)).sum();
    List<Eta.Unit> units = new ArrayList<>(modules.stream().map(m -> new Eta.Unit(moduleKey(m), times.get(moduleKey(m),
        RunTimes.GUESS_MODULE))).toList());
    if (!chosen.isEmpty()) {
      units.add(new Eta.Unit(IN_HERE, inHere));
    }
    units = Eta.longestFirst(units, Eta.Unit::estimate);
    eta.stage(parallel, units);
    int checks = chosen.stream().mapToInt(e -> clauseCount(e)).sum()
        + modules.stream().flatMap(m -> m.engines().stream()).filter(this::asked).mapToInt(e -> clauseCount(e)).sum();
    Progress progress = new Progress(System.out, "conformance", Math.max(1, checks), eta);
    long runSeed = seed != null ? seed : ConformanceRunner.randomSeed();
    if (modules.size() > 1) {
      System.out.println("conformance: " + modules.size() + " engine modules in JVMs of their own and " + chosen.size()
          + " engines here, " + parallel + " at a time, longest first by the last run's times");
    }
    List<Matrix> here = new ArrayList<>();
    Map<String, MatrixWorker.Answer> forked = new java.util.concurrent.ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Eta.Unit unit : units) {
        if (unit.key().equals(IN_HERE)) {
          done.add(pool.submit(() -> {
            eta.start(IN_HERE);
            here.addAll(runHere(registry, chosen, runSeed, progress, eta, times));
            eta.finish(IN_HERE);
            return null;
          }));
        } else {
          EngineJvm.Module module = modules.stream().filter(m -> moduleKey(m).equals(unit.key())).findFirst().orElseThrow();
          done.add(pool.submit(() -> {
            forked.put(module.name(), runForked(registry, module, modules, runSeed, progress, eta, times));
            return null;
          }));
        }
      }
      for (Future<?> unit : done) {
        try {
          unit.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<Matrix> parts = new ArrayList<>(here);
    for (EngineJvm.Module module : modules) {   // the matrix's columns in the modules' order, whichever ended first
      MatrixWorker.Answer part = forked.get(module.name());
      chosen.addAll(part.engines());
      parts.add(new Matrix(part.results()));
    }
    List<String> unknown = engines.stream().filter(id -> chosen.stream().noneMatch(e -> e.id().equals(id))).toList();
    if (chosen.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException("no engine " + unknown.stream().map(id -> "'" + id + "'").toList()
          + " matches; on the class path: " + registry.engines().stream().map(EngineInfo::id).toList()
          + (fork ? " and in forked engine modules" : ""));
    }
    Matrix matrix = Matrix.merge(parts);
    times.write(reportDir);
    MatrixReport report = new MatrixReport(matrix, chosen, tries, Math.min(tries, realTries), Math.min(tries, clusterTries), run);
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

  /** The modules of engines that need a JVM of their own and were asked for: a module with nothing asked for starts no JVM. */
  private List<EngineJvm.Module> forkedModules(EngineRegistry registry) throws Exception {
    Topic only = topic == null ? null : Topic.byId(topic).engineTopic();
    return EngineJvm.modulesBeyond(registry, EngineJvm.root()).stream()
        .filter(m -> m.engines().stream().anyMatch(e -> (only == null || e.topic() == only) && asked(e)))
        .toList();
  }

  private String engineKey(EngineInfo engine) {
    return RunTimes.matrixKey("engine", engine.id(), tries, Math.min(tries, realTries));
  }

  private String moduleKey(EngineJvm.Module module) {
    return RunTimes.matrixKey("module", module.name(), tries, Math.min(tries, realTries));
  }

  /** The engines that share this JVM's class path, one after another; each one's time is kept for the next run's plan. */
  private List<Matrix> runHere(EngineRegistry registry, List<EngineInfo> chosen, long runSeed, Progress progress, Eta eta,
      RunTimes times) throws Exception {
    List<Matrix> parts = new ArrayList<>();
    for (EngineInfo info : chosen) {
      int engineTries = ConformanceRunner.triesFor(info, tries, realTries, clusterTries);
      ConformanceRunner runner = new ConformanceRunner(engineTries, runSeed, true);
      long started = System.nanoTime();
      try (Engine engine = registry.provider(info.id()).create(EngineOptions.parse(optionsFor(List.of(info.id()))))) {
        Set<String> seen = new java.util.HashSet<>();
        parts.add(runner.run(engine, Set.of(), clause -> {
          if (seen.add(clause)) {
            progress.step(info.id() + " " + clause);
          }
        }));
        times.put(engineKey(info), (System.nanoTime() - started) / 1e9);
        for (int i = seen.size(); i < clauseCount(info); i++) {
          progress.step(info.id());
        }
      }
    }
    return parts;
  }

  /**
   * Runs one module's engines in a JVM of their own (Spark, Kafka Streams: dependencies that clash with the CLI's).
   * The module runs its own engines only, and skips those of the CLI and of every other module: its class path also
   * holds the engines of the modules it builds on (lambda-spark has spark-streaming), which run in their own.
   */
  private MatrixWorker.Answer runForked(EngineRegistry registry, EngineJvm.Module module, List<EngineJvm.Module> modules,
      long runSeed, Progress progress, Eta eta, RunTimes times) throws Exception {
    Topic only = topic == null ? null : Topic.byId(topic).engineTopic();
    List<EngineInfo> own = module.engines().stream().filter(this::asked).toList();
    List<String> ownIds = own.stream().map(EngineInfo::id).toList();
    List<String> skip = new ArrayList<>(registry.engines().stream().map(EngineInfo::id).toList());
    modules.forEach(m -> m.engines().stream().map(EngineInfo::id).filter(id -> !ownIds.contains(id)).forEach(skip::add));
    eta.start(moduleKey(module));
    Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    MatrixWorker.Answer part = ForkedMatrix.run(module, tries, realTries, clusterTries, only == null ? null : only.id(), ownIds, skip,
        optionsFor(ownIds), runSeed, progress::note, (engine, clause) -> {
          if (seen.add(engine + " " + clause)) {
            progress.step(engine + " " + clause);
          }
        });
    double took = eta.finish(moduleKey(module));
    times.put(moduleKey(module), took);
    for (int i = seen.size(); i < own.stream().mapToInt(e -> clauseCount(e)).sum(); i++) {
      progress.step(module.name());
    }
    progress.note(String.format("conformance: %s module done in %s,%s", module.name(), Progress.duration(took), eta.left()));
    return part;
  }

  /** The options of these engines ({@link #optionsOf}), then {@code --engine-opt}'s: a later key=value wins. */
  List<String> optionsFor(List<String> ids) {
    List<String> options = new ArrayList<>();
    ids.forEach(id -> options.addAll(optionsOf.getOrDefault(id, List.of())));
    options.addAll(engineOptions);
    return options;
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
