package org.bigdatalab.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bigdatalab.bench.BenchResult;

/**
 * Draws the report's pages from the JSON in the report directory: {@code conformance.json} gives
 * {@code conformance.html} and {@code capabilities.html}; {@code bench-runs.json} gives
 * {@code bench.html}; both give {@code index.html}. Every command that writes JSON redraws the
 * site, and {@code lab report} redraws it from whatever JSON is there.
 */
final class ReportSite {
  private ReportSite() {}

  /** Writes every page the directory's JSON allows; returns the index. */
  static Path write(Path reportDir) throws IOException {
    Files.createDirectories(reportDir);
    Optional<ConformanceData> conformance = ConformanceData.read(reportDir);
    if (conformance.isPresent()) {
      ConformanceData data = conformance.get();
      write(reportDir.resolve("conformance.html"), ConformancePage.page(data));
      java.util.Set<String> ids = new java.util.HashSet<>(data.clauses().stream().map(ConformanceData.ClauseEntry::id).toList());
      write(reportDir.resolve("capabilities.html"), CapabilityPage.page(data, SelfTestDeclarations.read(), GuideSections.cited(ids)));
    }
    List<BenchRuns.Run> runs = runs(reportDir);
    write(reportDir.resolve("bench.html"), BenchPage.page(runs));
    Path index = reportDir.resolve("index.html");
    write(index, IndexPage.page(conformance, runs, Files.exists(reportDir.resolve("guide/index.html"))));
    return index;
  }

  /**
   * The kept runs; a report written before runs were kept has only {@code bench.json}, which counts
   * as one run of unknown commit, dated by the file.
   */
  private static List<BenchRuns.Run> runs(Path reportDir) throws IOException {
    List<BenchRuns.Run> runs = BenchRuns.read(reportDir);
    Path single = reportDir.resolve("bench.json");
    if (!runs.isEmpty() || !Files.exists(single)) {
      return runs;
    }
    List<BenchResult> rows = new ArrayList<>(BenchRuns.rows(single));
    FileTime time = Files.getLastModifiedTime(single);
    return List.of(new BenchRuns.Run(time.toInstant().toString(), "unknown", "unknown", null, null, "lab bench (from bench.json)", rows));
  }

  private static void write(Path file, String html) throws IOException {
    Files.writeString(file, html, StandardCharsets.UTF_8);
  }
}
