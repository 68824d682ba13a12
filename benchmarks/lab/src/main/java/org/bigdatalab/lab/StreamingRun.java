package org.bigdatalab.lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.ClickJobs;
import org.bigdatalab.streaming.spec.NexmarkQueries;
import org.bigdatalab.workloads.NexmarkEvent;

/**
 * {@code lab run} on a streaming engine ({@code stream-sequential}, {@code stream-parallel}): the
 * spec's windowed jobs over the user's file of events, one {@code time,user,amount} line each (time
 * in milliseconds, in the order they arrived). {@code windowed-count} counts and {@code windowed-sum}
 * sums amounts per user in tumbling windows of {@code --window}; the watermark trails the largest
 * event time by {@code --watermark-bound}, so an event older than that is late and goes to the
 * {@code late} file instead of a window. Output: {@code part-00000}, one line per window result
 * ({@code key TAB [start,end) TAB value TAB firing}), and {@code late}.
 *
 * <p>Nexmark queries over a file of Nexmark events ({@code P,…}, {@code A,…}, {@code B,…} lines, as
 * the workloads' generator writes them, in arrival order), each reading its topic of the file as the
 * benchmark does: {@code nexmark-q5} bids per auction in sliding windows ({@code --window} every
 * {@code --slide}), {@code nexmark-q7} the highest bid per tumbling window, {@code nexmark-q8} per
 * person and window its name and the auctions it opened (persons and auctions), {@code nexmark-q11}
 * bids per bidder per session ({@code --window} is the gap).
 */
final class StreamingRun {
  static final List<String> JOBS = List.of("windowed-count", "windowed-sum", "nexmark-q5", "nexmark-q7", "nexmark-q8", "nexmark-q11");

  /** A job, the lines of the file it reads (its topic), and the parser that checks them. */
  private record Query(StreamingJob<?, ?, ?> job, Predicate<String> topic, Function<String, ?> parser) {}

  private static Query query(String job, long window, long slide, long bound) {
    Predicate<String> bids = line -> line.startsWith("B,");
    return switch (job) {
      case "windowed-count" -> new Query(ClickJobs.COUNT.job(Windows.tumbling(window), bound), line -> true, Click::parse);
      case "windowed-sum" -> new Query(ClickJobs.SUM.job(Windows.tumbling(window), bound), line -> true, Click::parse);
      case "nexmark-q5" -> new Query(NexmarkQueries.q5BidsPerAuction(window, slide, bound), bids, NexmarkEvent::parse);
      case "nexmark-q7" -> new Query(NexmarkQueries.q7HighestBid(window, bound), bids, NexmarkEvent::parse);
      case "nexmark-q8" -> new Query(NexmarkQueries.q8NewSellers(window, bound), line -> line.startsWith("P,") || line.startsWith("A,"),
          NexmarkEvent::parse);
      case "nexmark-q11" -> new Query(NexmarkQueries.q11Sessions(window, bound), bids, NexmarkEvent::parse);
      default -> throw new UserError("unknown streaming job '" + job + "'; known: " + String.join(", ", JOBS));
    };
  }

  private StreamingRun() {}

  static String run(StreamingEngine engine, String job, List<Path> inputs, Path output, long window, long slide, long watermarkBound)
      throws Exception {
    if (window <= 0 || slide <= 0) {
      throw new UserError("--window and --slide must be positive (e.g. --window 10s --slide 2s)");
    }
    Query query = query(job, window, slide, watermarkBound);
    List<String> lines = new ArrayList<>();
    InputLines.check(inputs, query.parser(), false, line -> {
      if (query.topic().test(line)) {
        lines.add(line);
      }
    });
    StreamingResult<?> result = engine.run(query.job(), ScriptedSource.ofLines(lines));
    List<String> windows = new ArrayList<>();
    for (WindowResult<?> r : result.results()) {
      Object value = r.value() instanceof NexmarkEvent e ? e.line() : r.value(); // a bid as its line, as it came in
      windows.add(r.key() + "\t[" + r.window().start() + "," + r.window().end() + ")\t" + value + "\t"
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
    return String.format("%d event(s); %d window result(s), %d late event(s) in %s", lines.size(), windows.size(), late.size(),
        output.toAbsolutePath());
  }
}
