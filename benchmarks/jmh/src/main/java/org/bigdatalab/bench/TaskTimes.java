package org.bigdatalab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.StageMetrics;

/**
 * The time side of skew in one action, in ms: the most wall-clock time and the most CPU time any one
 * task took, over all stages and over the stages that read a shuffle (where skew lands). Wall time
 * also counts waiting for a core and stop-the-world GC pauses, which hit every running task alike;
 * CPU time is the task's own work. A figure is null where the engine did not measure it.
 */
record TaskTimes(Double wallMs, Double cpuMs, Double shuffledWallMs, Double shuffledCpuMs) {

  static TaskTimes of(ActionMetrics metrics) {
    return new TaskTimes(max(metrics, false, false), max(metrics, false, true), max(metrics, true, false), max(metrics, true, true));
  }

  /**
   * Each figure's best (least) over {@code jobs}, null where no job has it: the job least disturbed by
   * the load. On a shared machine a task's wall time is its CPU time plus the time slices it waited
   * for, and the longest of a stage's tasks nearly always waited for one; the best of N jobs is the
   * nearest the wall clock gets to the task's own work (the CPU figure is best of N alike, each figure
   * from whichever job had it least).
   */
  static TaskTimes best(List<TaskTimes> jobs) {
    return new TaskTimes(best(jobs, TaskTimes::wallMs), best(jobs, TaskTimes::cpuMs), best(jobs, TaskTimes::shuffledWallMs),
        best(jobs, TaskTimes::shuffledCpuMs));
  }

  private static Double best(List<TaskTimes> jobs, Function<TaskTimes, Double> figure) {
    return jobs.stream().map(figure).filter(Objects::nonNull).min(Double::compare).orElse(null);
  }

  /** The longest task by one clock; null when no stage in scope has that clock. */
  private static Double max(ActionMetrics metrics, boolean afterShuffleOnly, boolean cpu) {
    OptionalLong nanos = metrics.stages().stream().filter(s -> !afterShuffleOnly || !B05_SkewedAggregation.readsSource(s))
        .filter(s -> !(cpu ? s.taskCpuNanos() : s.taskNanos()).isEmpty())
        .mapToLong(cpu ? StageMetrics::maxTaskCpuNanos : StageMetrics::slowestTaskNanos).max();
    return nanos.isPresent() ? nanos.getAsLong() / 1e6 : null;
  }

  /** "1820.4 ms wall, 900.1 ms CPU", a figure the engine did not measure as "-". */
  static String wallAndCpu(Double wallMs, Double cpuMs) {
    return ms(wallMs) + " wall, " + ms(cpuMs) + " CPU";
  }

  static String ms(Double v) {
    return v == null ? "- ms" : String.format(Locale.ROOT, "%.1f ms", v);
  }

  /** A fork's report of its last measured action, beside the share file (see {@link SkewData#writeShare}). */
  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text(wallMs) + " " + text(cpuMs) + " " + text(shuffledWallMs) + " " + text(shuffledCpuMs));
  }

  static Optional<TaskTimes> read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String[] f = Files.readString(file).trim().split(" ");
      return f.length != 4 ? Optional.empty() : Optional.of(new TaskTimes(parse(f[0]), parse(f[1]), parse(f[2]), parse(f[3])));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Double v) {
    return v == null ? "-" : Double.toString(v);
  }

  private static Double parse(String s) {
    return s.equals("-") ? null : Double.valueOf(s);
  }
}
