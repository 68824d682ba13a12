package org.bigdatalab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The results diary, {@code benchmarks/RESULTS.md}: after each {@code lab bench} run, a dated
 * section with the commit, the machine, its load average, the command and the rows of the run's
 * JSON. Figures belong there, not in the benchmarks' headers: a number means little without the
 * machine and load it was measured under, and the diary keeps every run next to the others.
 */
final class ResultsDiary {
  /** The JSON fields shown, in order; a column appears only when some row has it. */
  private static final List<String> COLUMNS = List.of("workload", "engine", "size", "threads", "value", "metric",
      "ratio_to_baseline", "p50_ms", "p99_ms", "max_task_share", "startup_ms");

  private ResultsDiary() {}

  /** Appends the run whose rows are in {@code json}; {@code loadBefore} is the load average when it began. */
  static void append(Path diary, Path json, String command, double loadBefore) throws IOException {
    JsonNode rows = new ObjectMapper().readTree(json.toFile()).path("results");
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    StringBuilder out = new StringBuilder();
    if (!Files.exists(diary)) {
      out.append("# Benchmark results\n\nOne dated section per `lab bench` run, appended by the command itself.\n");
    }
    out.append("\n## ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append(": `").append(command).append("`\n\n")
        .append("- commit: ").append(commit(diary)).append('\n')
        .append("- machine: ").append(machine()).append('\n')
        .append(String.format(Locale.ROOT, "- load average: %.2f at the start, %.2f at the end%n%n", loadBefore, loadAfter));
    List<String> shown = COLUMNS.stream().filter(c -> rows.findValues(c).stream().anyMatch(v -> !v.isNull())).toList();
    out.append("| ").append(String.join(" | ", shown)).append(" |\n|").append("---|".repeat(shown.size())).append('\n');
    for (JsonNode row : rows) {
      out.append("| ").append(String.join(" | ", shown.stream().map(c -> row.path(c).isNull() || row.path(c).isMissingNode()
          ? "" : row.path(c).asText()).toList())).append(" |\n");
    }
    Files.createDirectories(diary.toAbsolutePath().getParent());
    Files.writeString(diary, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** The checkout's commit, and whether its files differed from it. */
  static String commit(Path diary) {
    Path dir = diary.toAbsolutePath().getParent();
    String head = git(dir, "rev-parse", "--short", "HEAD");
    if (head.isEmpty()) {
      return "unknown (not a git checkout)";
    }
    return head + (git(dir, "status", "--porcelain", "--untracked-files=no").isEmpty() ? "" : " with uncommitted changes");
  }

  private static String git(Path dir, String... args) {
    try {
      List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
      command.addAll(List.of(args));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  static String machine() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB, %s %s %s, JDK %s", host, Runtime.getRuntime().availableProcessors(),
        memory / (double) (1L << 30), System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
        System.getProperty("java.version"));
  }
}
