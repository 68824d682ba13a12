package org.bigdatalab.guide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Renders the guide: runs every chapter program, keeps what each one prints as
 * {@code <outputDir>/snippets/<Program>.txt}, then converts {@code index.adoc} with AsciidoctorJ to
 * one self-contained {@code <outputDir>/index.html} (stylesheet embedded, no remote assets).
 *
 * <p>The chapters and the programs' sources are read from the class path ({@code guide-src/} in
 * the guide's jar or classes directory), so rendering works from any working directory: the Maven
 * build renders into {@code guide/target/guide/}; the {@code lab} CLI calls {@link #render} with its
 * report directory.
 *
 * <p>Output capture: a chapter program writes to the {@link PrintStream} it is handed, which goes
 * to its snippet file. Anything else printed to {@code System.out} while it runs (a library's own
 * reports, say) is diverted to {@code snippets/<Program>.stdout.log}, so neither the snippet
 * nor the caller's console sees it. Rendering fails if a program fails, or if Asciidoctor warns
 * (an include that does not resolve, a tag that is missing): a guide with a hole is not rendered.
 */
public final class GuideRenderer {
  /** A chapter program's body: prints its output to {@code out}. Each program's main calls it with System.out. */
  @FunctionalInterface
  public interface ChapterProgram {
    void run(PrintStream out) throws Exception;
  }

  /**
   * A chapter program that runs in a child JVM: it prints its answer to {@code out}; whatever else
   * the child prints (the engine's logs) goes to {@code chatter}.
   */
  @FunctionalInterface
  interface ForkedProgram {
    void run(PrintStream out, Consumer<String> chatter) throws Exception;
  }

  /**
   * A chapter program and the name its snippet file takes. {@code forked} is set for a program that
   * runs in a child JVM: the renderer runs those beside the others (see {@link #render}), which
   * {@code body} alone would not allow, as it captures through {@code System.out}.
   */
  public record Program(String name, ChapterProgram body, ForkedProgram forked) {
    public Program(String name, ChapterProgram body) {
      this(name, body, null);
    }

    static Program of(Class<?> type, ChapterProgram body) {
      return new Program(type.getSimpleName(), body);
    }

    /**
     * A program on a real engine whose jars cannot share the guide's class path: its
     * {@code public static void run(PrintStream)} runs in a child JVM with the jars of the engine
     * module that holds {@code engineId}, see {@link ForkedChapter}.
     */
    static Program forked(Class<?> type, String engineId) {
      return inChild(type.getSimpleName(), (out, chatter) -> ForkedChapter.run(type, engineId, out, chatter));
    }

    /**
     * A program written in an engine's own API, so compiled in the module that holds {@code engineId}
     * and named here by class: it runs forked like {@link #forked(Class, String)}.
     */
    static Program forked(String className, String engineId) {
      return inChild(simpleName(className), (out, chatter) -> ForkedChapter.run(className, engineId, out, chatter));
    }

    /**
     * A program compiled in the module at {@code moduleDir} rather than here, because it calls an
     * engine's own API (Spark SQL with Hive, say) that cannot share the guide's class path; it runs in
     * a child JVM with that module's class path, see {@link ForkedChapter#runIn}. Its source is copied
     * into the guide's sources by the guide's build, so chapters include it like any other.
     */
    static Program forkedIn(String moduleDir, String className) {
      return inChild(simpleName(className), (out, chatter) -> ForkedChapter.runIn(moduleDir, className, out, chatter));
    }

    private static Program inChild(String name, ForkedProgram forked) {
      // run alone (capture), the child's logs go where System.out points while it runs: the program's log
      return new Program(name, out -> forked.run(out, line -> System.out.println(line)), forked);
    }

    private static String simpleName(String className) {
      return className.substring(className.lastIndexOf('.') + 1);
    }
  }

  /** Every program whose output a chapter includes, in chapter order. */
  public static final List<Program> PROGRAMS = List.of(
      Program.of(Ch01_ClauseCatalogue.class, Ch01_ClauseCatalogue::run),
      Program.of(Ch01_EngineRegistry.class, Ch01_EngineRegistry::run),
      Program.of(Ch01_HowTheSpecWorks.class, Ch01_HowTheSpecWorks::run),
      Program.of(Ch02_WordCount.class, Ch02_WordCount::run),
      Program.of(Ch02_ShuffleTrace.class, Ch02_ShuffleTrace::run),
      Program.of(Ch02_CombinerCounters.class, Ch02_CombinerCounters::run),
      Program.of(Ch02_TeraSortSampling.class, Ch02_TeraSortSampling::run),
      Program.of(Ch03_HdfsOperations.class, Ch03_HdfsOperations::run),
      Program.of(Ch03_RackAwareness.class, Ch03_RackAwareness::run),
      Program.forked(Ch03_RackAwarenessOnHdfs.class, Ch03_MapReduceOnHdfs.STORE),
      Program.forked(Ch03_MapReduceOnHdfs.class, Ch03_MapReduceOnHdfs.STORE),
      Program.of(Ch04_LazyEvaluation.class, Ch04_LazyEvaluation::run),
      Program.of(Ch04_WordCountAndGroupBy.class, Ch04_WordCountAndGroupBy::run),
      Program.of(Ch04_ShuffleExperiments.class, Ch04_ShuffleExperiments::run),
      Program.forked(Ch04_OnSpark.class, Ch04_OnSpark.ENGINE),
      Program.of(Ch05_SkewSalting.class, Ch05_SkewSalting::run),
      Program.forked(Ch05_OnSpark.class, Ch04_OnSpark.ENGINE),
      Program.forked("org.bigdatalab.guide.Ch05_SparkSalting", "spark"),
      Program.of(Ch05_SkewJoinAndDistinct.class, Ch05_SkewJoinAndDistinct::run),
      Program.of(Ch06_WindowedCounts.class, Ch06_WindowedCounts::run),
      Program.of(Ch06_SlidingAndSessions.class, Ch06_SlidingAndSessions::run),
      Program.of(Ch06_WallClockBug.class, Ch06_WallClockBug::run),
      Program.of(Ch06_ExactlyOnce.class, Ch06_ExactlyOnce::run),
      Program.of(Ch07_MicroBatches.class, Ch07_MicroBatches::run),
      Program.forked(Ch07_OnSpark.class, Ch07_OnSpark.ENGINE),
      Program.forked(Ch08_KafkaStreams.class, Ch08_KafkaStreams.ENGINE),
      Program.forked(Ch08_RemovedApis.class, Ch08_RemovedApis.ENGINE),
      Program.forked(Ch09_Flink.class, Ch09_Flink.ENGINE),
      Program.forked(Ch09_RemovedApis.class, Ch09_RemovedApis.ENGINE),
      Program.of(Ch10_CapInPractice.class, Ch10_CapInPractice::run),
      Program.forked(Ch11_LambdaBoundary.class, Ch11_LambdaBoundary.ENGINE),
      Program.forked(Ch11_KappaReprocessing.class, Ch11_LambdaBoundary.ENGINE),
      Program.of(Ch12_Medallion.class, Ch12_Medallion::run),
      Program.of(Ch12_WarehouseVsLake.class, Ch12_WarehouseVsLake::run),
      Program.forked(Ch12_DeltaLake.class, Ch12_DeltaLake.ENGINE),
      // chapter 13 calls Spark SQL and DuckDB directly: compiled, and run, in the module that has them
      Program.forkedIn("engines-dataflow/spark-sql", "org.bigdatalab.guide.Ch13_SqlOnSpark"),
      Program.of(Ch14_FiveVs.class, Ch14_FiveVs::run),
      Program.forked("org.bigdatalab.guide.Ch15_SparkArchitecture", "spark"),
      Program.of(Ch16_RealTimeAnalytics.class, Ch16_RealTimeAnalytics::run),
      Program.forked(Ch17_Recommendations.class, Ch17_Recommendations.LOG),
      Program.forked("org.bigdatalab.guide.Ch18_SparkOptimizations", "spark"),
      // chapter 19 starts a MiniYARNCluster: the unshaded minicluster has its own module and class path
      Program.forkedIn("engines-mapreduce/hadoop-yarn", "org.bigdatalab.guide.Ch19_Yarn"));

  /** Where the build puts the chapters ({@code asciidoc/}) and the programs' sources ({@code java/}). */
  static final String SOURCE_ROOT = "guide-src";
  static final String INDEX = "index.adoc";

  private static final Object LOCK = new Object();

  private GuideRenderer() {}

  /** Rendering failed: a chapter program threw, or Asciidoctor reported a problem. */
  public static final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RenderException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Renders the whole guide into {@code outputDir} and returns the path of its {@code index.html}.
   * Reports each step to {@code progress} (never while a program's output is being captured).
   */
  public static Path render(Path outputDir, Consumer<String> progress) {
    synchronized (LOCK) {
      try {
        Path out = outputDir.toAbsolutePath().normalize();   // Asciidoctor resolves relative paths against its base dir
        Path snippets = out.resolve("snippets");
        Scratch.deleteRecursively(snippets);
        Files.createDirectories(snippets);
        runAll(snippets, progress);
        try (Scratch sources = Scratch.create("guide-src")) {
          extractSources(sources.dir());
          progress.accept("guide: rendering " + INDEX + " with AsciidoctorJ");
          long started = System.nanoTime();
          Path html = convert(sources.dir(), snippets, out.resolve("index.html"));
          progress.accept(String.format("guide: wrote %s in %.1f s", html, (System.nanoTime() - started) / 1e9));
          return html;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * How many forked chapter programs run at once ({@code -Dguide.forks}, default 2). A forked program
   * is mostly a child JVM starting a real engine and waiting on it; running two at a time, beside
   * the in-process programs, roughly halves the guide's part of a 2-core build. Each child has its
   * own temporary directories and ports, as the engines' suites already run side by side in
   * {@code ./lab}'s matrix.
   */
  static int forkLanes() {
    return Math.max(1, Integer.getInteger("guide.forks", 2));
  }

  /**
   * Runs every program and writes its snippet: the forked ones on {@link #forkLanes} threads, the
   * others one after another on this thread meanwhile (they capture through {@code System.out},
   * which only one may hold at a time). If a program fails, the others still finish, so that no
   * child JVM is left behind, and the first failure is thrown.
   */
  private static void runAll(Path snippets, Consumer<String> progress) throws IOException {
    ExecutorService lanes = Executors.newFixedThreadPool(forkLanes(), r -> {
      Thread t = new Thread(r, "guide-fork");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<Program, Future<Ran>> children = new LinkedHashMap<>();
      for (Program program : PROGRAMS) {
        if (program.forked() != null) {
          children.put(program, lanes.submit(() -> runInChild(program, snippets)));
        }
      }
      int n = 0;
      RuntimeException failed = null;
      for (Program program : PROGRAMS) {
        if (program.forked() == null) {
          progress.accept(String.format("guide: running %s (%d/%d)", program.name(), ++n, PROGRAMS.size()));
          long started = System.nanoTime();
          try {
            String output = capture(program, snippets.resolve(program.name() + ".stdout.log"));
            report(new Ran(output, System.nanoTime() - started), program, snippets, progress);
          } catch (RuntimeException e) {
            failed = failed == null ? e : failed;
          }
        }
      }
      for (Map.Entry<Program, Future<Ran>> child : children.entrySet()) {
        // said when its answer is collected: a lane may not print while an in-process program captures System.out
        progress.accept(String.format("guide: %s ran in a child JVM (%d/%d)", child.getKey().name(), ++n, PROGRAMS.size()));
        try {
          report(child.getValue().get(), child.getKey(), snippets, progress);
        } catch (ExecutionException e) {
          RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
              : new RenderException("guide: chapter program " + child.getKey().name() + " failed: " + e.getCause(), e.getCause());
          failed = failed == null ? cause : failed;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RenderException("guide: interrupted while " + child.getKey().name() + " ran", e);
        }
      }
      if (failed != null) {
        throw failed;
      }
    } finally {
      lanes.shutdown();
    }
  }

  /** What a program printed, and how long it took. */
  private record Ran(String output, long nanos) {}

  private static void report(Ran ran, Program program, Path snippets, Consumer<String> progress) throws IOException {
    Files.writeString(snippets.resolve(program.name() + ".txt"), ran.output(), StandardCharsets.UTF_8);
    progress.accept(String.format("guide:   %d lines in %.1f s", ran.output().lines().count(), ran.nanos() / 1e9));
  }

  /** Runs a forked program on a lane: its answer is the output; the child's logs go to its {@code .stdout.log}. */
  private static Ran runInChild(Program program, Path snippets) throws IOException {
    long started = System.nanoTime();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder logs = new StringBuilder();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      program.forked().run(out, line -> logs.append(line).append('\n'));
    } catch (Exception e) {
      throw new RenderException("guide: chapter program " + program.name() + " failed: " + e, e);
    }
    if (logs.length() > 0) {
      Files.writeString(snippets.resolve(program.name() + ".stdout.log"), logs, StandardCharsets.UTF_8);
    }
    return new Ran(bytes.toString(StandardCharsets.UTF_8), System.nanoTime() - started);
  }

  /**
   * Runs a program and returns what it printed to the stream it was handed. Whatever else reaches
   * {@code System.out} meanwhile is written to {@code libraryLog} (if there is any, and if not null).
   */
  public static String capture(Program program, Path libraryLog) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayOutputStream diverted = new ByteArrayOutputStream();
    PrintStream console = System.out;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
         PrintStream others = new PrintStream(diverted, true, StandardCharsets.UTF_8)) {
      System.setOut(others);
      try {
        program.body().run(out);
      } finally {
        System.setOut(console);
      }
    } catch (Exception e) {
      throw new RenderException("guide: chapter program " + program.name() + " failed: " + e, e);
    }
    if (libraryLog != null && diverted.size() > 0) {
      try {
        Files.write(libraryLog, diverted.toByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Copies {@code guide-src/} from the class path (a directory or a jar) into {@code target}. */
  static void extractSources(Path target) throws IOException {
    URL index = GuideRenderer.class.getResource("/" + SOURCE_ROOT + "/asciidoc/" + INDEX);
    if (index == null) {
      throw new IllegalStateException("guide: " + SOURCE_ROOT + "/asciidoc/" + INDEX
          + " is not on the class path; build the guide module first (./mvnw -pl guide -am install)");
    }
    URI uri;
    try {
      uri = index.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("guide: odd resource URL " + index, e);
    }
    if ("jar".equals(uri.getScheme())) {
      FileSystem jar;
      boolean opened = false;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
        opened = true;
      } catch (FileSystemAlreadyExistsException e) {
        jar = FileSystems.getFileSystem(uri);
      }
      try {
        copyTree(jar.getPath("/" + SOURCE_ROOT), target);
      } finally {
        if (opened) {
          jar.close();
        }
      }
    } else {
      copyTree(Path.of(uri).getParent().getParent(), target);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Converts {@code <sources>/asciidoc/index.adoc} to a standalone HTML file. */
  static Path convert(Path sources, Path snippets, Path html) {
    Path adoc = sources.resolve("asciidoc");
    List<String> problems = new ArrayList<>();
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      asciidoctor.registerLogHandler((LogRecord record) -> {
        if (record.getSeverity().compareTo(Severity.WARN) >= 0 && record.getSeverity() != Severity.UNKNOWN) {
          problems.add(record.getSeverity() + ": " + (record.getCursor() == null ? "" : record.getCursor() + ": ")
              + record.getMessage());
        }
      });
      Attributes attributes = Attributes.builder()
          .attribute("sourcedir", sources.resolve("java/org/bigdatalab/guide").toAbsolutePath().toString())
          .attribute("snippets", snippets.toAbsolutePath().toString())
          .linkCss(false)                 // embed the stylesheet: one self-contained file
          .sourceHighlighter("rouge")     // highlights at render time, CSS embedded; no script, no CDN
          .attribute("rouge-style", "github")
          .build();
      Options options = Options.builder()
          .backend("html5")
          .standalone(true)
          .safe(SafeMode.UNSAFE)          // our own files only: includes from any directory, stylesheet read from the gem
          .baseDir(adoc.toFile())
          .toFile(html.toFile())
          .mkDirs(true)
          .attributes(attributes)
          .build();
      asciidoctor.convertFile(adoc.resolve(INDEX).toFile(), options);
    }
    if (!problems.isEmpty()) {
      throw new RenderException("guide: Asciidoctor reported problems:\n  " + String.join("\n  ", problems), null);
    }
    return html;
  }

  /** Renders into the directory given as the only argument ({@code target/guide} if none). */
  public static void main(String[] args) {
    Path outputDir = Path.of(args.length > 0 ? args[0] : "target/guide");
    try {
      long started = System.nanoTime();
      Path html = render(outputDir, System.out::println);
      System.out.printf("guide: rendered %s in %.1f s%n", html.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);   // JRuby may leave non-daemon threads behind
  }
}
