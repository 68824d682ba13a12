package org.bigdatalab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a person sees it: drawn from the saved runs into {@code target/lab-report}, then
 * opened page by page from {@code file://} in headless Chromium, which must report no console or
 * log error and draw every chart (each {@code figure.chart} holds an SVG with a visible size and
 * shapes in it). A screenshot of each page is saved beside it
 * ({@code target/lab-report/screenshots/}). Without a Chromium on the PATH the test is skipped and
 * says so; {@code .ci/run} installs Debian's {@code chromium-headless-shell} where it can.
 */
class ReportInBrowserTest {
  /** Per chart: its name, its drawn size and how many shapes and texts it holds; null where a figure has no SVG. */
  private static final String CHARTS = "Array.from(document.querySelectorAll('figure.chart')).map(f => {"
      + " const s = f.querySelector('svg'); if (!s) return {name: f.dataset.chart, width: 0, height: 0, shapes: 0};"
      + " const r = s.getBoundingClientRect();"
      + " return {name: f.dataset.chart, width: r.width, height: r.height, shapes: s.querySelectorAll('rect,path,text,line').length}; })";

  @Test
  void everyPageOpensWithEveryChartDrawnAndNoConsoleError(@TempDir Path profile) throws Exception {
    Optional<Path> chromium = HeadlessChromium.find();
    Assumptions.assumeTrue(chromium.isPresent(), "no Chromium on the PATH (Debian: apt-get install chromium-headless-shell);"
        + " the report was not checked in a browser");
    Path report = Path.of("target/lab-report");
    Files.createDirectories(report);
    ReportSiteTest.withFixturesReplacing(report);
    ReportSite.write(report);
    try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), profile)) {
      for (String page : new String[] {"index", "conformance", "capabilities", "bench"}) {
        Path shot = report.resolve("screenshots/" + page + ".png");
        HeadlessChromium.Visit visit = browser.visit(report.resolve(page + ".html").toAbsolutePath(), CHARTS, shot);
        assertThat(visit.errors()).as(page + ".html: console and log errors").isEmpty();
        int expected = ReportSiteTest.charts(Files.readString(report.resolve(page + ".html")), "");
        assertThat(visit.value()).as(page + ".html: its charts").hasSize(expected);
        for (JsonNode chart : visit.value()) {
          assertThat(chart.path("width").asDouble()).as(page + ".html chart " + chart.path("name")).isGreaterThan(60);
          assertThat(chart.path("height").asDouble()).as(page + ".html chart " + chart.path("name")).isGreaterThan(60);
          assertThat(chart.path("shapes").asInt()).as(page + ".html chart " + chart.path("name")).isGreaterThan(5);
        }
        assertThat(Files.size(shot)).as(shot.toAbsolutePath().toString()).isGreaterThan(10_000);
        System.out.println("screenshot: " + shot.toAbsolutePath());
      }
    }
  }
}
