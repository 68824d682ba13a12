package org.bigdatalab.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bigdatalab.guide.GuideRenderer;
import org.bigdatalab.spi.fork.EngineJvm;
import org.bigdatalab.suite.matrix.Matrix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code lab} command. With no sub-command it takes the tour: the conformance matrix on every
 * embedded engine, bounded (few generated cases a property; {@code lab conformance} is the full run), a
 * short comparison, the guide (the build's rendering where it is up to date), and one index page
 * linking them. Its progress lines show the whole tour's time left, planned from the last run's times.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "bigdata-lab 0.1.0",
    description = "Conformance spec, benchmarks and a runnable study guide for big-data engines.",
    subcommands = {ConformanceCommand.class, BenchCommand.class, GuideCommand.class, RunCommand.class, HistoryCommand.class, ReportCommand.class, DfsCommand.class,
        ExerciseCommand.class})
public final class Lab implements Callable<Integer> {

  @Option(names = "--report", defaultValue = "target/lab-report", description = "Report directory (default ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(names = "--tries", defaultValue = "10",
      description = "Generated cases per property in the tour (default ${DEFAULT-VALUE}; ./lab conformance: " + ConformanceCommand.FULL_TRIES + ").")
  int tries;

  @Option(names = "--real-tries", defaultValue = "1",
      description = "Generated cases per property on real engines in the tour, a smoke run (default ${DEFAULT-VALUE}; ./lab conformance: "
          + ConformanceCommand.FULL_REAL_TRIES + ").")
  int realTries;

  @Option(names = {"-v", LabErrors.VERBOSE, "--stacktrace"}, scope = CommandLine.ScopeType.INHERIT,
      description = "On an error, print the stack trace after the one-line message.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with lab's error reporting: one line per problem, exit 2 for bad input ({@link LabErrors}). */
  static CommandLine commandLine() {
    return LabErrors.install(new CommandLine(new Lab()));
  }

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    RunTimes times = RunTimes.read(reportDir);
    Eta eta = new Eta();
    Path root = EngineJvm.root();
    Path built = GuideRendering.ofBuild(root);
    Optional<String> whyRender = GuideRendering.whyNot(built, root, GuideRenderer.PROGRAMS.stream().map(GuideRenderer.Program::name).toList());
    // The later phases are planned first, so the matrix's progress line shows the whole tour's time left.
    String guideKey = whyRender.isEmpty() ? GUIDE_COPIED : GUIDE_RENDERED;
    eta.stage(1, List.of(new Eta.Unit(COMPARISON, times.get(COMPARISON, 30))));
    eta.stage(1, List.of(new Eta.Unit(guideKey, times.get(guideKey, whyRender.isEmpty() ? 2 : 330))));

    System.out.println("== 1/3 conformance matrix, bounded: " + tries + " cases a property, " + Math.min(tries, realTries)
        + " on real engines (./lab conformance: the full matrix) ==");
    ConformanceCommand conformance = new ConformanceCommand();
    conformance.reportDir = reportDir;
    conformance.tries = tries;
    conformance.realTries = realTries;
    conformance.run = MatrixReport.TOUR;
    conformance.optionsOf = MatrixReport.TOUR_OPTIONS;
    Matrix matrix = conformance.run(eta, times);
    long matrixDone = System.nanoTime();

    System.out.println("\n== 2/3 short comparison (wordcount, size small)," + eta.left() + " ==");
    BenchCommand bench = new BenchCommand();
    bench.reportDir = reportDir;
    bench.workload = "wordcount";
    bench.size = "small";
    boolean benched = true;
    eta.start(COMPARISON);
    try {
      bench.run();
    } catch (Exception e) {
      // The tour goes on to the guide; the exit code still says that something failed.
      benched = false;
      System.out.println("bench failed: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
    }
    times.put(COMPARISON, eta.finish(COMPARISON));
    long benchDone = System.nanoTime();

    System.out.println("\n== 3/3 guide," + eta.left() + " ==");
    eta.start(guideKey);
    Path guideDir = reportDir.resolve("guide");
    if (whyRender.isEmpty()) {
      // The build ran every chapter program on these sources already: its outputs are the ones a new run would print.
      GuideRendering.copy(built, guideDir);
      System.out.println("guide: the build's rendering is up to date, copied from " + built + " (./lab guide renders it anew)");
    } else {
      System.out.println("guide: rendering, " + whyRender.get());
      GuideCommand guide = new GuideCommand();
      guide.reportDir = reportDir;
      guide.render(eta);
    }
    times.put(guideKey, eta.finish(guideKey));

    Path index = ReportSite.write(reportDir);
    long end = System.nanoTime();
    times.put(TOUR, (end - start) / 1e9);
    times.write(reportDir);
    // Where the tour's time went, so a slow tour says which part to look at.
    System.out.printf("%nreport: %s  (%.0f s: matrix %.0f s, comparison %.0f s, guide and report %.0f s)%n", index.toAbsolutePath(),
        (end - start) / 1e9, (matrixDone - start) / 1e9, (benchDone - matrixDone) / 1e9, (end - benchDone) / 1e9);
    return matrix.conforms() && benched ? 0 : 1;
  }

  /** Keys of the tour's phases in {@link RunTimes}. */
  static final String COMPARISON = "tour comparison";
  static final String GUIDE_COPIED = "tour guide copied";
  static final String GUIDE_RENDERED = "tour guide rendered";
  static final String TOUR = "tour";
}
