package org.bigdatalab.lab;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bigdatalab.suite.matrix.Matrix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code lab} command. With no sub-command it takes the tour: the conformance matrix on every
 * embedded engine, a short comparison, the guide, and one index page linking them.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "bigdata-lab 0.1.0",
    description = "Conformance spec, benchmarks and a runnable study guide for big-data engines.",
    subcommands = {ConformanceCommand.class, BenchCommand.class, GuideCommand.class, RunCommand.class, HistoryCommand.class, ReportCommand.class, DfsCommand.class,
        ExerciseCommand.class})
public final class Lab implements Callable<Integer> {

  @Option(names = "--report", defaultValue = "target/lab-report", description = "Report directory (default ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(names = "--tries", defaultValue = "30", description = "Generated cases per property in the tour (default ${DEFAULT-VALUE}).")
  int tries;

  @Option(names = "--real-tries", defaultValue = "3",
      description = "Generated cases per property on real engines in the tour (default ${DEFAULT-VALUE}).")
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
    System.out.println("== 1/3 conformance matrix ==");
    ConformanceCommand conformance = new ConformanceCommand();
    conformance.reportDir = reportDir;
    conformance.tries = tries;
    conformance.realTries = realTries;
    Matrix matrix = conformance.run();
    long matrixDone = System.nanoTime();

    System.out.println("\n== 2/3 short comparison (wordcount, size small) ==");
    BenchCommand bench = new BenchCommand();
    bench.reportDir = reportDir;
    bench.workload = "wordcount";
    bench.size = "small";
    boolean benched = true;
    try {
      bench.run();
    } catch (Exception e) {
      // The tour goes on to the guide; the exit code still says that something failed.
      benched = false;
      System.out.println("bench failed: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
    }

    long benchDone = System.nanoTime();

    System.out.println("\n== 3/3 guide ==");
    GuideCommand guide = new GuideCommand();
    guide.reportDir = reportDir;
    guide.render();

    Path index = ReportSite.write(reportDir);
    long end = System.nanoTime();
    // Where the tour's time went, so a slow tour says which part to look at.
    System.out.printf("%nreport: %s  (%.0f s: matrix %.0f s, comparison %.0f s, guide and report %.0f s)%n", index.toAbsolutePath(),
        (end - start) / 1e9, (matrixDone - start) / 1e9, (benchDone - matrixDone) / 1e9, (end - benchDone) / 1e9);
    return matrix.conforms() && benched ? 0 : 1;
  }
}
