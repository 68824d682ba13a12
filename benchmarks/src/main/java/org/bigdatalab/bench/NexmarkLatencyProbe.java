package org.bigdatalab.bench;

import java.io.Serializable;
import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.workloads.NexmarkEvent;
import org.bigdatalab.workloads.NexmarkGenerator;

/**
 * End-to-end latency of windowed results without timing every event. A window result is due when
 * the watermark reaches the value it fired at ({@link WindowResult#watermark()}); with an in-order
 * stream and bound 0 that happens when the first event with a timestamp at or past that value is
 * ingested. So the probe keeps, per millisecond of event time, when the first event at or past it
 * was ingested, i.e. had its time read by the engine's source (one comparison per event, a clock
 * read and an array store per new millisecond: sampled, not timed per record), and the job's
 * aggregate stamps each result with the time it was made. Latency = stamp − ingest of the event
 * that made it due: queueing to the shard, the watermark's way through, the firing. Results fired
 * by the end of the input (watermark at the end of time) are not counted. Recorded in an
 * HdrHistogram, in microseconds.
 */
final class NexmarkLatencyProbe {
  /** A result and when the engine made it. */
  record Stamped<R>(R value, long madeNanos) implements Serializable {}

  private final long[] dueAt;
  private final long start = NexmarkGenerator.START_MILLIS;
  private long maxSeen;
  final Histogram micros = new Histogram(3_600_000_000L, 3);

  NexmarkLatencyProbe(int events) {
    dueAt = new long[(int) (events * 1000L / (long) NexmarkData.EVENTS_PER_SECOND) + 2];
  }

  /** Starts a fresh run. */
  void reset() {
    Arrays.fill(dueAt, 0);
    maxSeen = start - 1;
  }

  /**
   * The job, instrumented: the timestamp function notes ingest times (it runs once per event in the
   * source task, for lines and typed events alike), the aggregate stamps its results.
   */
  <A, R> StreamingJob<NexmarkEvent, A, Stamped<R>> instrument(StreamingJob<NexmarkEvent, A, R> job) {
    StreamFns.Timestamp<NexmarkEvent> time = e -> ingested(job.timestamp().of(e));
    Aggregate<NexmarkEvent, A, R> inner = job.aggregate();
    Aggregate<NexmarkEvent, A, Stamped<R>> stamping = new Aggregate<>() {
      @Override public A create() { return inner.create(); }
      @Override public A add(A acc, NexmarkEvent e) { return inner.add(acc, e); }
      @Override public A merge(A a, A b) { return inner.merge(a, b); }
      @Override public Stamped<R> result(A acc) { return new Stamped<>(inner.result(acc), System.nanoTime()); }
    };
    return new StreamingJob<>(job.name() + "+latency", job.parser(), job.key(), time, job.windows(),
        job.outOfOrderness(), job.allowedLateness(), stamping, job.mode());
  }

  private long ingested(long t) {
    if (t > maxSeen) {
      long now = System.nanoTime();
      for (long m = Math.max(maxSeen + 1, start); m <= t && m - start < dueAt.length; m++) {
        dueAt[(int) (m - start)] = now;
      }
      maxSeen = t;
    }
    return t;
  }

  /** Records the latency of every result the watermark of an event fired. */
  void record(StreamingResult<? extends Stamped<?>> result) {
    for (WindowResult<? extends Stamped<?>> r : result.results()) {
      long w = r.watermark() - start;
      if (r.watermark() != Long.MAX_VALUE && w >= 0 && w < dueAt.length && dueAt[(int) w] != 0) {
        micros.recordValue(Math.max(0, (r.value().madeNanos() - dueAt[(int) w]) / 1_000));
      }
    }
  }
}
