package org.bigdatalab.streaming.reference;

import java.util.List;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.Windows;

/**
 * Deliberately broken event-time engines, each wrong in one classic way and otherwise
 * {@code stream-sequential}. {@link StreamingSelfTest} shows that the matching clause catches each
 * one: a clause no broken engine fails has no teeth.
 */
final class BrokenStreamingEngines {
  private BrokenStreamingEngines() {}

  private static EngineInfo broken(String id, String what) {
    return EngineInfo.builder(id, Topic.STREAMING).kind(EngineInfo.Kind.BROKEN).description(what).build();
  }

  /** Window start as {@code ts - ts % size}: Java's remainder is negative for negative times, so those land in the wrong window. */
  static final class NegativeRemainderTumbling extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-negative-remainder", "tumbling start by % instead of floorMod"); }

    @Override protected Semantics semantics() {
      return new Semantics() {
        @Override
        public List<Window> assign(Windows windows, long ts) {
          if (windows instanceof Windows.Tumbling t) {
            long start = ts - ts % t.size();
            return List.of(new Window(start, start + t.size()));
          }
          return windows.assign(ts);
        }
      };
    }
  }

  /** Sliding windows off by one: the earliest window an event belongs to is missed. */
  static final class SlidingMissesFirstWindow extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-sliding-off-by-one", "assigns size/slide - 1 sliding windows"); }

    @Override protected Semantics semantics() {
      return new Semantics() {
        @Override
        public List<Window> assign(Windows windows, long ts) {
          List<Window> all = windows.assign(ts);
          return windows instanceof Windows.Sliding && all.size() > 1 ? all.subList(1, all.size()) : all;
        }
      };
    }
  }

  /** A new event joins the first session it touches only: a bridging event never merges two sessions. */
  static final class SessionsNeverMerge extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-sessions-never-merge", "no session merging"); }
    @Override protected Semantics semantics() {
      return new Semantics() {
        @Override public boolean mergesSessions() { return false; }
      };
    }
  }

  /** Ignores the out-of-orderness bound: windows fire on the first event past their end, in arrival order. */
  static final class FiresInArrivalOrder extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-arrival-order", "watermark = largest timestamp seen"); }
    @Override protected long outOfOrderness(StreamingJob<?, ?, ?> job) { return 0; }
  }

  /** Fires at end - 1 (Flink's inclusive maxTimestamp mixed with this SPI's exclusive end). */
  static final class FiresOneEarly extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-fires-early", "fires windows at end - 1"); }
    @Override protected Semantics semantics() {
      return new Semantics() {
        @Override public long firesAt(Window window) { return window.end() - 1; }
      };
    }
  }

  /** Events beyond the lateness vanish: no side output, no count. */
  static final class DropsLateSilently extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-drops-late-silently", "drops late events without a trace"); }
    @Override protected Semantics semantics() {
      return new Semantics() {
        @Override public boolean reportsLate() { return false; }
      };
    }
  }

  /** Purges windows at their end: allowed lateness ignored, late events within it go to the side output. */
  static final class IgnoresAllowedLateness extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-ignores-lateness", "allowed lateness taken as 0"); }
    @Override protected Semantics semantics() {
      return new Semantics() {
        @Override public long lateness(StreamingJob<?, ?, ?> job) { return 0; }
      };
    }
  }

  /** The seed's Kafka Streams bug: the event's time is the wall clock when it is processed. */
  static final class WallClockTime extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-wall-clock", "event time = System.currentTimeMillis()"); }
    @Override protected <T> long timestampOf(StreamingJob<T, ?, ?> job, T event) { return System.currentTimeMillis(); }
  }

  /** Restores state and rewinds the source, but keeps what was emitted since the checkpoint: at-least-once. */
  static final class ReplaysWithoutDedup extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-replays-without-dedup", "no transactional sink"); }
    @Override protected boolean discardsUncommittedOnRestore() { return false; }
  }

  /** Bad lines skipped without a dead letter. */
  static final class SkipsBadInputSilently extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-skips-bad-input", "no dead letters"); }
    @Override protected boolean reportsBadInput() { return false; }
  }

  /** Runs stateless jobs in batches of 8 lines and never flushes the last, partial batch. */
  static final class LosesLastPartialBatch extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-loses-last-batch", "stateless stage drops a partial last batch"); }

    @Override
    public <T, R> StatelessResult<R> runStateless(StatelessJob<T, R> job, ScriptedSource source)
        throws StreamingFailedException {
      int whole = source.size() - source.size() % 8;
      return super.runStateless(job, new ScriptedSource(source.steps().subList(0, whole)));
    }
  }

  /**
   * The typed fast path done wrong: a batch's watermark rises are applied before its events, so
   * windows the batch's own later events close fire first and its earlier events come too late.
   */
  static final class TypedBatchWatermarkFirst extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-typed-watermark-first", "typed batch: watermark before events"); }

    @Override
    protected <T, A, R> Shards<T> shards(StreamingJob<T, A, R> job, Sink<R> sink, WatermarkCombiner combiner) {
      Shard<T, R> shard = new Shard<>(0, new WindowOperator<>(job, semantics()), sink, combiner);
      InlineShards<T> honest = new InlineShards<>(shard);
      return new Shards<>() {
        @Override public void element(String key, int route, T event, String line, long ts) throws StreamingFailedException {
          honest.element(key, route, event, line, ts);
        }
        @Override public void watermark(long time) throws StreamingFailedException { honest.watermark(time); }
        @Override public void batch(TypedChunk<T> chunk) throws StreamingFailedException {
          for (int r = 0; r < chunk.riseCount; r++) {
            honest.watermark(chunk.rises[r]);
          }
          for (int i = 0; i < chunk.size; i++) {
            String key = chunk.keys != null ? chunk.keys[i] : Long.toString(chunk.longKeys[i]);
            honest.element(key, chunk.routes[i], chunk.event(i), chunk.line(i), chunk.times[i]);
          }
        }
        @Override public long keyed(TypedScan<T> slice) throws StreamingFailedException { return honest.keyed(slice); }
        @Override public List<Object> checkpoint() { return honest.checkpoint(); }
        @Override public void sync() { honest.sync(); }
        @Override public void restore(List<Object> snapshots, int epoch) { honest.restore(snapshots, epoch); }
        @Override public void close() { honest.close(); }
      };
    }
  }

  /**
   * stream-parallel whose driver, after a typed batch it partitioned by key, keeps the watermark it
   * had before the batch (not the one after its last event). Nothing changes until a restore goes back to a
   * checkpoint taken with that stale watermark: the replay re-emits watermarks already committed,
   * lower than the last one. {@link ScannedBatchCrashTest} pins it.
   */
  static final class ScannedBatchKeepsOldWatermark extends ParallelStreaming {
    ScannedBatchKeepsOldWatermark() { super(2); }

    @Override public EngineInfo info() { return broken("broken-scanned-stale-watermark", "scanned typed batch: driver's watermark not advanced"); }

    @Override
    protected <T, A, R> Shards<T> shards(StreamingJob<T, A, R> job, Sink<R> sink, WatermarkCombiner combiner) {
      Shards<T> honest = super.shards(job, sink, combiner);
      return new Shards<>() {
        private long before;

        @Override public void element(String key, int route, T event, String line, long ts) throws StreamingFailedException {
          honest.element(key, route, event, line, ts);
        }
        @Override public void watermark(long time) throws StreamingFailedException { honest.watermark(time); }
        @Override public void batch(TypedChunk<T> chunk) throws StreamingFailedException { honest.batch(chunk); }
        @Override public long keyed(TypedScan<T> slice) throws StreamingFailedException {
          if (slice.from() == 0) {
            before = slice.watermark();
          }
          long after = honest.keyed(slice);
          return slice.to() == slice.batch().size() ? before : after;
        }
        @Override public List<Object> checkpoint() throws StreamingFailedException { return honest.checkpoint(); }
        @Override public void sync() throws StreamingFailedException { honest.sync(); }
        @Override public void restore(List<Object> snapshots, int epoch) throws StreamingFailedException {
          honest.restore(snapshots, epoch);
        }
        @Override public void close() { honest.close(); }
      };
    }
  }

  /** Runs a typed batch's stateless stage from its last event to its first (as if its ranges were joined back to front). */
  static final class ReordersTypedBatch extends SequentialStreaming {
    @Override public EngineInfo info() { return broken("broken-typed-reorders", "typed batch: outputs reversed"); }

    @Override
    public <T, R> StatelessResult<R> runStateless(StatelessJob<T, R> job, ScriptedSource source)
        throws StreamingFailedException {
      List<ScriptedSource.Step> steps = new java.util.ArrayList<>();
      for (ScriptedSource.Step step : source.steps()) {
        if (step instanceof ScriptedSource.Events<?> batch) {
          steps.add(reversed(batch));
        } else {
          steps.add(step);
        }
      }
      return super.runStateless(job, new ScriptedSource(steps));
    }

    private static <T> ScriptedSource.Events<T> reversed(ScriptedSource.Events<T> batch) {
      List<T> events = new java.util.ArrayList<>(batch.events());
      java.util.Collections.reverse(events);
      return new ScriptedSource.Events<>(events, batch.format());
    }
  }

  /** Not broken: an engine without a side output that declares it and counts late events instead. */
  static final class CountsLateEvents extends SequentialStreaming {
    @Override
    public EngineInfo info() {
      return EngineInfo.builder("stream-counts-late", Topic.STREAMING).description("late events counted, no side output").build();
    }

    @Override protected Semantics semantics() {
      return new Semantics() {
        @Override public boolean sideOutput() { return false; }
      };
    }
  }
}
