package org.bigdatalab.bench;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Real engines (Flink) serialize the job's functions, so these hold no probe: they hold its id
 * and find it in a static registry of this JVM once per deserialized copy (every engine here runs
 * its tasks embedded in the benchmark's JVM; a job run elsewhere fails with a clear message). The
 * source may call the time function from several threads (stream-parallel's shards, Flink's
 * source task beside the generator): the per-event check is one read of a volatile; noting a new
 * millisecond is synchronized, and the first thread to see it wins.
 */
final class NexmarkLatencyProbe implements AutoCloseable {
  /** A result and when the engine made it. */
  record Stamped<R>(R value, long madeNanos) implements Serializable {}

  private static final Map<Integer, NexmarkLatencyProbe> OPEN = new ConcurrentHashMap<>();
  private static final AtomicInteger IDS = new AtomicInteger();

  private final int id = IDS.incrementAndGet();
  private final long[] dueAt;
  private final long start = NexmarkGenerator.START_MILLIS;
  private volatile long maxSeen;
  final Histogram micros = new Histogram(3_600_000_000L, 3);
  /** Runs recorded. */
  int runs;

  NexmarkLatencyProbe(int events) {
    dueAt = new long[(int) (events * 1000L / (long) NexmarkData.EVENTS_PER_SECOND) + 2];
    reset();
    OPEN.put(id, this);
  }

  /** The open probe of this id, for a function that was serialized with the id only. */
  static NexmarkLatencyProbe open(int id) {
    NexmarkLatencyProbe probe = OPEN.get(id);
    if (probe == null) {
      throw new IllegalStateException("no open latency probe " + id + ": the job's functions must run in the benchmark's JVM");
    }
    return probe;
  }

  /** Leaves the registry: functions still holding the id fail from now on. */
  @Override
  public void close() { OPEN.remove(id); }

  /** Starts a fresh run. */
  synchronized void reset() {
    Arrays.fill(dueAt, 0);
    maxSeen = start - 1;
  }

  /**
   * The job, instrumented: the timestamp function notes ingest times (it runs once per event in the
   * source task, for lines and typed events alike), the aggregate stamps its results.
   */
  <A, R> StreamingJob<NexmarkEvent, A, Stamped<R>> instrument(StreamingJob<NexmarkEvent, A, R> job) {
    return new StreamingJob<>(job.name() + "+latency", job.parser(), job.key(), new Ingest(id, job.timestamp()), job.windows(),
        job.outOfOrderness(), job.allowedLateness(), new Stamping<>(job.aggregate()), job.mode());
  }

  private long ingested(long t) {
    if (t > maxSeen) {
      noteIngest(t);
    }
    return t;
  }

  private synchronized void noteIngest(long t) {
    if (t <= maxSeen) {
      return; // another thread saw it first
    }
    long now = System.nanoTime();
    for (long m = Math.max(maxSeen + 1, start); m <= t && m - start < dueAt.length; m++) {
      dueAt[(int) (m - start)] = now;
    }
    maxSeen = t;
  }

  /** Records the latency of every result the watermark of an event fired. */
  synchronized void record(StreamingResult<? extends Stamped<?>> result) {
    runs++;
    for (WindowResult<? extends Stamped<?>> r : result.results()) {
      long w = r.watermark() - start;
      if (r.watermark() != Long.MAX_VALUE && w >= 0 && w < dueAt.length && dueAt[(int) w] != 0) {
        micros.recordValue(Math.max(0, (r.value().madeNanos() - dueAt[(int) w]) / 1_000));
      }
    }
  }

  /** The job's time function, noting ingest times in the probe it finds by id (serializable: no probe inside). */
  private static final class Ingest implements StreamFns.Timestamp<NexmarkEvent> {
    private static final long serialVersionUID = 1L;
    private final int probeId;
    private final StreamFns.Timestamp<NexmarkEvent> time;
    private transient NexmarkLatencyProbe probe;

    Ingest(int probeId, StreamFns.Timestamp<NexmarkEvent> time) {
      this.probeId = probeId;
      this.time = time;
    }

    @Override
    public long of(NexmarkEvent e) {
      NexmarkLatencyProbe p = probe;
      if (p == null) {
        probe = p = open(probeId); // once per copy: a benign race, every thread finds the same probe
      }
      return p.ingested(time.of(e));
    }
  }

  /** The job's aggregate, its results stamped with the clock when the engine asks for them. */
  private static final class Stamping<A, R> implements Aggregate<NexmarkEvent, A, Stamped<R>> {
    private static final long serialVersionUID = 1L;
    private final Aggregate<NexmarkEvent, A, R> inner;

    Stamping(Aggregate<NexmarkEvent, A, R> inner) { this.inner = inner; }

    @Override public A create() { return inner.create(); }
    @Override public A add(A acc, NexmarkEvent e) { return inner.add(acc, e); }
    @Override public A merge(A a, A b) { return inner.merge(a, b); }
    @Override public Stamped<R> result(A acc) { return new Stamped<>(inner.result(acc), System.nanoTime()); }
    @Override public String toString() { return inner + "+stamp"; }
  }
}
