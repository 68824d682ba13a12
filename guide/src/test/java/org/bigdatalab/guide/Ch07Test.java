package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.guide.Ch06_WindowedCounts.at;

import java.util.List;
import org.bigdatalab.guide.Ch07_MicroBatches.Totals;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.spec.StreamingOracle;
import org.junit.jupiter.api.Test;

/** Chapter 7's program runs, and its output carries the facts the chapter states. */
class Ch07Test {
  static WindowResult.Id id(String type, int fromMinute, int toMinute) {
    return new WindowResult.Id(type, new Window(at(fromMinute, 0), at(toMinute, 0)));
  }

  @Test
  void appendWritesEachWindowOnceAfterTheBatchWhoseWatermarkPassedItsEnd() throws Exception {
    StreamingResult<?> result;
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      result = engine.run(Ch07_MicroBatches.job(), Ch07_MicroBatches.script(true));
    }
    assertThat(result.finalValues()).isEqualTo(
        StreamingOracle.expect(Ch07_MicroBatches.job(), Ch07_MicroBatches.script(true)).finalValues());
    assertThat(Ch07_MicroBatches.watermarks()).containsExactly(at(0, 0), at(4, 20), at(7, 0), Long.MAX_VALUE);
    List<List<WindowResult<?>>> rows = Ch07_MicroBatches.rowsPerBatch(result);
    assertThat(rows.get(0)).isEmpty();
    assertThat(rows.get(1)).hasSize(7).allMatch(r -> r.window().end() <= at(4, 20));
    assertThat(rows.get(1)).filteredOn(r -> r.id().equals(id("click", -3, 2))).singleElement()
        .satisfies(r -> assertThat(r.value()).isEqualTo(new Totals(2, 4)));
    assertThat(rows.get(2)).filteredOn(r -> r.id().equals(id("click", 0, 5))).singleElement()
        .satisfies(r -> assertThat(r.value()).isEqualTo(new Totals(4, 11)));
    long clicks = Ch07_MicroBatches.batches().stream().mapToLong(List::size).sum();
    long counted = result.finalValues().values().stream().mapToLong(v -> ((Totals) v).count()).sum();
    assertThat(counted).as("every accepted event in 5 sliding windows").isEqualTo(5 * (clicks - 1));
    assertThat(result.late()).singleElement().satisfies(l -> {
      assertThat(l.timestamp()).isEqualTo(at(-2, 0));
      assertThat(l.watermark()).isEqualTo(at(4, 20));
    });
    assertThat(result.results()).extracting(WindowResult::id).doesNotHaveDuplicates();
  }

  @Test
  void withoutAWatermarkNothingIsWrittenBeforeTheInputEnds() throws Exception {
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      StreamingResult<?> result = engine.run(Ch07_MicroBatches.job(), Ch07_MicroBatches.script(false));
      assertThat(result.results()).isNotEmpty().allMatch(r -> r.watermark() == Long.MAX_VALUE);
      assertThat(result.late()).isEmpty();
    }
    String out = GuideTesting.output(Ch07_MicroBatches::run);
    assertThat(out).contains("with no watermark: rows written after batches 1-3: 0, at the end of input: 26")
        .contains("stream-parallel writes the same rows after the same batches: true")
        .contains("dropped as too late (our side output; Spark only counts them): [click@11:58]");
    assertThat(out).contains("watermark from now on: 12:00\n  append writes: nothing")
        .contains("watermark from now on: 12:04:20\n  append writes: click [11:56,12:01)      count=1 sum=3");
  }
}
