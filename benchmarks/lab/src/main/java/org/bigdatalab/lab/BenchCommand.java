package org.bigdatalab.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bigdatalab.bench.BenchJson;
import org.bigdatalab.bench.BenchResult;
import org.bigdatalab.bench.BenchRunner;
import org.bigdatalab.bench.BenchTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab bench}: runs a JMH comparison with its hand-written baseline and reports ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Compare engines on a workload with JMH, beside a hand-written baseline measured in the same run.")
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--workload", defaultValue = "wordcount", description = "wordcount, terasort, dfs (DFS write/read throughput beside the disk limit),"
      + " skew (sum per key over Zipf keys, with and without salting) or nexmark (queries 0-11 on the streaming engines,"
      + " with latency percentiles) (default ${DEFAULT-VALUE}).")
  String workload;

  @Option(names = "--engines", split = ",", description = "Engine ids, comma-separated (default: every engine of the topic; for skew,"
      + " those of built engine modules with clashing dependencies too, such as spark, each in a JVM of its own).")
  List<String> engines = new ArrayList<>();

  @Option(names = "--size", defaultValue = "small",
      description = "small (about a minute), 16MB, 128MB, 512MB, 1GB, or full (the issue's sizes); for skew a record"
          + " count (1M, 10M, 50M). Default ${DEFAULT-VALUE}.")
  String size;

  @Option(names = "--json", description = "Where to write the JSON (default <report>/bench.json).")
  Path json;

  @Option(names = "--report", defaultValue = "target/lab-report", description = "Report directory (default ${DEFAULT-VALUE}).")
  Path reportDir;

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  List<BenchResult> run() throws Exception {
    if (workload.equals("nexmark")) {
      var report = org.bigdatalab.bench.NexmarkBench.run(engines, size, line -> System.out.println("  " + line));
      System.out.println(org.bigdatalab.bench.NexmarkBench.format(report));
      return write(report.rows());
    }
    System.out.println("bench " + workload + " at size " + size + " (JMH; ratios are to the hand-written loop of the same run)");
    List<BenchResult> rows = BenchRunner.run(workload, engines, size, line -> System.out.println("  " + line));
    System.out.println(BenchTable.format(rows));
    return write(rows);
  }

  private List<BenchResult> write(List<BenchResult> rows) throws Exception {
    Path jsonFile = json != null ? json : reportDir.resolve("bench.json");
    Files.createDirectories(jsonFile.toAbsolutePath().getParent());
    Files.writeString(jsonFile, BenchJson.write(rows));
    Files.createDirectories(reportDir);
    Files.writeString(reportDir.resolve("bench.html"), BenchHtml.page(rows));
    System.out.println("bench: " + reportDir.resolve("bench.html").toAbsolutePath() + "  json: " + jsonFile.toAbsolutePath());
    return rows;
  }
}
