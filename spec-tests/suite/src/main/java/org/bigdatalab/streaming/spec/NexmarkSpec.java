package org.bigdatalab.streaming.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_Q11;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_Q5;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_Q7;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_Q8;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_STATELESS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.property.IntRange;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.DeadLetter;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.suite.ConformanceSuite;
import org.bigdatalab.suite.Verifies;
import org.bigdatalab.workloads.NexmarkEvent;
import org.bigdatalab.workloads.NexmarkEvent.Bid;

/**
 * The Nexmark part of the streaming spec (the superclass of {@link StreamingSpec}, so every engine
 * bound to the spec runs it): queries 0, 1, 2, 5, 7, 8 and 11 ({@link NexmarkQueries}) over
 * generated auction streams, reordered within the out-of-orderness bound, compared with the
 * oracles: the job's own functions applied in order for the stateless queries, and
 * {@link StreamingOracle} for the windowed ones. Streams are a few hundred events, so the slow
 * real engines stay fast enough to run every clause.
 */
public abstract class NexmarkSpec extends ConformanceSuite<StreamingEngine> {

  /** The stateless queries, as one property's parameter. */
  public enum Stateless {
    Q0, Q1, Q2;

    StatelessJob<NexmarkEvent, ?> job() {
      return switch (this) {
        case Q0 -> NexmarkQueries.q0PassThrough();
        case Q1 -> NexmarkQueries.q1Currency();
        case Q2 -> NexmarkQueries.q2Selection(3);
      };
    }
  }

  private static final List<String> BAD_LINES = List.of("", "B,1,2", "Q,0,1", "P,5,1000,,Boise,ID", "A,1,x,1,10,1,2,3", "B,1,2,3,4,5");

  /**
   * Streams of 100 to 250 events (a micro-batch per line is slow on spark-streaming). The rates are chosen so that a block of 50 events (a person and
   * its three auctions first) does not start on a window boundary every time: with 10 or 40 events
   * per second they would, and no person or auction would ever arrive behind a boundary.
   */
  @Provide
  Arbitrary<NexmarkTopics> nexmark() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(100, 250), Arbitraries.of(7.0, 33.0),
        Arbitraries.of(0L, 300L, 2_000L)).as(NexmarkTopics::new);
  }

  // stateless -----------------------------------------------------------------------------------

  /** q0, q1, q2 with a few bad lines mixed in: the outputs in arrival order and the dead letters, as the oracle's. */
  @Property
  @Verifies(NEXMARK_STATELESS)
  void required_streaming_nexmark_stateless_equals_oracle(@ForAll("nexmark") NexmarkTopics stream, @ForAll Stateless query,
      @ForAll @IntRange(min = 0, max = 2) int badLines) throws Exception {
    List<ScriptedSource.Step> steps = new ArrayList<>(stream.all().steps());
    Random where = new Random(stream.seed());
    for (int i = 0; i < badLines; i++) {
      steps.add(where.nextInt(steps.size() + 1), new ScriptedSource.Line(BAD_LINES.get(where.nextInt(BAD_LINES.size()))));
    }
    ScriptedSource source = new ScriptedSource(steps);
    assertStatelessEqualsOracle(query.job(), source);
  }

  /** Pinned: q1 turns dollars into euros at 89/100 and drops the person and the auction. */
  @Example
  @Verifies(NEXMARK_STATELESS)
  void required_streaming_nexmark_stateless_equals_oracle_q1Pinned() throws Exception {
    StatelessResult<Bid> result = engine().runStateless(NexmarkQueries.q1Currency(), ScriptedSource.ofLines(List.of(
        "P,0,1000,Kate Smith,Boise,ID", "A,1,1000,1000,10,500,900,10001", "B,2,1000,1000,1000", "B,3,1000,1000,199")));
    assertThat(result.outputs()).containsExactly(new Bid(2, 1000, 1000, 890), new Bid(3, 1000, 1000, 177));
    assertThat(result.deadLetters()).isEmpty();
  }

  /** q0, q1, q2 over the stream's typed form, in generated batch sizes: the same outputs, in the same order, as over its lines. */
  @Property
  @Verifies(NEXMARK_STATELESS)
  void required_streaming_nexmark_stateless_equals_oracle_typedSource(@ForAll("nexmark") NexmarkTopics stream,
      @ForAll Stateless query, @ForAll @IntRange(min = 1, max = 300) int batch) throws Exception {
    assertTypedStatelessSameAsLines(query.job(), stream.all(), batch);
  }

  /** Pinned: q0 over one typed batch of three events gives them back in their order. */
  @Example
  @Verifies(NEXMARK_STATELESS)
  void required_streaming_nexmark_stateless_equals_oracle_typedBatchPinned() throws Exception {
    List<NexmarkEvent> events = List.of(new Bid(1, 10, 1000, 5), new Bid(2, 11, 1001, 6), new Bid(3, 12, 1002, 7));
    StatelessResult<NexmarkEvent> result = engine().runStateless(NexmarkQueries.q0PassThrough(),
        ScriptedSource.ofEvents(events, NexmarkEvent::line));
    assertThat(result.outputs()).containsExactlyElementsOf(events);
    assertThat(result.deadLetters()).isEmpty();
  }

  private <R> void assertTypedStatelessSameAsLines(StatelessJob<NexmarkEvent, R> job, ScriptedSource lines, int batch)
      throws Exception {
    ScriptedSource typed = TypedSources.typed(lines, job.parser(), NexmarkEvent::line, List.of(batch));
    StatelessResult<R> overLines = engine().runStateless(job, lines);
    StatelessResult<R> overEvents = engine().runStateless(job, typed);
    assertThat(overEvents.outputs()).as("%s over %d-event batches: outputs in arrival order", job, batch)
        .containsExactlyElementsOf(overLines.outputs());
    assertThat(overEvents.deadLetters()).as("%s: dead letters of typed events", job).isEmpty();
  }

  private <R> void assertStatelessEqualsOracle(StatelessJob<NexmarkEvent, R> job, ScriptedSource source) throws Exception {
    List<R> expected = new ArrayList<>();
    List<String> dead = new ArrayList<>();
    for (ScriptedSource.Step step : source.steps()) {
      String line = ((ScriptedSource.Line) step).text();
      try {
        NexmarkEvent e = job.parser().parse(line);
        if (job.filter().test(e)) {
          expected.add(job.map().apply(e));
        }
      } catch (BadRecordException bad) {
        dead.add(line);
      }
    }
    StatelessResult<R> result = engine().runStateless(job, source);
    assertThat(result.outputs()).as("%s: outputs in arrival order", job).containsExactlyElementsOf(expected);
    assertThat(result.deadLetters().stream().map(DeadLetter::line).toList()).as("%s: dead letters", job)
        .containsExactlyInAnyOrderElementsOf(dead);
    for (DeadLetter d : result.deadLetters()) {
      assertThat(source.steps().get(d.step())).as("step of %s", d).isEqualTo(new ScriptedSource.Line(d.line()));
      assertThat(d.reason()).as("reason of %s", d).isNotBlank();
    }
  }

  // windowed ------------------------------------------------------------------------------------

  /** q5: bids per auction per sliding window, and each window's hottest auctions, as the oracle's. */
  @Property
  @Verifies(NEXMARK_Q5)
  void required_streaming_nexmark_q5_equals_oracle(@ForAll("nexmark") NexmarkTopics stream,
      @ForAll("q5Windows") long[] sizeAndSlide) throws Exception {
    StreamingJob<NexmarkEvent, Long, Long> job =
        NexmarkQueries.q5BidsPerAuction(sizeAndSlide[0], sizeAndSlide[1], stream.outOfOrderness());
    Map<WindowResult.Id, Long> counts = assertWindowedEqualsOracle(job, stream.bids(), stream);
    assertThat(NexmarkQueries.hottest(counts)).as("%s over %s: hottest auctions", job, stream)
        .isEqualTo(NexmarkQueries.hottest(StreamingOracle.expect(job, stream.bids()).finalValues()));
  }

  @Provide
  Arbitrary<long[]> q5Windows() {
    return Arbitraries.of(new long[] {2_000, 1_000}, new long[] {6_000, 2_000}, new long[] {10_000, 2_000});
  }

  /** Pinned: 4 s windows every 2 s; auction 7 has two bids in [0,4000) and is its hottest; [2000,6000) ties 7 and 8. */
  @Example
  @Verifies(NEXMARK_Q5)
  void required_streaming_nexmark_q5_equals_oracle_pinned() throws Exception {
    StreamingResult<Long> result = engine().run(NexmarkQueries.q5BidsPerAuction(4_000, 2_000, 0), ScriptedSource.ofLines(
        List.of("B,100,7,1,5", "B,2500,7,2,5", "B,3000,8,1,5")));
    assertThat(NexmarkQueries.hottest(result.finalValues())).isEqualTo(Map.of(
        new Window(-2_000, 2_000), new TreeSet<>(List.of("7")),
        new Window(0, 4_000), new TreeSet<>(List.of("7")),
        new Window(2_000, 6_000), new TreeSet<>(List.of("7", "8"))));
  }

  /** q7: the highest bid of each tumbling window, as the oracle's. */
  @Property
  @Verifies(NEXMARK_Q7)
  void required_streaming_nexmark_q7_equals_oracle(@ForAll("nexmark") NexmarkTopics stream,
      @ForAll("tumblingSizes") long size) throws Exception {
    assertWindowedEqualsOracle(NexmarkQueries.q7HighestBid(size, stream.outOfOrderness()), stream.bids(), stream);
  }

  @Provide
  Arbitrary<Long> tumblingSizes() {
    return Arbitraries.of(1_000L, 5_000L, 10_000L);
  }

  /** q8: per person and window, its registration joined with the auctions it opened, and the joined rows, as the oracle's. */
  @Property
  @Verifies(NEXMARK_Q8)
  void required_streaming_nexmark_q8_equals_oracle(@ForAll("nexmark") NexmarkTopics stream,
      @ForAll("q8Sizes") long size) throws Exception {
    StreamingJob<NexmarkEvent, NexmarkQueries.NewSeller, NexmarkQueries.NewSeller> job =
        NexmarkQueries.q8NewSellers(size, stream.outOfOrderness());
    Map<WindowResult.Id, NexmarkQueries.NewSeller> perPerson = assertWindowedEqualsOracle(job, stream.personsAndAuctions(), stream);
    assertThat(NexmarkQueries.newSellers(perPerson)).as("%s over %s: joined rows", job, stream)
        .isEqualTo(NexmarkQueries.newSellers(StreamingOracle.expect(job, stream.personsAndAuctions()).finalValues()));
  }

  /**
   * Windows that blocks of a person and its auctions straddle at the generated rates (a block
   * starts every 50 events; at 7 events/s, 2 of 5 blocks cross a 1.3 s boundary and 3 of 5 a 0.7 s
   * one), so out-of-order persons and auctions meet window ends; with 10 s windows they never would.
   */
  @Provide
  Arbitrary<Long> q8Sizes() {
    return Arbitraries.of(700L, 1_300L);
  }

  /** q11: bids per bidder per session, as the oracle's sessions. */
  @Property
  @Verifies(NEXMARK_Q11)
  void required_streaming_nexmark_q11_equals_oracle(@ForAll("nexmark") NexmarkTopics stream,
      @ForAll("sessionGaps") long gap) throws Exception {
    assertWindowedEqualsOracle(NexmarkQueries.q11Sessions(gap, stream.outOfOrderness()), stream.bids(), stream);
  }

  @Provide
  Arbitrary<Long> sessionGaps() {
    return Arbitraries.of(500L, 2_000L, 5_000L);
  }

  /** q5 over the bids' typed form, in generated batch sizes: the oracle's results, as over the lines. */
  @Property
  @Verifies(NEXMARK_Q5)
  void required_streaming_nexmark_q5_equals_oracle_typedSource(@ForAll("nexmark") NexmarkTopics stream,
      @ForAll("q5Windows") long[] sizeAndSlide, @ForAll @IntRange(min = 1, max = 300) int batch) throws Exception {
    StreamingJob<NexmarkEvent, Long, Long> job =
        NexmarkQueries.q5BidsPerAuction(sizeAndSlide[0], sizeAndSlide[1], stream.outOfOrderness());
    ScriptedSource typed = TypedSources.typed(stream.bids(), job.parser(), NexmarkEvent::line, List.of(batch));
    assertThat(assertWindowedEqualsOracle(job, typed, stream)).as("%s over %d-event batches vs over the lines", job, batch)
        .isEqualTo(engine().run(job, stream.bids()).finalValues());
  }

  private <A, R> Map<WindowResult.Id, R> assertWindowedEqualsOracle(StreamingJob<NexmarkEvent, A, R> job,
      ScriptedSource source, NexmarkTopics stream) throws Exception {
    StreamingResult<R> result = engine().run(job, source);
    assertThat(result.finalValues()).as("%s over %s: final results", job, stream)
        .isEqualTo(StreamingOracle.expect(job, source).finalValues());
    assertThat(result.results()).as("%s over %s: one result per window", job, stream).hasSize(result.finalValues().size());
    assertThat(result.late()).as("%s over %s: late side output of a stream within its bound", job, stream).isEmpty();
    assertThat(result.droppedLate()).as("%s over %s: late events dropped from a stream within its bound", job, stream).isZero();
    return result.finalValues();
  }
}
