package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.guide.Ch06_WindowedCounts.at;

import java.util.List;
import java.util.Map;
import org.bigdatalab.guide.Ch06_WindowedCounts.Row;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.WindowResult.Firing;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.streaming.spec.StreamingOracle;
import org.junit.jupiter.api.Test;

/** Chapter 6's programs run, and their output carries the facts the chapter states. */
class Ch06Test {
  static WindowResult.Id id(String key, int fromMinute, int toMinute) {
    return new WindowResult.Id(key, new Window(at(fromMinute, 0), at(toMinute, 0)));
  }

  @Test
  void timelineFiresOnTheWatermarkUpdatesWithinLatenessAndSideOutputsBeyondIt() throws Exception {
    StreamingJob<Click, ?, ?> job = Ch06_WindowedCounts.job();
    ScriptedSource source = Ch06_WindowedCounts.script();
    StreamingResult<?> result;
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      result = engine.run(job, source);
    }
    assertThat(result.finalValues()).isEqualTo(StreamingOracle.expect(job, source).finalValues());
    assertThat(result.finalValues()).isEqualTo(Map.of(
        id("alice", 0, 5), 2L, id("alice", 5, 10), 2L, id("alice", 10, 15), 1L,
        id("bob", 0, 5), 3L, id("bob", 5, 10), 1L));
    assertThat(result.late()).singleElement().satisfies(l -> {
      assertThat(l.line()).isEqualTo(new Click(at(3, 30), "alice", 1).line());
      assertThat(l.watermark()).isEqualTo(at(8, 0));
    });
    assertThat(result.results()).filteredOn(r -> r.firing() == Firing.LATE).singleElement()
        .satisfies(r -> assertThat(r.id()).isEqualTo(id("bob", 0, 5)))
        .satisfies(r -> assertThat(r.value()).isEqualTo(3L));

    List<Row> rows = Ch06_WindowedCounts.timeline(job, source, result);
    assertThat(rows).hasSize(source.size() + 1);
    assertThat(rows.get(4).watermark()).isEqualTo(at(5, 0));
    assertThat(rows.get(4).emitted()).containsExactly("ON_TIME alice [12:00,12:05) = 2", "ON_TIME bob [12:00,12:05) = 2");
    assertThat(rows.get(5).emitted()).containsExactly("LATE bob [12:00,12:05) = 3");
    assertThat(rows.get(7).emitted()).singleElement().asString().startsWith("too late -> side output");
    assertThat(rows.get(9).input()).isEqualTo("watermark 12:10");
    assertThat(rows.get(9).emitted()).hasSize(2);
    assertThat(rows.get(rows.size() - 1).emitted()).containsExactly("ON_TIME alice [12:10,12:15) = 1");
    int emitted = rows.stream().mapToInt(r -> r.emitted().size()).sum();
    assertThat(emitted).as("every result and late event matched to one step")
        .isEqualTo(result.results().size() + result.late().size());

    String out = GuideTesting.output(Ch06_WindowedCounts::run);
    assertThat(out).contains("stream-parallel's final values equal stream-sequential's: true")
        .contains("late side output: 1 event(s); dead letters: 0");
  }

  @Test
  void slidingWindowsCountEachClickTwiceAndABridgingClickMergesSessions() throws Exception {
    Map<WindowResult.Id, ?> sliding = Ch06_SlidingAndSessions.run(Ch06_SlidingAndSessions.sliding(),
        Ch06_SlidingAndSessions.source(false));
    assertThat(sliding.values().stream().mapToLong(v -> (Long) v).sum())
        .isEqualTo(2L * Ch06_SlidingAndSessions.clicks().size());
    Map<WindowResult.Id, ?> apart = Ch06_SlidingAndSessions.run(Ch06_SlidingAndSessions.sessions(),
        Ch06_SlidingAndSessions.source(false));
    assertThat(apart).isEqualTo(Map.of(
        new WindowResult.Id("alice", new Window(at(0, 0), at(8, 0))), 3L,
        new WindowResult.Id("alice", new Window(at(10, 0), at(17, 0))), 2L));
    Map<WindowResult.Id, ?> bridged = Ch06_SlidingAndSessions.run(Ch06_SlidingAndSessions.sessions(),
        Ch06_SlidingAndSessions.source(true));
    assertThat(bridged).isEqualTo(Map.of(
        new WindowResult.Id("alice", new Window(at(0, 0), at(17, 0))), 6L));
    assertThat(GuideTesting.output(Ch06_SlidingAndSessions::run)).contains("alice [12:00,12:17) = 6");
  }

  @Test
  void arrivalTimeCountsDependOnSpeedAndEventTimeCountsDoNot() throws Exception {
    Map<WindowResult.Id, Long> wrongPrompt = Ch06_WallClockBug.counts(Ch06_WallClockBug.byArrivalTime(), Ch06_WallClockBug.prompt());
    Map<WindowResult.Id, Long> wrongBacklog = Ch06_WallClockBug.counts(Ch06_WallClockBug.byArrivalTime(), Ch06_WallClockBug.backlog());
    Map<WindowResult.Id, Long> rightPrompt = Ch06_WallClockBug.counts(Ch06_WallClockBug.byEventTime(), Ch06_WallClockBug.prompt());
    Map<WindowResult.Id, Long> rightBacklog = Ch06_WallClockBug.counts(Ch06_WallClockBug.byEventTime(), Ch06_WallClockBug.backlog());
    assertThat(wrongBacklog).isNotEqualTo(wrongPrompt)
        .isEqualTo(Map.of(id("alice", 20, 25), 8L, id("bob", 20, 25), 4L));
    assertThat(rightBacklog).isEqualTo(rightPrompt).containsEntry(id("alice", 0, 5), 3L).containsEntry(id("bob", 5, 10), 2L);
    assertThat(rightPrompt.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(12);
    String out = GuideTesting.output(Ch06_WallClockBug::run);
    assertThat(out).containsSubsequence("clicks-by-arrival", "same counts at both speeds: false",
        "clicks-by-event-time", "same counts at both speeds: true");
  }

  @Test
  void restoredRunEmitsEachWindowOnceAndTheBrokenEngineDuplicates() throws Exception {
    List<StreamingResult<?>> runs = Ch06_ExactlyOnce.runs();
    StreamingResult<?> clean = runs.get(0);
    StreamingResult<?> restored = runs.get(1);
    StreamingResult<?> broken = runs.get(2);
    assertThat(clean.restarts()).isZero();
    assertThat(restored.restarts()).isEqualTo(1);
    assertThat(broken.restarts()).isEqualTo(1);
    assertThat(Ch06_ExactlyOnce.emissions(restored).values()).containsOnly(1);
    assertThat(restored.finalValues()).isEqualTo(clean.finalValues());
    assertThat(restored.results()).hasSameSizeAs(clean.results());
    assertThat(Ch06_ExactlyOnce.emissions(broken).values()).contains(2);
    assertThat(broken.results().size()).isGreaterThan(clean.results().size());
    assertThat(broken.finalValues()).as("final values alone do not catch it").isEqualTo(clean.finalValues());
    assertThat(clean.finalValues()).isEqualTo(StreamingOracle.expect(Ch06_ExactlyOnce.job(), Ch06_ExactlyOnce.script())
        .finalValues());
    assertThat(GuideTesting.output(Ch06_ExactlyOnce::run))
        .containsPattern("crashed, restored \\(exactly-once\\) +1 +(\\d+) +\\1 +0  true");
  }
}
