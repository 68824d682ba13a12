package org.bigdatalab.streaming.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StreamFns;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.Click;
import org.junit.jupiter.api.Test;

/**
 * Typed batches larger than one hand-off chunk ({@link TypedChunk#SIZE}), which the spec's small
 * generated inputs never reach: stream-parallel over one big batch (its primitive tumbling count
 * and its stateless ranges ending inside the batch) gives what stream-sequential gives over the lines.
 * The count's scanned slices are cut at a chunk's size here ({@link KeyedSlice#SIZE} is four), so
 * the batch spans several of them without a test four times as long.
 */
class LargeTypedBatchTest {
  private static final int EVENTS = 3 * TypedChunk.SIZE + 123;
  private static final int SLICE = TypedChunk.SIZE;

  private static List<Click> clicks() {
    Random random = new Random(7);
    List<Click> clicks = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) { // roughly in order, some beyond the bound of 20: late
      clicks.add(new Click(i / 4 - random.nextInt(25), "u" + random.nextInt(50), random.nextInt(300)));
    }
    return clicks;
  }

  private static List<String> lines(List<Click> clicks) {
    return clicks.stream().map(Click::line).toList();
  }

  @Test
  void aTumblingCountOverOneLargeBatchIsTheCountOverItsLines() throws Exception {
    List<Click> clicks = clicks();
    StreamingJob<Click, Long, Long> job = StreamingJob.of("per-amount", Click::parse, (StreamFns.LongKey<Click>) Click::amount,
        Click::time, Windows.tumbling(50), Aggregate.<Click>count()).withOutOfOrderness(20).withAllowedLateness(3);
    StreamingResult<Long> expected = new SequentialStreaming().run(job, ScriptedSource.ofLines(lines(clicks)));
    try (ParallelStreaming parallel = new ParallelStreaming(3, SLICE)) {
      StreamingResult<Long> typed = parallel.run(job, ScriptedSource.ofEvents(clicks, Click::line));
      assertThat(typed.results()).containsExactlyInAnyOrderElementsOf(expected.results());
      assertThat(typed.late()).containsExactlyInAnyOrderElementsOf(expected.late());
      assertThat(typed.watermarks()).isEqualTo(expected.watermarks());
      assertThat(expected.late()).isNotEmpty();
    }
  }

  /** A key that throws in the middle of a large scanned batch fails the run with its message; the engine goes on serving runs. */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aKeyThatThrowsInALargeScannedBatchFailsTheRun() throws Exception {
    List<Click> clicks = clicks();
    long poison = clicks.get(EVENTS / 3).time();
    StreamingJob<Click, Long, Long> job = StreamingJob.of("per-amount", Click::parse, (StreamFns.LongKey<Click>) c -> {
      if (c.time() == poison) {
        throw new IllegalStateException("no key for " + c);
      }
      return c.amount();
    }, Click::time, Windows.tumbling(50), Aggregate.<Click>count());
    try (ParallelStreaming parallel = new ParallelStreaming(3, SLICE)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> parallel.run(job, ScriptedSource.ofEvents(clicks, Click::line)))
          .isInstanceOf(org.bigdatalab.streaming.StreamingFailedException.class).hasMessageContaining("no key for");
      assertThat(parallel.run(job, ScriptedSource.ofEvents(clicks.subList(0, 10), Click::line)).results())
          .as("the engine still runs afterwards").isNotEmpty();
    }
  }

  @Test
  void aStatelessJobOverOneLargeBatchKeepsArrivalOrder() throws Exception {
    List<Click> clicks = clicks();
    StatelessJob<Click, String> job = new StatelessJob<>("even-amounts", Click::parse, c -> c.amount() % 2 == 0, Click::line);
    List<ScriptedSource.Step> steps = new ArrayList<>(List.of(new ScriptedSource.Line("bad")));
    steps.add(new ScriptedSource.Events<>(clicks, Click::line));
    steps.add(new ScriptedSource.Line("1,ann,2"));
    try (ParallelStreaming parallel = new ParallelStreaming(3)) {
      var result = parallel.runStateless(job, new ScriptedSource(steps));
      List<String> expected = new ArrayList<>(clicks.stream().filter(c -> c.amount() % 2 == 0).map(Click::line).toList());
      expected.add("1,ann,2");
      assertThat(result.outputs()).containsExactlyElementsOf(expected);
      assertThat(result.deadLetters()).extracting(d -> d.step()).containsExactly(0);
    }
  }
}
