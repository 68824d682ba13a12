package org.bigdatalab.lambda.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.lambda.KappaClauses.REPLAY_EQUALS_LIVE;
import static org.bigdatalab.lambda.KappaClauses.REPROCESS_SWITCH_ATOMIC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.lambda.KappaPipeline;
import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.StartFrom;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.lambda.spec.PipelineGenerators.Append;
import org.bigdatalab.lambda.spec.PipelineGenerators.CatchUp;
import org.bigdatalab.lambda.spec.PipelineGenerators.KappaStep;
import org.bigdatalab.lambda.spec.PipelineGenerators.StartReprocessing;
import org.bigdatalab.lambda.spec.PipelineGenerators.Step;
import org.bigdatalab.property.ActionSequence;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.IntRange;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.suite.ConformanceSuite;
import org.bigdatalab.suite.EngineUnderTest;
import org.bigdatalab.suite.Verifies;

/**
 * The Kappa spec: one check (or a few) per clause of {@link org.bigdatalab.lambda.KappaClauses},
 * run on a pipeline engine. The live job reads in small polls, so a wrong resume position shows;
 * reprocessing is stepped a few records at a time, so a half-built view would be seen if it were
 * served.
 *
 * <p>What passing does not prove: readers concurrent with the switch (the check reads between
 * steps; the implementation's single reference is what makes a concurrent read safe), or speed.
 */
public abstract class KappaSpec extends ConformanceSuite<PipelineEngine> {

  /** The suite for a pipeline engine lent by {@link org.bigdatalab.suite.matrix.ConformanceRunner}. */
  public static class Selected extends KappaSpec {
    @Override protected PipelineEngine createEngine() { return (PipelineEngine) EngineUnderTest.current(); }
    @Override protected boolean ownsEngine() { return false; }
  }

  @Provide Arbitrary<List<List<Click>>> rounds() { return PipelineGenerators.someClicks().list().ofMinSize(1).ofMaxSize(5); }
  @Provide Arbitrary<ActionSequence<KappaStep>> schedules() { return PipelineGenerators.kappaSchedules(); }

  // kappa.replay-equals-live -------------------------------------------------------------------

  /**
   * Rounds of clicks, the live job catching up after each in polls of a few records: its view is
   * the oracle's, a replay from offset 0 gives the same view, and a replay from a time gives the
   * view of each partition's clicks from the first at or after that time.
   */
  @Property
  @Verifies(REPLAY_EQUALS_LIVE)
  void required_kappa_replay_equals_live(@ForAll("rounds") List<List<Click>> rounds,
      @ForAll @IntRange(min = 1, max = 4) int poll, @ForAll @IntRange(min = 0, max = 42) int time) {
    String topic = ClickViews.newTopic(engine().log());
    KappaPipeline pipeline = engine().kappa(topic, ClickViews.spend(), poll);
    List<Click> all = new ArrayList<>();
    for (List<Click> round : rounds) {
      round.forEach(c -> ClickViews.produce(engine().log(), topic, c));
      all.addAll(round);
      pipeline.catchUp();
    }
    Map<ViewKey, Long> live = pipeline.query();
    assertThat(live).as("live view, polls of %d", poll).isEqualTo(spend(all));
    assertThat(pipeline.replay(StartFrom.earliest())).as("replay from offset 0 vs the live view").isEqualTo(live);
    assertThat(pipeline.replay(StartFrom.atTime(time))).as("replay from the first offset at or after t=%d", time)
        .isEqualTo(spend(fromTime(all, time)));
  }

  /**
   * Pinned, the seed's replay: clicks at t=10, 30, 20 in one partition. From t=20 a replay starts at
   * the first offset at or after it (offset 1, t=30) and so includes the click at 20 after it; a
   * date string is not an offset (Kafka takes a time through offsetsForTimes, Spark as startingTimestamp).
   */
  @Example
  @Verifies(REPLAY_EQUALS_LIVE)
  void required_kappa_replay_equals_live_fromTime() {
    String topic = ClickViews.newTopic(engine().log());
    KappaPipeline pipeline = engine().kappa(topic, ClickViews.spend(), 1);
    for (long t : new long[] {10, 30, 20}) {
      ClickViews.produce(engine().log(), topic, new Click(t, "ann", 1));
    }
    pipeline.catchUp();
    assertThat(pipeline.replay(StartFrom.earliest())).isEqualTo(pipeline.query());
    assertThat(pipeline.replay(StartFrom.atTime(20)))
        .isEqualTo(Map.of(new ViewKey("ann", 20), 1L, new ViewKey("ann", 30), 1L));
  }

  // kappa.reprocess.switch-atomic --------------------------------------------------------------

  /**
   * A schedule of appends, catch-ups, and a reprocessing with new code stepped a few records at a
   * time: after every step readers see the old code's view of what the live job read until the new
   * job has read as much, then the new code's view of it; a step switches exactly when the new job
   * has caught up.
   */
  @Property
  @Verifies(REPROCESS_SWITCH_ATOMIC)
  void required_kappa_reprocess_switch_atomic(@ForAll("schedules") ActionSequence<KappaStep> schedule) {
    String topic = ClickViews.newTopic(engine().log());
    KappaPipeline pipeline = engine().kappa(topic, ClickViews.spend(), 3);
    List<Click> appended = new ArrayList<>();
    int liveRead = 0;
    int newRead = -1; // -1: no reprocessing under way
    ViewDefinition<Click> code = ClickViews.spend();
    for (KappaStep step : schedule.steps()) {
      if (step instanceof Append a) {
        a.clicks().forEach(c -> ClickViews.produce(engine().log(), topic, c));
        appended.addAll(a.clicks());
      } else if (step instanceof CatchUp) {
        pipeline.catchUp();
        liveRead = appended.size();
      } else if (step instanceof StartReprocessing) {
        pipeline.startReprocessing(ClickViews.clicks());
        newRead = 0;
      } else if (step instanceof Step s && newRead >= 0) {
        newRead += Math.min(s.maxRecords(), liveRead - newRead);
        boolean due = newRead == liveRead;
        assertThat(pipeline.reprocessStep(s.maxRecords())).as("%s: switched, with %d of the live job's %d read", s, newRead, liveRead)
            .isEqualTo(due);
        if (due) {
          code = ClickViews.clicks();
          newRead = -1;
        }
      }
      assertThat(pipeline.query()).as("after %s: %s view of the %d clicks the live job read", step, code.name(), liveRead)
          .isEqualTo(ClickViews.oracle(code, appended.subList(0, liveRead)));
    }
  }

  /** Pinned: four clicks read live; reprocessing 2 of them leaves readers on the old view; the next step finishes and switches. */
  @Example
  @Verifies(REPROCESS_SWITCH_ATOMIC)
  void required_kappa_reprocess_switch_atomic_pinned() {
    String topic = ClickViews.newTopic(engine().log());
    KappaPipeline pipeline = engine().kappa(topic, ClickViews.spend(), 10);
    List<Click> clicks = List.of(new Click(1, "ann", 5), new Click(2, "ann", 5), new Click(3, "ann", 5), new Click(25, "ann", 5));
    clicks.forEach(c -> ClickViews.produce(engine().log(), topic, c));
    pipeline.catchUp();
    pipeline.startReprocessing(ClickViews.clicks());
    assertThat(pipeline.reprocessStep(2)).isFalse();
    assertThat(pipeline.query()).isEqualTo(Map.of(new ViewKey("ann", 0), 15L, new ViewKey("ann", 20), 5L));
    assertThat(pipeline.reprocessStep(5)).isTrue();
    assertThat(pipeline.query()).isEqualTo(Map.of(new ViewKey("ann", 0), 3L, new ViewKey("ann", 20), 1L));
  }

  // helpers ------------------------------------------------------------------------------------

  private static Map<ViewKey, Long> spend(List<Click> clicks) {
    return ClickViews.oracle(ClickViews.spend(), clicks);
  }

  /** Each partition's clicks from its first one at or after {@code time} (in append order) on. */
  private static List<Click> fromTime(List<Click> all, long time) {
    List<Click> out = new ArrayList<>();
    boolean[] started = new boolean[ClickViews.PARTITIONS];
    for (Click c : all) {
      int p = ClickViews.partitionOf(c);
      started[p] |= c.time() >= time;
      if (started[p]) {
        out.add(c);
      }
    }
    return out;
  }
}
