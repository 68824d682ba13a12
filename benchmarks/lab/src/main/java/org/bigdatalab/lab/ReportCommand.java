package org.bigdatalab.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab report}: redraws the report's pages and charts from the JSON of earlier runs, running nothing. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Redraw the report (index, matrix heat maps, capabilities, benchmark charts) from the JSON in the report directory.")
final class ReportCommand implements Callable<Integer> {

  @Option(names = "--report", defaultValue = "target/lab-report", description = "Report directory (default ${DEFAULT-VALUE}).")
  Path reportDir;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(reportDir)) {
      throw new UserError(reportDir + ": no report directory (./lab, ./lab conformance or ./lab bench writes one)");
    }
    System.out.println("report: " + ReportSite.write(reportDir).toAbsolutePath());
    return 0;
  }
}
