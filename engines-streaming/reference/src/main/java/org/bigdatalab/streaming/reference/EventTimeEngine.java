package org.bigdatalab.streaming.reference;

import java.util.List;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.LateData;
import org.bigdatalab.streaming.RunOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;

/**
 * The driver both reference engines share: the source task. It reads the script step by step,
 * parses lines (dead letters for the bad ones), extracts event time, derives the watermark from the
 * out-of-orderness bound, routes events to their key's shard and broadcasts watermarks. Every
 * {@code checkpointEvery} steps it sends a barrier, and when the barrier's snapshots are all in, it
 * records (source step, watermark, snapshots) and commits the sink. On a crash it aborts the sink,
 * restores the last checkpoint and rewinds the source to its step: exactly-once output.
 *
 * <p>Subclasses choose the shards ({@link #shards}); the protected hooks exist so that the
 * self-test's broken engines can each get one thing wrong.
 */
abstract class EventTimeEngine implements StreamingEngine {

  /** Builds the shards of one run. */
  protected abstract <T, A, R> Shards<T> shards(StreamingJob<T, A, R> job, Sink<R> sink, WatermarkCombiner combiner);

  /** How many shards {@link #shards} makes (the watermark combiner needs it first). */
  protected abstract int shardCount();

  /** What a restore goes back to: a source step, the watermark then, and the shards' snapshots. */
  private record Checkpoint(int step, long watermark, List<Object> snapshots) {}

  @Override
  public <T, A, R> StreamingResult<R> run(StreamingJob<T, A, R> job, ScriptedSource source, RunOptions options)
      throws StreamingFailedException {
    Sink<R> sink = new Sink<>();
    WatermarkCombiner combiner = new WatermarkCombiner(shardCount(), sink);
    List<ScriptedSource.Step> steps = source.steps();
    try (Shards<T> shards = shards(job, sink, combiner)) {
      Checkpoint last = new Checkpoint(0, Long.MIN_VALUE, shards.checkpoint());
      int epoch = 1;
      long watermark = Long.MIN_VALUE;
      boolean crashed = false;
      int restarts = 0;
      int step = 0;
      while (step < steps.size()) {
        if (!crashed && step == options.crashBeforeStep()) {
          crashed = true;
          restarts++;
          shards.sync();
          if (discardsUncommittedOnRestore()) {
            sink.abort();
          }
          shards.restore(last.snapshots(), epoch);
          combiner.reset(last.watermark());
          watermark = last.watermark();
          step = last.step();
          continue;
        }
        watermark = process(job, steps.get(step), step, watermark, shards, sink, epoch);
        step++;
        if (options.checkpointEvery() > 0 && step % options.checkpointEvery() == 0 && step < steps.size()) {
          last = new Checkpoint(step, watermark, shards.checkpoint());
          combiner.emitAllFired(); // windows fired before the barrier, not yet emitted: in this commit
          epoch++;
          sink.commitBefore(epoch);
        }
      }
      shards.watermark(Long.MAX_VALUE);
      shards.sync();
      combiner.emitAllFired();
      return sink.result(restarts);
    }
  }

  /** Handles one step of the script and returns the watermark after it. */
  private <T, A, R> long process(StreamingJob<T, A, R> job, ScriptedSource.Step step, int index, long watermark,
      Shards<T> shards, Sink<R> sink, int epoch) throws StreamingFailedException {
    if (step instanceof ScriptedSource.Watermark w && w.time() > watermark) {
      shards.watermark(w.time());
      return w.time();
    }
    if (step instanceof ScriptedSource.Events<?> typed) {
      @SuppressWarnings("unchecked") ScriptedSource.Events<T> batch = (ScriptedSource.Events<T>) typed;
      return events(job, batch, index, watermark, shards);
    }
    if (!(step instanceof ScriptedSource.Line line)) {
      return watermark;
    }
    T event;
    try {
      event = job.parser().parse(line.text());
    } catch (BadRecordException e) {
      if (reportsBadInput()) {
        sink.dead(epoch, new DeadLetter(index, line.text(), e.getMessage()));
      }
      return watermark;
    }
    long ts;
    String key;
    try {
      ts = timestampOf(job, event);
      key = job.key().of(event);
    } catch (RuntimeException e) {
      throw new StreamingFailedException("step " + index + " '" + line.text() + "': key or timestamp failed: " + e, e);
    }
    shards.element(key, route(job, key, event), event, line.text(), ts);
    long next = ts - outOfOrderness(job);
    if (next > watermark) {
      shards.watermark(next);
      return next;
    }
    return watermark;
  }

  /**
   * A typed batch: no parse; each event's key and time, and the watermark rises they cause, are
   * worked out here in arrival order, then the shards take the batch in chunks
   * ({@link Shards#batch}): the same messages per shard, in the same order, as the batch's lines
   * would have sent, but one hand-off per chunk and shard.
   */
  private <T> long events(StreamingJob<T, ?, ?> job, ScriptedSource.Events<T> batch, int index, long watermark,
      Shards<T> shards) throws StreamingFailedException {
    List<T> events = batch.events();
    long bound = outOfOrderness(job);
    StreamFns.LongKey<T> longKey = job.key() instanceof StreamFns.LongKey<T> k ? k : null;
    if (longKey != null && scansTypedBatches(job)) {
      if (events.isEmpty()) {
        return watermark;
      }
      int slice = scannedSliceSize();
      for (int from = 0; from < events.size(); from += slice) {
        int to = Math.min(events.size(), from + slice);
        try {
          watermark = shards.keyed(new TypedScan<>(batch, from, to, watermark, bound, job.timestamp(), longKey));
        } catch (RuntimeException e) { // the shards' own failures come as StreamingFailedException
          throw new StreamingFailedException("step " + index + " events " + from + "-" + to
              + ": key or timestamp failed: " + e, e);
        }
      }
      return watermark;
    }
    for (int from = 0; from < events.size(); from += TypedChunk.SIZE) {
      int to = Math.min(events.size(), from + TypedChunk.SIZE);
      TypedChunk<T> chunk = new TypedChunk<>(batch, from, to, longKey != null);
      for (int i = from; i < to; i++) {
        T event = events.get(i);
        long ts;
        try {
          ts = timestampOf(job, event);
          if (longKey != null) {
            chunk.add(longKey.longOf(event), ts);
          } else {
            chunk.add(job.key().of(event), ts);
          }
        } catch (RuntimeException e) {
          throw new StreamingFailedException("step " + index + " event " + i + " '" + batch.line(i)
              + "': key or timestamp failed: " + e, e);
        }
        long next = ts - bound;
        if (next > watermark) {
          watermark = next;
          chunk.rise(next);
        }
      }
      shards.batch(chunk);
    }
    return watermark;
  }

  /**
   * The hash that picks an event's shard: the key string's, or for a whole-number key
   * ({@link StreamFns.LongKey}) the number's, so a typed batch can route without writing the key
   * out; lines and typed events of one run route alike.
   */
  static <T> int route(StreamingJob<T, ?, ?> job, String key, T event) {
    return job.key() instanceof StreamFns.LongKey<T> k ? Long.hashCode(k.longOf(event)) : key.hashCode();
  }

  /** One thread, the whole source in one pass. */
  @Override
  public <T, R> StatelessResult<R> runStateless(StatelessJob<T, R> job, ScriptedSource source)
      throws StreamingFailedException {
    try {
      return StatelessStage.concat(List.of(StatelessStage.run(job, source.steps(), 0, source.records())));
    } catch (RuntimeException e) {
      throw StatelessStage.failed(job, e);
    }
  }

  @Override
  public LateData lateData() {
    return semantics().sideOutput() ? LateData.SIDE_OUTPUT : LateData.COUNTED_DROP;
  }

  // hooks for the self-test's broken engines ----------------------------------------------------

  /** The window operator's decisions; honest engines keep every default. */
  protected Semantics semantics() { return HONEST; }

  static final Semantics HONEST = new Semantics() {};

  /** The event's time: the job's timestamp function. */
  protected <T> long timestampOf(StreamingJob<T, ?, ?> job, T event) { return job.timestamp().of(event); }

  /** How far behind the largest timestamp the watermark stays. */
  protected long outOfOrderness(StreamingJob<?, ?, ?> job) { return job.outOfOrderness(); }

  /**
   * Whether typed batches go to the shards as slices of primitive keys and times ({@link Shards#keyed}) rather than as
   * the driver's per-event arrays to every shard: only for state that can ({@link TumblingCount}),
   * and only where the job's own timestamp and bound are the engine's (the slice reads the
   * job's functions or the batch's columns, not the hooks above).
   */
  protected boolean scansTypedBatches(StreamingJob<?, ?, ?> job) { return false; }

  /** Events per slice of a scanned typed batch ({@link Shards#keyed}): {@link KeyedSlice#SIZE}; a test may cut them smaller. */
  protected int scannedSliceSize() { return KeyedSlice.SIZE; }

  /** Whether a restore throws away what was emitted since the last checkpoint (it must). */
  protected boolean discardsUncommittedOnRestore() { return true; }

  /** Whether unparseable lines become dead letters (they must). */
  protected boolean reportsBadInput() { return true; }
}
