package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bigdatalab.bench.BenchResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report drawn from saved runs ({@code lab report}): {@code conformance.json} is the tour's matrix
 * of 2026-12-06 (14 engines), {@code bench-runs.json} three runs whose rows come from
 * {@code benchmarks/RESULTS.md} (word count, lambda-kappa at two sizes with serving latencies, the
 * skew join four ways with task shares and times).
 */
class ReportSiteTest {
  /** Drawn once for the class: the pages are read, never changed, by the tests below but one. */
  @TempDir static Path drawn;
  @TempDir Path report;

  @BeforeAll
  static void drawTheSite() throws Exception {
    withFixtures(drawn);
    assertThat(Lab.commandLine().execute("report", "--report", drawn.toString())).isZero();
  }

  static Path withFixtures(Path report) throws Exception {
    for (String name : List.of("conformance.json", "bench-runs.json")) {
      Files.copy(Path.of(ReportSiteTest.class.getResource("/report/" + name).toURI()), report.resolve(name));
    }
    return report;
  }

  /** The fixtures in a directory that may hold an earlier run's. */
  static Path withFixturesReplacing(Path report) throws Exception {
    for (String name : List.of("conformance.json", "bench-runs.json", "bench.json")) {
      Files.deleteIfExists(report.resolve(name));
    }
    return withFixtures(report);
  }

  private static String draw(String page) throws Exception {
    return Files.readString(drawn.resolve(page));
  }

  @Test
  void benchPageKeepsEveryRunNewestFirstWithDateCommitAndLoad() throws Exception {
    String html = draw("bench.html");
    int wordcount = html.indexOf("lab bench --workload wordcount");
    int lambda = html.indexOf("lab bench --workload lambda-kappa");
    int skew = html.indexOf("lab bench --workload skew");
    assertThat(wordcount).isPositive().isLessThan(lambda);
    assertThat(lambda).isLessThan(skew);
    assertThat(html).contains("2026-12-06 16:58 UTC").contains("commit a217428").contains("load average 0.62 at the start, 1.01 at the end");
    assertThat(charts(html, "throughput")).isGreaterThanOrEqualTo(5);
    assertThat(charts(html, "latency")).isEqualTo(1);   // only lambda-kappa measured percentiles
    assertThat(charts(html, "scaling")).isEqualTo(2);   // lambda-kappa at 100K and 1M: events/s and queries/s
    assertThat(charts(html, "skew")).isEqualTo(2);      // share and time, before and after
    assertThat(html).contains("117 MB/s").contains("9.49 M events/s").contains("0.143×").doesNotContain("9487000.0");
    assertThat(html).doesNotContain("<script");
    svgsAreWellFormed(html);
  }

  @Test
  void conformancePageIsOneHeatMapPerTopic() throws Exception {
    String html = draw("conformance.html");
    ConformanceData data = ConformanceData.read(drawn).orElseThrow();
    assertThat(charts(html, "heatmap")).isEqualTo(data.clausesByTopic().size()).isGreaterThan(5);
    assertThat(html).contains("id=\"topic-mapreduce\"").contains("236 passed, 1 failed, 24 unsupported, 0 errors");
    svgsAreWellFormed(html);
  }

  @Test
  void capabilityPageGivesReasonsBrokenEnginesAndGuideSections() throws Exception {
    String html = draw("capabilities.html");
    String combiner = rowOf(html, "mapreduce.combiner.transparent");
    assertThat(combiner).contains("CombinesTwice")                       // MapReduceSelfTest's declaration
        .contains("href=\"guide/index.html#combiner\"")                   // ch02's [[combiner]] section cites the id
        .contains("<code>mr-parallel</code>");
    String retry = rowOf(html, "mapreduce.retry.failed-attempt-invisible");
    assertThat(retry).contains("mr-hadoop</code>: Hadoop&#39;s LocalJobRunner".replace("&#39;", "'"));
    String conflict = rowOf(html, "table.commit.conflict");
    assertThat(conflict).contains("delta</code> failed (seed -688077462763766675)");
    assertThat(html).contains("id=\"dfs\"").contains("id=\"streaming\"");
  }

  @Test
  void indexSumsUpTheMatrixAndShowsTheNewestRun() throws Exception {
    String html = draw("index.html");
    assertThat(charts(html, "matrix-summary")).isEqualTo(1);
    assertThat(charts(html, "throughput")).isEqualTo(1);
    assertThat(html).contains("Some checks failed").contains("href=\"capabilities.html\"").contains("lab bench --workload wordcount");
  }

  @Test
  void aBenchRunIsAddedToTheKeptRuns() throws Exception {
    withFixtures(report);
    BenchResult row = new BenchResult("nexmark", "stream-parallel", "1M", 2, "events/s", 62_100_000, "hand-written-1-thread", 0.31, 1.5, 9.25);
    BenchRuns.append(report, new BenchRuns.Run("2026-12-07T08:00:00Z", "abc1234", "test", 1.0, 1.5, "lab bench --workload nexmark",
        List.of(row)));
    List<BenchRuns.Run> runs = BenchRuns.read(report);
    assertThat(runs).hasSize(4);
    assertThat(runs.get(0).results()).containsExactly(row);
    ReportSite.write(report);
    assertThat(Files.readString(report.resolve("bench.html"))).contains("62.1 M events/s").contains("p99 9.25 ms");
  }

  @Test
  void humanUnits() {
    assertThat(HumanUnits.format(62_100_000, "events/s")).isEqualTo("62.1 M events/s");
    assertThat(HumanUnits.format(361_800_000.0, "events/s")).isEqualTo("362 M events/s");
    assertThat(HumanUnits.format(2848, "MB/s")).isEqualTo("2.85 GB/s");
    assertThat(HumanUnits.format(1.564, "MB/s")).isEqualTo("1.56 MB/s");
    assertThat(HumanUnits.format(0.03404, "MB allocated/check")).isEqualTo("0.034 MB allocated/check");
    assertThat(HumanUnits.format(512, "ops/s")).isEqualTo("512 ops/s");
    assertThat(HumanUnits.milliseconds(1934)).isEqualTo("1.93 s");
    assertThat(HumanUnits.ratio(0.01335)).isEqualTo("0.0134×");
  }

  private static String rowOf(String html, String clause) {
    int start = html.indexOf("<tr id=\"" + clause + "\">");
    assertThat(start).as("a row for " + clause).isNotNegative();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  /** How many charts named {@code name} the page has; all of them for an empty name. */
  static int charts(String html, String name) {
    return html.split(name.isEmpty() ? "<figure class=\"chart\"" : "data-chart=\"" + name + "\"", -1).length - 1;
  }

  /** Each inlined chart parses as XML: a browser draws nothing of an SVG element that is not well formed. */
  static void svgsAreWellFormed(String html) throws Exception {
    Matcher svg = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
    List<String> all = new ArrayList<>();
    while (svg.find()) {
      all.add(svg.group());
    }
    assertThat(all).isNotEmpty();
    var builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
    for (String s : all) {
      assertThat(builder.parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8))).getDocumentElement().getTagName())
          .isEqualTo("svg");
    }
  }
}
