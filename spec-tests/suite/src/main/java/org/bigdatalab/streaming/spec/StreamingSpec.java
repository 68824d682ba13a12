package org.bigdatalab.streaming.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.streaming.StreamingClauses.BAD_INPUT;
import static org.bigdatalab.streaming.StreamingClauses.EVENT_TIME;
import static org.bigdatalab.streaming.StreamingClauses.EXACTLY_ONCE;
import static org.bigdatalab.streaming.StreamingClauses.LATENESS_ALLOWED;
import static org.bigdatalab.streaming.StreamingClauses.ORDER_INSENSITIVE;
import static org.bigdatalab.streaming.StreamingClauses.SESSION_EQUALS_ORACLE;
import static org.bigdatalab.streaming.StreamingClauses.SESSION_MERGE;
import static org.bigdatalab.streaming.StreamingClauses.SLIDING_EQUALS_ORACLE;
import static org.bigdatalab.streaming.StreamingClauses.TUMBLING_EQUALS_ORACLE;
import static org.bigdatalab.streaming.StreamingClauses.WATERMARK_MONOTONIC;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.property.IntRange;
import org.bigdatalab.property.Size;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.LateData;
import org.bigdatalab.streaming.LateEvent;
import org.bigdatalab.streaming.RunOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingJob.OutputMode;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.WindowResult.Firing;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.StreamingGenerators.BadLine;
import org.bigdatalab.suite.EngineUnderTest;
import org.bigdatalab.suite.Verifies;

/**
 * The event-time streaming spec: one check (or a few) per clause of
 * {@link org.bigdatalab.streaming.StreamingClauses}. Event time is always scripted: generated
 * clicks carry their timestamps, watermarks follow from them, idle processing time is a step of the
 * script, and nothing reads or waits for the wall clock.
 *
 * <p>The Nexmark clauses are checked by the superclass, {@link NexmarkSpec}.
 *
 * <p>What passing does not prove: behaviour under real concurrency at scale, durability of
 * checkpoints on disk, unbounded sources, or speed. Checks compare results, never times.
 */
public abstract class StreamingSpec extends NexmarkSpec {

  /** The suite for an engine lent by {@link org.bigdatalab.suite.matrix.ConformanceRunner}. */
  public static class Selected extends StreamingSpec {
    @Override protected StreamingEngine createEngine() { return (StreamingEngine) EngineUnderTest.current(); }
    @Override protected boolean ownsEngine() { return false; }
  }

  @Provide Arbitrary<Scenario> inBound() { return StreamingGenerators.inBound(); }
  @Provide Arbitrary<List<Scenario>> twoOrders() { return StreamingGenerators.twoOrders(); }
  @Provide Arbitrary<Scenario> bridging() { return StreamingGenerators.bridging(); }
  @Provide Arbitrary<Scenario> withLate() { return StreamingGenerators.withLate(); }
  @Provide Arbitrary<List<BadLine>> badLines() { return StreamingGenerators.badLines(); }
  @Provide Arbitrary<Windows> tumbling() { return StreamingGenerators.tumbling(); }
  @Provide Arbitrary<Windows> sliding() { return StreamingGenerators.sliding(); }
  @Provide Arbitrary<Windows> sessions() { return StreamingGenerators.sessions(); }
  @Provide Arbitrary<Windows> fixedWindows() { return org.bigdatalab.property.Arbitraries.oneOf(tumbling(), sliding()); }
  @Provide Arbitrary<Windows> anyWindows() { return StreamingGenerators.anyWindows(); }
  /** Typed batch sizes, used in turn: single events, small batches, and batches larger than the input. */
  @Provide Arbitrary<List<Integer>> batchSizes() {
    return org.bigdatalab.property.Arbitraries.integers().between(1, 300).list().ofMinSize(1).ofMaxSize(4);
  }

  // 1-3 ----------------------------------------------------------------------------------------

  /** Tumbling windows: the final results equal the batch oracle's, one per key and window. */
  @Property
  @Verifies(TUMBLING_EQUALS_ORACLE)
  void required_streaming_window_tumbling_equals_oracle(@ForAll("inBound") Scenario s, @ForAll("tumbling") Windows w,
      @ForAll ClickJobs shape) throws Exception {
    assertFinalEqualsOracle(shape.job(w, s.outOfOrderness()), s.source());
  }

  /**
   * Pinned: 10 ms windows, bound 5, negative time included: ann has 2 clicks in [0,10) (one 3 ms
   * out of order) and 1 in [10,20); bob 1 in [-10,0).
   */
  @Example
  @Verifies(TUMBLING_EQUALS_ORACLE)
  void required_streaming_window_tumbling_equals_oracle_pinned() throws Exception {
    StreamingJob<Click, ?, ?> job = ClickJobs.COUNT.job(Windows.tumbling(10), 5);
    StreamingResult<?> result = engine().run(job, ScriptedSource.ofLines(List.of("-3,bob,1", "4,ann,1", "1,ann,1", "12,ann,1")));
    assertThat(result.finalValues()).isEqualTo(Map.of(
        id("ann", 0, 10), 2L, id("ann", 10, 20), 1L, id("bob", -10, 0), 1L));
  }

  /** Sliding windows: the final results equal the batch oracle's. */
  @Property
  @Verifies(SLIDING_EQUALS_ORACLE)
  void required_streaming_window_sliding_equals_oracle(@ForAll("inBound") Scenario s, @ForAll("sliding") Windows w,
      @ForAll ClickJobs shape) throws Exception {
    assertFinalEqualsOracle(shape.job(w, s.outOfOrderness()), s.source());
  }

  /** Each click is counted in exactly size/slide windows. */
  @Property
  @Verifies(SLIDING_EQUALS_ORACLE)
  void required_streaming_window_sliding_equals_oracle_sizeOverSlideWindows(@ForAll("inBound") Scenario s,
      @ForAll("sliding") Windows w) throws Exception {
    Windows.Sliding sliding = (Windows.Sliding) w;
    StreamingResult<?> result = engine().run(ClickJobs.COUNT.job(w, s.outOfOrderness()), s.source());
    long counted = result.finalValues().values().stream().mapToLong(v -> (Long) v).sum();
    assertThat(counted).as("clicks counted over all %s windows", w)
        .isEqualTo(s.arrival().size() * (sliding.size() / sliding.slide()));
  }

  /** Session windows: the final results equal the batch oracle's sessions. */
  @Property
  @Verifies(SESSION_EQUALS_ORACLE)
  void required_streaming_window_session_equals_oracle(@ForAll("inBound") Scenario s, @ForAll("sessions") Windows w,
      @ForAll ClickJobs shape) throws Exception {
    s = s.withoutSessionTies(w);
    assertFinalEqualsOracle(shape.job(w, s.outOfOrderness()), s.source());
  }

  /** Session windows over clicks whose middle ones arrive last and bridge sessions: the oracle's sessions. */
  @Property
  @Verifies(SESSION_EQUALS_ORACLE)
  void required_streaming_window_session_equals_oracle_bridging(@ForAll("bridging") Scenario s,
      @ForAll("sessions") Windows w, @ForAll ClickJobs shape) throws Exception {
    s = s.withoutSessionTies(w);
    assertFinalEqualsOracle(shape.job(w, s.outOfOrderness()), s.source());
  }

  // 4 ------------------------------------------------------------------------------------------

  /** Two arrival orders of the same clicks within the bound give the same final results, the oracle's. */
  @Property
  @Verifies(ORDER_INSENSITIVE)
  void required_streaming_order_insensitive(@ForAll("twoOrders") List<Scenario> orders, @ForAll("anyWindows") Windows w,
      @ForAll ClickJobs shape) throws Exception {
    orders = orders.stream().map(o -> o.withoutSessionTies(w)).toList();
    StreamingJob<Click, ?, ?> job = shape.job(w, orders.get(0).outOfOrderness());
    StreamingResult<?> first = engine().run(job, orders.get(0).source());
    StreamingResult<?> second = engine().run(job, orders.get(1).source());
    assertThat(second.finalValues()).as("%s: final results of the second order vs the first", job)
        .isEqualTo(first.finalValues());
    assertThat(first.finalValues()).as("%s: final results vs the oracle", job)
        .isEqualTo(StreamingOracle.expect(job, orders.get(0).source()).finalValues());
  }

  // 5 ------------------------------------------------------------------------------------------

  /**
   * Watermarks never go back and end at the end of time; every result fired at a watermark that
   * had reached its window's end (plus lateness if final), and no later than the first such one.
   */
  @Property
  @Verifies(WATERMARK_MONOTONIC)
  void required_streaming_watermark_monotonic(@ForAll("withLate") Scenario s, @ForAll("fixedWindows") Windows w,
      @ForAll ClickJobs shape, @ForAll @IntRange(min = 0, max = 40) int lateness, @ForAll boolean updates,
      @ForAll boolean wholeNumberKey) throws Exception {
    StreamingJob<Click, ?, ?> job = (wholeNumberKey ? countByAmount(w, s.outOfOrderness()) : shape.job(w, s.outOfOrderness()))
        .withAllowedLateness(lateness).withMode(updates ? OutputMode.UPDATES : OutputMode.FINAL);
    StreamingResult<?> result = engine().run(job, s.source());
    List<Long> marks = result.watermarks();
    for (int i = 1; i < marks.size(); i++) {
      assertThat(marks.get(i)).as("%s: watermark %d after %s", job, i, marks.subList(0, i)).isGreaterThanOrEqualTo(marks.get(i - 1));
    }
    assertThat(marks).as("%s: emitted watermarks end at the end of the bounded input", job).endsWith(Long.MAX_VALUE);
    for (WindowResult<?> r : result.results()) {
      long end = r.window().end();
      long due = r.firing() == Firing.FINAL ? StreamingJob.plus(end, lateness) : end;
      assertThat(r.watermark()).as("%s: watermark that fired %s", job, r).isGreaterThanOrEqualTo(due);
      if (r.firing() == Firing.LATE) {
        assertThat(r.watermark()).as("%s: a late update %s comes before the window is final", job, r)
            .isLessThan(StreamingJob.plus(end, lateness));
      } else {
        long first = marks.stream().filter(m -> m >= due).findFirst().orElse(Long.MAX_VALUE);
        assertThat(r.watermark()).as("%s: %s fired at the first watermark reaching %d (%s)", job, r, due, marks)
            .isLessThanOrEqualTo(first);
      }
    }
  }

  /**
   * Pinned, with a scripted watermark: advancing it to 10 fires ann's [0,10) at 10, before the
   * click at 12 arrives; the end of input fires [10,20) at the end of time.
   */
  @Example
  @Verifies(WATERMARK_MONOTONIC)
  void required_streaming_watermark_monotonic_scriptedAdvance() throws Exception {
    StreamingJob<Click, ?, ?> job = ClickJobs.COUNT.job(Windows.tumbling(10), 0);
    StreamingResult<?> result = engine().run(job, new ScriptedSource(List.of(new ScriptedSource.Line("1,ann,1"),
        new ScriptedSource.Watermark(10), new ScriptedSource.Line("12,ann,1"))));
    assertThat(result.results()).extracting(WindowResult::window, WindowResult::watermark).containsExactly(
        org.assertj.core.groups.Tuple.tuple(new Window(0, 10), 10L),
        org.assertj.core.groups.Tuple.tuple(new Window(10, 20), Long.MAX_VALUE));
    assertThat(result.watermarks()).containsSubsequence(1L, 10L, 12L, Long.MAX_VALUE);
  }

  // 6 ------------------------------------------------------------------------------------------

  /**
   * With updates: late clicks within the lateness each emit a late update of their window, and the
   * latest values equal the oracle's over the accepted clicks; clicks beyond it go to the side
   * output (or are counted, where the engine declares no side output), never lost silently.
   */
  @Property
  @Verifies(LATENESS_ALLOWED)
  void required_streaming_lateness_allowed(@ForAll("withLate") Scenario s, @ForAll("fixedWindows") Windows w,
      @ForAll ClickJobs shape, @ForAll @IntRange(min = 0, max = 40) int lateness) throws Exception {
    StreamingJob<Click, ?, ?> job = shape.job(w, s.outOfOrderness()).withAllowedLateness(lateness).withMode(OutputMode.UPDATES);
    StreamingResult<?> result = engine().run(job, s.source());
    StreamingOracle.Expected<?> expected = StreamingOracle.expect(job, s.source());
    assertThat(result.finalValues()).as("%s: latest values", job).isEqualTo(expected.finalValues());
    Map<WindowResult.Id, Integer> lateUpdates = new java.util.TreeMap<>();
    Map<WindowResult.Id, Integer> onTime = new HashMap<>();
    for (WindowResult<?> r : result.results()) {
      (r.firing() == Firing.LATE ? lateUpdates : onTime).merge(r.id(), 1, Integer::sum);
    }
    assertThat(lateUpdates).as("%s: late updates per window", job).isEqualTo(expected.lateUpdates());
    onTime.forEach((id, n) -> assertThat(n).as("%s: on-time firings of %s", job, id).isEqualTo(1));
    assertLateAccounted(job, result, expected.tooLate());
  }

  /**
   * Pinned, updates mode, 10 ms windows, lateness 5: the watermark at 12 fires [0,10) on time with 1;
   * the click at 3 is late but within the lateness, so [0,10) is updated to 2; after the watermark
   * reaches 15 the window is final and the click at 4 goes to the late side output (or is counted).
   */
  @Example
  @Verifies(LATENESS_ALLOWED)
  void required_streaming_lateness_allowed_pinned() throws Exception {
    StreamingJob<Click, ?, ?> job = ClickJobs.COUNT.job(Windows.tumbling(10), 0).withAllowedLateness(5)
        .withMode(OutputMode.UPDATES);
    StreamingResult<?> result = engine().run(job, new ScriptedSource(List.of(new ScriptedSource.Line("1,ann,1"),
        new ScriptedSource.Watermark(12), new ScriptedSource.Line("3,ann,1"), new ScriptedSource.Watermark(15),
        new ScriptedSource.Line("4,ann,1"))));
    assertThat(result.results()).extracting(WindowResult::firing, WindowResult::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Firing.ON_TIME, 1L), org.assertj.core.groups.Tuple.tuple(Firing.LATE, 2L));
    assertLateAccounted(job, result, List.of("4,ann,1"));
  }

  /** With final results only: the one result per window includes the late clicks within the lateness. */
  @Property
  @Verifies(LATENESS_ALLOWED)
  void required_streaming_lateness_allowed_finalResults(@ForAll("withLate") Scenario s, @ForAll("tumbling") Windows w,
      @ForAll ClickJobs shape, @ForAll @IntRange(min = 0, max = 40) int lateness) throws Exception {
    StreamingJob<Click, ?, ?> job = shape.job(w, s.outOfOrderness()).withAllowedLateness(lateness);
    StreamingResult<?> result = assertFinalEqualsOracle(job, s.source());
    assertLateAccounted(job, result, StreamingOracle.expect(job, s.source()).tooLate());
  }

  private void assertLateAccounted(StreamingJob<Click, ?, ?> job, StreamingResult<?> result, List<String> tooLate) {
    if (engine().lateData() == LateData.SIDE_OUTPUT) {
      assertThat(result.late().stream().map(LateEvent::line).toList()).as("%s: late side output", job)
          .containsExactlyInAnyOrderElementsOf(tooLate);
      assertThat(result.droppedLate()).as("%s: dropped late clicks (the engine has a side output)", job).isZero();
    } else {
      assertThat(result.late()).as("%s: late side output of an engine that declares none", job).isEmpty();
      assertThat(result.droppedLate()).as("%s: late clicks counted as dropped %s", job, tooLate).isEqualTo(tooLate.size());
    }
  }

  // 7 ------------------------------------------------------------------------------------------

  /** Pinned: sessions [0,10) and [20,30) of ann merge when the click at 10 arrives last and bridges them; bob stays apart. */
  @Example
  @Verifies(SESSION_MERGE)
  void required_streaming_session_merge_bridgingClickArrivesLast() throws Exception {
    StreamingJob<Click, ?, ?> job = ClickJobs.SUM.job(Windows.session(10), 20);
    StreamingResult<?> result = engine().run(job, ScriptedSource.ofLines(List.of("0,ann,1", "20,ann,2", "3,bob,8", "10,ann,4")));
    assertThat(result.finalValues()).isEqualTo(Map.of(id("ann", 0, 30), 7L, id("bob", 3, 13), 8L));
  }

  /** A key's emitted sessions never overlap or touch: every bridge was merged. */
  @Property
  @Verifies(SESSION_MERGE)
  void required_streaming_session_merge_sessionsNeverTouch(@ForAll("bridging") Scenario s, @ForAll("sessions") Windows w)
      throws Exception {
    s = s.withoutSessionTies(w);
    StreamingResult<?> result = engine().run(ClickJobs.COUNT.job(w, s.outOfOrderness()), s.source());
    Map<String, List<Window>> byKey = new HashMap<>();
    result.results().forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.window()));
    byKey.forEach((key, windows) -> {
      for (int i = 0; i < windows.size(); i++) {
        for (int j = i + 1; j < windows.size(); j++) {
          assertThat(windows.get(i).touches(windows.get(j))).as("sessions %s and %s of %s touch", windows.get(i),
              windows.get(j), key).isFalse();
        }
      }
    });
  }

  // 8 ------------------------------------------------------------------------------------------

  /** Pinned: clicks an hour apart in event time land in windows an hour apart, however fast they arrive. */
  @Example
  @Verifies(EVENT_TIME)
  void required_streaming_event_time_not_processing_time_hourApart() throws Exception {
    StreamingJob<Click, ?, ?> job = ClickJobs.COUNT.job(Windows.tumbling(60_000), 0);
    StreamingResult<?> result = engine().run(job, ScriptedSource.ofLines(List.of("0,ann,1", "3600000,ann,1", "3600001,bob,1")));
    assertThat(result.finalValues()).isEqualTo(Map.of(
        id("ann", 0, 60_000), 1L, id("ann", 3_600_000, 3_660_000), 1L, id("bob", 3_600_000, 3_660_000), 1L));
  }

  /** Hours of idle processing time between clicks change nothing: the results are the oracle's, with or without them. */
  @Property
  @Verifies(EVENT_TIME)
  void required_streaming_event_time_not_processing_time(@ForAll("inBound") Scenario s, @ForAll("anyWindows") Windows w,
      @ForAll ClickJobs shape, @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 1000) Integer> idleAt) throws Exception {
    s = s.withoutSessionTies(w);
    StreamingJob<Click, ?, ?> job = shape.job(w, s.outOfOrderness());
    List<ScriptedSource.Step> steps = new ArrayList<>(s.source().steps());
    for (int at : idleAt) {
      steps.add(at % (steps.size() + 1), new ScriptedSource.Idle(3_600_000));
    }
    StreamingResult<?> idle = engine().run(job, new ScriptedSource(steps));
    assertThat(idle.finalValues()).as("%s: final results with idle time %s", job, steps)
        .isEqualTo(StreamingOracle.expect(job, s.source()).finalValues());
    assertThat(objects(idle.results())).as("%s: results with and without idle time", job)
        .containsExactlyInAnyOrderElementsOf(objects(engine().run(job, s.source()).results()));
  }

  // 9 ------------------------------------------------------------------------------------------

  /**
   * A crash at a generated step, then a restore from the last checkpoint: the same outputs as an
   * uncrashed run, each once, and no watermark emitted twice across the restore.
   */
  @Property
  @Verifies(EXACTLY_ONCE)
  void optional_streaming_exactly_once_crash_restore(@ForAll("withLate") Scenario s, @ForAll("anyWindows") Windows w,
      @ForAll ClickJobs shape, @ForAll @IntRange(min = 1, max = 5) int checkpointEvery,
      @ForAll @IntRange(min = 0, max = 1000) int crashAt, @ForAll @IntRange(min = 0, max = 15) int lateness,
      @ForAll boolean updates, @ForAll boolean wholeNumberKey, @ForAll boolean typed) throws Exception {
    StreamingJob<Click, ?, ?> job = (wholeNumberKey ? countByAmount(w, s.outOfOrderness()) : shape.job(w, s.outOfOrderness()))
        .withAllowedLateness(lateness)
        .withMode(updates && !(w instanceof Windows.Session) ? OutputMode.UPDATES : OutputMode.FINAL);
    // typed: batches of 3 events, so a checkpoint or the crash falls between batches
    ScriptedSource source = typed ? TypedSources.typed(s.source(), Click::parse, Click::line, List.of(3)) : s.source();
    RunOptions crash = RunOptions.crashing(checkpointEvery, crashAt % source.size());
    StreamingResult<?> clean = engine().run(job, source);
    StreamingResult<?> crashed = engine().run(job, source, crash);
    assertThat(crashed.restarts()).as("%s: restarts with %s", job, crash).isEqualTo(1);
    assertThat(objects(crashed.results())).as("%s: results with %s vs without a crash", job, crash)
        .containsExactlyInAnyOrderElementsOf(objects(clean.results()));
    assertThat(crashed.late()).as("%s: late side output with %s", job, crash).containsExactlyInAnyOrderElementsOf(clean.late());
    assertThat(crashed.droppedLate()).as("%s: dropped late with %s", job, crash).isEqualTo(clean.droppedLate());
    assertThat(crashed.watermarks()).as("%s: watermarks emitted across the restore with %s", job, crash).isSorted();
  }

  // 10 -----------------------------------------------------------------------------------------

  /** Unparseable lines become dead letters with the parser's reason, at their step; the other clicks give the oracle's results. */
  @Property
  @Verifies(BAD_INPUT)
  void required_streaming_bad_input(@ForAll("inBound") Scenario s, @ForAll("badLines") List<BadLine> bad,
      @ForAll("tumbling") Windows w) throws Exception {
    List<ScriptedSource.Step> steps = new ArrayList<>(s.source().steps());
    for (BadLine b : bad) {
      steps.add(b.position() % (steps.size() + 1), new ScriptedSource.Line(b.line()));
    }
    ScriptedSource source = new ScriptedSource(steps);
    StreamingJob<Click, ?, ?> job = ClickJobs.SUM.job(w, s.outOfOrderness());
    StreamingResult<?> result = assertFinalEqualsOracle(job, source);
    assertThat(result.deadLetters().stream().map(DeadLetter::line).toList()).as("dead letters of %s", source)
        .containsExactlyInAnyOrderElementsOf(bad.stream().map(BadLine::line).toList());
    for (DeadLetter d : result.deadLetters()) {
      assertThat(steps.get(d.step())).as("step of %s", d).isEqualTo(new ScriptedSource.Line(d.line()));
      String why = reasonOf(d.line());
      assertThat(d.reason()).as("reason of %s", d).contains(why);
    }
  }

  private static String reasonOf(String line) {
    try {
      Click.parse(line);
      return "(parses)";
    } catch (BadRecordException e) {
      return e.getMessage();
    }
  }

  // typed sources (the same clauses: a typed batch is exactly its lines) ------------------------

  /** Tumbling windows over a typed source (with idle steps between batches): exactly the results over the lines, and the oracle's. */
  @Property
  @Verifies(TUMBLING_EQUALS_ORACLE)
  void required_streaming_window_tumbling_equals_oracle_typedSource(@ForAll("inBound") Scenario s,
      @ForAll("tumbling") Windows w, @ForAll ClickJobs shape, @ForAll("batchSizes") List<Integer> sizes,
      @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 300) Integer> idleAt) throws Exception {
    assertTypedSameAsLines(shape.job(w, s.outOfOrderness()), withIdle(s.source(), idleAt), sizes);
  }

  /**
   * A tumbling count keyed by a whole number (the click's amount, a
   * {@link org.bigdatalab.streaming.StreamFns.LongKey}, which an engine may keep unboxed), over the
   * lines and over the typed form: the oracle's final values, and the same results both ways.
   */
  @Property
  @Verifies(TUMBLING_EQUALS_ORACLE)
  void required_streaming_window_tumbling_equals_oracle_wholeNumberKey(@ForAll("inBound") Scenario s,
      @ForAll("tumbling") Windows w, @ForAll("batchSizes") List<Integer> sizes, @ForAll boolean columns) throws Exception {
    StreamingJob<Click, Long, Long> job = columns ? countByAmountFields(w, s.outOfOrderness()) : countByAmount(w, s.outOfOrderness());
    assertFinalEqualsOracle(job, s.source());
    assertTypedSameAsLines(job, s.source(), sizes, columns ? CLICK_COLUMNS : Map.of());
  }

  /** The columns a columnar source of clicks fills: each click's time and amount. */
  private static final Map<String, org.bigdatalab.streaming.StreamFns.ToLong<Click>> CLICK_COLUMNS =
      Map.of("time", Click::time, "amount", Click::amount);

  /**
   * {@link #countByAmount} with its key and time declared as the fields {@code amount} and
   * {@code time} ({@link org.bigdatalab.streaming.StreamFns.Field}): over batches with those columns
   * an engine may read the columns instead of the events.
   */
  private static StreamingJob<Click, Long, Long> countByAmountFields(Windows w, long outOfOrderness) {
    return StreamingJob.of("clicks-per-amount-fields", Click::parse,
        new org.bigdatalab.streaming.StreamFns.KeyField<Click>("amount", Click::amount),
        new org.bigdatalab.streaming.StreamFns.TimeField<Click>("time", Click::time), w,
        org.bigdatalab.streaming.Aggregate.<Click>count()).withOutOfOrderness(outOfOrderness);
  }

  /**
   * Pinned: one typed batch [ann@1, ann@12], tumbling 10 ms, bound 0. The event at 12 raises the
   * watermark only after the event at 1 is counted in [0,10); an engine that applies the batch's
   * watermark before its events finds that window closed and drops the event as late.
   */
  @Example
  @Verifies(TUMBLING_EQUALS_ORACLE)
  void required_streaming_window_tumbling_equals_oracle_typedBatchPinned() throws Exception {
    StreamingJob<Click, ?, ?> job = ClickJobs.COUNT.job(Windows.tumbling(10), 0);
    StreamingResult<?> result = engine().run(job, ScriptedSource.ofEvents(List.of(new Click(1, "ann", 1),
        new Click(12, "ann", 1)), Click::line));
    assertThat(result.finalValues()).isEqualTo(Map.of(id("ann", 0, 10), 1L, id("ann", 10, 20), 1L));
    assertThat(result.late()).isEmpty();
  }

  /** Sliding windows over a typed source: exactly the results over the lines, and the oracle's. */
  @Property
  @Verifies(SLIDING_EQUALS_ORACLE)
  void required_streaming_window_sliding_equals_oracle_typedSource(@ForAll("inBound") Scenario s,
      @ForAll("sliding") Windows w, @ForAll ClickJobs shape, @ForAll("batchSizes") List<Integer> sizes) throws Exception {
    assertTypedSameAsLines(shape.job(w, s.outOfOrderness()), s.source(), sizes);
  }

  /** Session windows over a typed source: exactly the results over the lines, and the oracle's. */
  @Property
  @Verifies(SESSION_EQUALS_ORACLE)
  void required_streaming_window_session_equals_oracle_typedSource(@ForAll("inBound") Scenario s,
      @ForAll("sessions") Windows w, @ForAll ClickJobs shape, @ForAll("batchSizes") List<Integer> sizes) throws Exception {
    assertTypedSameAsLines(shape.job(w, s.outOfOrderness()), s.withoutSessionTies(w).source(), sizes);
  }

  /**
   * Late clicks in typed batches, with lateness, final or updates mode, by user or by a
   * whole-number key: the same results, late updates and late side output as over the lines, and
   * the late clicks the oracle finds, accounted for.
   */
  @Property
  @Verifies(LATENESS_ALLOWED)
  void required_streaming_lateness_allowed_typedSource(@ForAll("withLate") Scenario s, @ForAll("fixedWindows") Windows w,
      @ForAll ClickJobs shape, @ForAll boolean wholeNumberKey, @ForAll @IntRange(min = 0, max = 40) int lateness,
      @ForAll boolean updates, @ForAll("batchSizes") List<Integer> sizes) throws Exception {
    StreamingJob<Click, ?, ?> job = (wholeNumberKey ? countByAmount(w, s.outOfOrderness()) : shape.job(w, s.outOfOrderness()))
        .withAllowedLateness(lateness).withMode(updates ? OutputMode.UPDATES : OutputMode.FINAL);
    StreamingResult<?> typed = assertTypedSameAsLines(job, s.source(), sizes);
    assertLateAccounted(job, typed, StreamingOracle.expect(job, s.source()).tooLate());
  }

  private static StreamingJob<Click, Long, Long> countByAmount(Windows w, long outOfOrderness) {
    return StreamingJob.of("clicks-per-amount", Click::parse, (org.bigdatalab.streaming.StreamFns.LongKey<Click>) Click::amount,
        Click::time, w, org.bigdatalab.streaming.Aggregate.<Click>count()).withOutOfOrderness(outOfOrderness);
  }

  /** Runs the job over the lines and over their typed form: everything emitted must be the same; returns the typed run. */
  private StreamingResult<?> assertTypedSameAsLines(StreamingJob<Click, ?, ?> job, ScriptedSource lines, List<Integer> sizes)
      throws Exception {
    return assertTypedSameAsLines(job, lines, sizes, Map.of());
  }

  /** As above, the typed batches also carrying {@code columns}. */
  private StreamingResult<?> assertTypedSameAsLines(StreamingJob<Click, ?, ?> job, ScriptedSource lines, List<Integer> sizes,
      Map<String, org.bigdatalab.streaming.StreamFns.ToLong<Click>> columns) throws Exception {
    ScriptedSource typed = TypedSources.typed(lines, Click::parse, Click::line, sizes, columns);
    StreamingResult<?> overLines = engine().run(job, lines);
    StreamingResult<?> overEvents = engine().run(job, typed);
    assertThat(objects(overEvents.results())).as("%s: results over %s vs over its lines", job, typed)
        .containsExactlyInAnyOrderElementsOf(objects(overLines.results()));
    assertThat(objects(overEvents.late())).as("%s: late side output over %s vs over its lines", job, typed)
        .containsExactlyInAnyOrderElementsOf(objects(overLines.late()));
    assertThat(overEvents.droppedLate()).as("%s: late events dropped over %s", job, typed).isEqualTo(overLines.droppedLate());
    assertThat(overEvents.watermarks()).as("%s: watermarks over %s", job, typed).isEqualTo(overLines.watermarks());
    assertThat(overEvents.deadLetters()).as("%s: dead letters of typed events", job).isEmpty();
    assertThat(overEvents.finalValues()).as("%s: final results over %s", job, typed)
        .isEqualTo(StreamingOracle.expect(job, typed).finalValues());
    return overEvents;
  }

  private static ScriptedSource withIdle(ScriptedSource source, List<Integer> at) {
    List<ScriptedSource.Step> steps = new ArrayList<>(source.steps());
    for (int i : at) {
      steps.add(i % (steps.size() + 1), new ScriptedSource.Idle(1));
    }
    return new ScriptedSource(steps);
  }

  // helpers ------------------------------------------------------------------------------------

  /** Runs the job and checks its final values against the oracle; in final mode, one final result per window. */
  private StreamingResult<?> assertFinalEqualsOracle(StreamingJob<Click, ?, ?> job, ScriptedSource source) throws Exception {
    StreamingResult<?> result = engine().run(job, source);
    assertThat(result.finalValues()).as("%s: final results over %s", job, source)
        .isEqualTo(StreamingOracle.expect(job, source).finalValues());
    if (job.mode() == OutputMode.FINAL) {
      Map<WindowResult.Id, Integer> times = new HashMap<>();
      for (WindowResult<?> r : result.results()) {
        assertThat(r.firing()).as("%s: firing of %s in final-results mode", job, r).isEqualTo(Firing.FINAL);
        assertThat(times.merge(r.id(), 1, Integer::sum)).as("%s: results emitted for %s", job, r.id()).isEqualTo(1);
      }
    }
    return result;
  }

  private static List<Object> objects(List<?> list) {
    return new ArrayList<>(list);
  }

  private static WindowResult.Id id(String key, long start, long end) {
    return new WindowResult.Id(key, new Window(start, end));
  }
}
