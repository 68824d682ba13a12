package org.bigdatalab.lab;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.bigdatalab.bench.BenchJson;
import org.bigdatalab.bench.BenchReport;
import org.bigdatalab.bench.BenchResult;
import org.bigdatalab.bench.BenchRunner;
import org.bigdatalab.bench.Workloads;
import org.bigdatalab.spi.fork.EngineJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab bench}: runs a workload's JMH comparison with its hand-written baseline, reports ratios,
 * and appends the run to the results diary ({@link ResultsDiary}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Compare engines on a workload with JMH, beside a hand-written baseline measured in the same run.")
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--workload", defaultValue = "wordcount", completionCandidates = WorkloadNames.class,
      description = "One of: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}). Each is a Workload class in benchmarks/jmh"
          + " (WordCountWorkload, SkewWorkload...) whose header says what it measures and against which baseline.")
  String workload;

  @Option(names = "--engines", split = ",", description = "Engine ids, comma-separated (default: every engine of the topic; for skew,"
      + " those of built engine modules with clashing dependencies too, such as spark, each in a JVM of its own).")
  List<String> engines = new ArrayList<>();

  @Option(names = "--size", defaultValue = "small",
      description = "small (about a minute), 16MB, 128MB, 512MB, 1GB, or full (the issue's sizes); for skew a record"
          + " count (1M, 10M, 50M), for nexmark an event count, for cap a history length in operations (5K). Default ${DEFAULT-VALUE}.")
  String size;

  @Option(names = "--json", description = "Where to write the JSON (default <report>/bench.json).")
  Path json;

  @Option(names = "--report", defaultValue = "target/lab-report", description = "Report directory (default ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(names = "--results", description = "The results diary each run is appended to (default benchmarks/RESULTS.md of the checkout).")
  Path results;

  /** The workload names picocli lists in --help. */
  static final class WorkloadNames implements Iterable<String> {
    @Override public Iterator<String> iterator() {
      return Workloads.names().iterator();
    }
  }

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  List<BenchResult> run() throws Exception {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.println("bench " + workload + " at size " + size + " (JMH; ratios are to the hand-written baseline of the same run)");
    BenchReport report = BenchRunner.run(workload, engines, size, line -> System.out.println("  " + line));
    System.out.println(report.format());
    Path jsonFile = json != null ? json : reportDir.resolve("bench.json");
    Files.createDirectories(jsonFile.toAbsolutePath().getParent());
    Files.writeString(jsonFile, BenchJson.write(report.rows()));
    if (!jsonFile.toAbsolutePath().equals(reportDir.resolve("bench.json").toAbsolutePath())) {
      Files.createDirectories(reportDir);
      Files.writeString(reportDir.resolve("bench.json"), BenchJson.write(report.rows()));
    }
    Path diary = results != null ? results : EngineJvm.root().resolve("benchmarks/RESULTS.md");
    ResultsDiary.append(diary, jsonFile, command(), loadBefore);
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    BenchRuns.append(reportDir, new BenchRuns.Run(Instant.now().toString(), ResultsDiary.commit(diary), ResultsDiary.machine(),
        loadBefore < 0 ? null : loadBefore, loadAfter < 0 ? null : loadAfter, command(), report.rows()));
    ReportSite.write(reportDir);
    System.out.println("bench: " + reportDir.resolve("bench.html").toAbsolutePath() + "  json: " + jsonFile.toAbsolutePath()
        + "  diary: " + diary.toAbsolutePath());
    return report.rows();
  }

  /** The command as a user would type it again. */
  private String command() {
    return "lab bench --workload " + workload + " --size " + size + (engines.isEmpty() ? "" : " --engines " + String.join(",", engines));
  }
}
