package org.bigdatalab.lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.ClickJobs;

/**
 * {@code lab run} on a streaming engine ({@code stream-sequential}, {@code stream-parallel}): the
 * spec's windowed jobs over the user's file of events, one {@code time,user,amount} line each (time
 * in milliseconds, in the order they arrived). {@code windowed-count} counts and {@code windowed-sum}
 * sums amounts per user in tumbling windows of {@code --window}; the watermark trails the largest
 * event time by {@code --watermark-bound}, so an event older than that is late and goes to the
 * {@code late} file instead of a window. Output: {@code part-00000}, one line per window result
 * ({@code user TAB [start,end) TAB value TAB firing}), and {@code late}.
 */
final class StreamingRun {
  static final List<String> JOBS = List.of("windowed-count", "windowed-sum");

  private StreamingRun() {}

  static void run(StreamingEngine engine, String job, List<Path> inputs, Path output, long window, long watermarkBound)
      throws Exception {
    if (window <= 0) {
      throw new UserError("--window must be positive (e.g. --window 10s)");
    }
    List<String> lines = new ArrayList<>();
    InputLines.check(inputs, Click::parse, false, lines::add);
    StreamingJob<Click, ?, ?> definition = (job.equals("windowed-count") ? ClickJobs.COUNT : ClickJobs.SUM)
        .job(Windows.tumbling(window), watermarkBound);
    StreamingResult<?> result = engine.run(definition, ScriptedSource.ofLines(lines));
    List<String> windows = new ArrayList<>();
    for (WindowResult<?> r : result.results()) {
      windows.add(r.key() + "\t[" + r.window().start() + "," + r.window().end() + ")\t" + r.value() + "\t"
          + r.firing().name().toLowerCase());
    }
    List<String> late = new ArrayList<>();
    for (LateEvent e : result.late()) {
      late.add(e.line() + "\tlate: watermark was " + e.watermark());
    }
    // Written beside the target and moved into place, so a failure leaves no half output.
    Path staging = Files.createTempDirectory(output.toAbsolutePath().getParent(), "." + output.getFileName() + "-");
    Files.write(staging.resolve("part-00000"), windows, StandardCharsets.UTF_8);
    Files.write(staging.resolve("late"), late, StandardCharsets.UTF_8);
    Files.createFile(staging.resolve("_SUCCESS"));
    Files.move(staging, output);
    System.out.printf("%d event(s); %d window result(s), %d late event(s) in %s%n", lines.size(), windows.size(), late.size(),
        output.toAbsolutePath());
  }
}
