package org.bigdatalab.bench;

import java.util.List;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.NexmarkQueries;
import org.bigdatalab.workloads.NexmarkEvent;

/**
 * The queries the Nexmark benchmarks run, with Nexmark's default sizes (10 s windows, q5 sliding
 * every 2 s, q11 sessions of 10 s gap, q2 every 123rd auction), in-order streams (bound 0). The
 * extra {@code count} is the windowed count the hand-written loop also computes: bids per auction
 * per 10 s tumbling window.
 */
enum NexmarkBenchQuery {
  Q0, Q1, Q2, Q5, Q7, Q8, Q11, COUNT;

  static final long WINDOW_MILLIS = 10_000;

  boolean stateless() { return this == Q0 || this == Q1 || this == Q2; }

  /** The events this query reads: its topic's size. */
  int inputEvents(NexmarkData data) { return source(data, false).size(); }

  /** The topic this query reads, as lines (each parsed by the job) or typed (one batch of parsed events). */
  ScriptedSource source(NexmarkData data, boolean typed) {
    if (typed) {
      return stateless() ? data.allTyped : this == Q8 ? data.personsAndAuctionsTyped : data.bidsTyped;
    }
    return stateless() ? data.all : this == Q8 ? data.personsAndAuctions : data.bids;
  }

  /**
   * The topic from one of B06's sources: {@code lines}, {@code typed}, or {@code columns} (typed,
   * the bids' batch also carrying their time and auction columns; the other topics as typed).
   */
  ScriptedSource source(NexmarkData data, String source) {
    if (source.equals("columns") && !stateless() && this != Q8) {
      return data.bidsColumns;
    }
    return source(data, !source.equals("lines"));
  }

  /** The windowed job (null for the stateless ones). */
  StreamingJob<NexmarkEvent, ?, ?> windowedJob() {
    return switch (this) {
      case Q5 -> NexmarkQueries.q5BidsPerAuction(WINDOW_MILLIS, 2_000, 0);
      case Q7 -> NexmarkQueries.q7HighestBid(WINDOW_MILLIS, 0);
      case Q8 -> NexmarkQueries.q8NewSellers(WINDOW_MILLIS, 0);
      case Q11 -> NexmarkQueries.q11Sessions(WINDOW_MILLIS, 0);
      case COUNT -> countPerAuction();
      default -> null;
    };
  }

  /** Keyed and timed by declared fields ({@link StreamFns.Field}), so an engine may read a columnar batch's columns. */
  static StreamingJob<NexmarkEvent, Long, Long> countPerAuction() {
    return StreamingJob.of("nexmark-count", NexmarkEvent::parse,
        new StreamFns.KeyField<NexmarkEvent>("auction", e -> ((NexmarkEvent.Bid) e).auction()),
        new StreamFns.TimeField<NexmarkEvent>("time", NexmarkEvent::time), Windows.tumbling(WINDOW_MILLIS), Aggregate.<NexmarkEvent>count());
  }

  /**
   * Runs the query once on the engine and reads every result it emitted (each output; each window
   * result and watermark), returning a sum of their hashes so nothing is optimized away. Reading is
   * part of the job: an engine may hand back results it makes only when read ({@code ComputedList}),
   * and counting the list alone would leave that work out of its time. A hash reads every component of a
   * result but not a whole-number key's text, which {@code WindowResult.withLongKey} writes only when
   * {@code key()} is called: like B07's loop, which folds each auction id into its checksum as a number,
   * this reader (as a sink of numbers would) never needs it.
   */
  long run(StreamingEngine engine, NexmarkData data, String from) throws StreamingFailedException {
    ScriptedSource source = source(data, from);
    return switch (this) {
      case Q0 -> readAll(engine.runStateless(NexmarkQueries.q0PassThrough(), source).outputs());
      case Q1 -> readAll(engine.runStateless(NexmarkQueries.q1Currency(), source).outputs());
      case Q2 -> readAll(engine.runStateless(NexmarkQueries.q2Selection(123), source).outputs());
      default -> readAll(engine.run(windowedJob(), source));
    };
  }

  static long readAll(List<?> outputs) {
    long sum = outputs.size();
    for (Object o : outputs) {
      sum += o.hashCode();
    }
    return sum;
  }

  static long readAll(StreamingResult<?> result) {
    long sum = readAll(result.results());
    for (long watermark : result.watermarks()) {
      sum += watermark;
    }
    return sum;
  }
}
