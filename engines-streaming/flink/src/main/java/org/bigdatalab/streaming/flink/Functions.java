package org.bigdatalab.streaming.flink;

import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;

/**
 * The job's Flink functions. Source elements are {@code (step, kind, payload)} tuples: a line, a
 * scripted watermark or an idle stretch; after the parse step, {@code (step, line)} pairs. The
 * events themselves are re-parsed where needed, so only strings cross Flink's network stack.
 *
 * <p>Watermarks: the SPI's watermark W promises no event with timestamp below W; Flink's promises
 * none at or below it. So the SPI's W is Flink's W − 1 ({@link #toFlink}, {@link #toSpi}), and
 * Flink's "window max timestamp (end − 1) ≤ watermark" is the SPI's "W ≥ end".
 */
final class Functions {
  private Functions() {}

  static final int LINE = 0;
  static final int WATERMARK = 1;
  static final int IDLE = 2;

  static final OutputTag<Tuple3<Integer, String, String>> DEAD =
      new OutputTag<>("dead-letters", Types.TUPLE(Types.INT, Types.STRING, Types.STRING));
  static final OutputTag<Tuple2<Integer, String>> LATE = new OutputTag<>("late", Types.TUPLE(Types.INT, Types.STRING));

  /** Shared by {@link UpdatesTrigger} (writes) and {@link Emit} (reads): whether the current firing was caused by a late event. */
  static final ValueStateDescriptor<Boolean> LATE_FIRING = new ValueStateDescriptor<>("late-firing", Types.BOOLEAN);

  static long toFlink(long spi) {
    return spi == Long.MIN_VALUE || spi == Long.MAX_VALUE ? spi : spi - 1;
  }

  static long toSpi(long flink) {
    return flink == Long.MIN_VALUE || flink == Long.MAX_VALUE ? flink : flink + 1;
  }

  /** The event's own timestamp (never the wall clock); steps that are not events get none. */
  static final class EventTime<T> implements TimestampAssigner<Tuple3<Integer, Integer, String>>, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final StreamFns.Parser<T> parser;
    private final StreamFns.Timestamp<T> timestamp;

    EventTime(StreamFns.Parser<T> parser, StreamFns.Timestamp<T> timestamp) {
      this.parser = parser;
      this.timestamp = timestamp;
    }

    @Override
    public long extractTimestamp(Tuple3<Integer, Integer, String> step, long previous) {
      if (step.f1 != LINE) {
        return Long.MIN_VALUE;
      }
      try {
        return timestamp.of(parser.parse(step.f2));
      } catch (BadRecordException e) {
        return Long.MIN_VALUE;
      }
    }
  }

  /**
   * Follows the script: after an event, at least (largest timestamp so far) − bound; a scripted
   * watermark step raises it to its value. Punctuated (emitted on the step that raises it), never
   * periodic, so processing time plays no part. Each watermark emitted is recorded for the result.
   */
  static final class ScriptWatermarks<T> implements WatermarkGenerator<Tuple3<Integer, Integer, String>> {
    private final String runId;
    private final Rule<T> rule;
    private long current = Long.MIN_VALUE;

    ScriptWatermarks(String runId, Rule<T> rule) {
      this.runId = runId;
      this.rule = rule;
    }

    /** The SPI's watermark rule for one step, shared with {@link StepSource}, which replays it to a restored position. */
    record Rule<T>(StreamFns.Parser<T> parser, StreamFns.Timestamp<T> timestamp, long bound) implements java.io.Serializable {
      long advance(long current, Tuple3<Integer, Integer, String> step) {
        if (step.f1 == WATERMARK) {
          return Math.max(current, Long.parseLong(step.f2));
        } else if (step.f1 == LINE) {
          try {
            return Math.max(current, timestamp.of(parser.parse(step.f2)) - bound);
          } catch (BadRecordException e) {
            return current;
          }
        }
        return current;
      }
    }

    @Override
    public void onEvent(Tuple3<Integer, Integer, String> step, long eventTimestamp, WatermarkOutput output) {
      long next = rule.advance(current, step);
      if (next > current) {
        current = next;
        if (runId != null) {   // null on a remote cluster: no run in this JVM to record to
          Runs.of(runId).watermarks.add(current);
        }
        output.emitWatermark(new Watermark(toFlink(current)));
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      // Punctuated only: the script says what time it is.
    }
  }

  /** Keeps the lines that parse; the others go to the dead-letter side output with the parser's reason. */
  static final class Parse<T> extends ProcessFunction<Tuple3<Integer, Integer, String>, Tuple2<Integer, String>> {
    private static final long serialVersionUID = 1L;
    private final StreamFns.Parser<T> parser;

    Parse(StreamFns.Parser<T> parser) { this.parser = parser; }

    @Override
    public void processElement(Tuple3<Integer, Integer, String> step, Context ctx, Collector<Tuple2<Integer, String>> out) {
      if (step.f1 != LINE) {
        return;
      }
      try {
        parser.parse(step.f2);
        out.collect(Tuple2.of(step.f0, step.f2));
      } catch (BadRecordException e) {
        ctx.output(DEAD, Tuple3.of(step.f0, step.f2, String.valueOf(e.getMessage())));
      }
    }
  }

  static final class KeyOf<T> implements KeySelector<Tuple2<Integer, String>, String> {
    private static final long serialVersionUID = 1L;
    private final StreamFns.Parser<T> parser;
    private final StreamFns.Key<T> key;

    KeyOf(StreamFns.Parser<T> parser, StreamFns.Key<T> key) {
      this.parser = parser;
      this.key = key;
    }

    @Override
    public String getKey(Tuple2<Integer, String> line) { return key.of(parser.parse(line.f1)); }
  }

  /** The SPI's aggregate as Flink's: accumulators are values, so add and merge return new ones. */
  static final class Agg<T, A, R> implements AggregateFunction<Tuple2<Integer, String>, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final StreamFns.Parser<T> parser;
    private final Aggregate<T, A, R> aggregate;

    Agg(StreamFns.Parser<T> parser, Aggregate<T, A, R> aggregate) {
      this.parser = parser;
      this.aggregate = aggregate;
    }

    @Override public Object createAccumulator() { return aggregate.create(); }

    @SuppressWarnings("unchecked")
    @Override public Object add(Tuple2<Integer, String> line, Object acc) { return aggregate.add((A) acc, parser.parse(line.f1)); }

    @SuppressWarnings("unchecked")
    @Override public Object getResult(Object acc) { return aggregate.result((A) acc); }

    @SuppressWarnings("unchecked")
    @Override public Object merge(Object a, Object b) { return aggregate.merge((A) a, (A) b); }
  }

  /** Each firing as a {@link WindowResult}, with the watermark that fired it and how it fired. */
  static final class Emit extends ProcessWindowFunction<Object, Object, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final boolean updates;

    Emit(boolean updates) { this.updates = updates; }

    @Override
    public void process(String key, Context ctx, Iterable<Object> values, Collector<Object> out) throws Exception {
      WindowResult.Firing firing = WindowResult.Firing.FINAL;
      if (updates) {
        ValueState<Boolean> late = ctx.windowState().getState(LATE_FIRING);
        firing = Boolean.TRUE.equals(late.value()) ? WindowResult.Firing.LATE : WindowResult.Firing.ON_TIME;
      }
      TimeWindow w = ctx.window();
      for (Object value : values) {
        out.collect(new WindowResult<>(key, new Window(w.getStart(), w.getEnd()), value, firing, toSpi(ctx.currentWatermark())));
      }
    }

    @Override
    public void clear(Context ctx) throws Exception {
      if (updates) {
        ctx.windowState().getState(LATE_FIRING).clear();
      }
    }
  }

  /** Final results: one firing per window, once the watermark reaches its end plus the allowed lateness. */
  static final class FinalTrigger extends Trigger<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long lateness;

    FinalTrigger(long lateness) { this.lateness = lateness; }

    private long fireAt(TimeWindow w) { return StreamingJob.plus(w.maxTimestamp(), lateness); }

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow w, TriggerContext ctx) {
      ctx.registerEventTimeTimer(fireAt(w));
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
      return time == fireAt(w) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) { return TriggerResult.CONTINUE; }

    @Override public boolean canMerge() { return true; }

    @Override
    public void onMerge(TimeWindow w, OnMergeContext ctx) {
      long at = fireAt(w);
      if (at > ctx.getCurrentWatermark()) {
        ctx.registerEventTimeTimer(at);
      }
    }

    @Override
    public void clear(TimeWindow w, TriggerContext ctx) { ctx.deleteEventTimeTimer(fireAt(w)); }
  }

  /**
   * Updates: Flink's {@code EventTimeTrigger} (fire when the watermark reaches the end, and again
   * for each late event within the lateness), which also notes in the window's state whether a
   * firing was caused by a late event, so {@link Emit} can tell on-time from late.
   */
  static final class UpdatesTrigger extends Trigger<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow w, TriggerContext ctx) throws Exception {
      if (w.maxTimestamp() <= ctx.getCurrentWatermark()) {
        ctx.getPartitionedState(LATE_FIRING).update(true);
        return TriggerResult.FIRE;
      }
      ctx.registerEventTimeTimer(w.maxTimestamp());
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) throws Exception {
      if (time == w.maxTimestamp()) {
        ctx.getPartitionedState(LATE_FIRING).update(false);
        return TriggerResult.FIRE;
      }
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) { return TriggerResult.CONTINUE; }

    @Override
    public void clear(TimeWindow w, TriggerContext ctx) throws Exception {
      ctx.deleteEventTimeTimer(w.maxTimestamp());
      ctx.getPartitionedState(LATE_FIRING).clear();
    }
  }

  /** Events beyond the allowed lateness, from {@code sideOutputLateData}, with the watermark they met. */
  static final class CollectLate<T> extends ProcessFunction<Tuple2<Integer, String>, Object> {
    private static final long serialVersionUID = 1L;
    private final StreamFns.Parser<T> parser;
    private final StreamFns.Key<T> key;

    CollectLate(StreamFns.Parser<T> parser, StreamFns.Key<T> key) {
      this.parser = parser;
      this.key = key;
    }

    @Override
    public void processElement(Tuple2<Integer, String> line, Context ctx, Collector<Object> out) {
      out.collect(new LateEvent(line.f1, ctx.timestamp(), key.of(parser.parse(line.f1)),
          toSpi(ctx.timerService().currentWatermark())));
    }
  }

  static final class CollectDead extends ProcessFunction<Tuple3<Integer, String, String>, Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Tuple3<Integer, String, String> d, Context ctx, Collector<Object> out) {
      out.collect(new DeadLetter(d.f0, d.f1, d.f2));
    }
  }
}
