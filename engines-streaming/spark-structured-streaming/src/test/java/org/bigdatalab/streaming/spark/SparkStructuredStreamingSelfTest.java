package org.bigdatalab.streaming.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.property.IntRange;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.RunOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.streaming.spec.ClickJobs;
import org.bigdatalab.streaming.spec.Scenario;
import org.bigdatalab.streaming.spec.StreamingGenerators;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;

/**
 * The adapter's own checks (the clauses run in {@link SparkStructuredStreamingConformanceTest}):
 * declared gaps stay unsupported and are refused with their reason, a failing user function fails
 * the run, and a crash restored from Spark's checkpoint changes nothing in final-results mode (the
 * part of the crash-restore clause this adapter can run).
 */
class SparkStructuredStreamingSelfTest {

  private final SparkStructuredStreaming engine = SharedEngine.get();

  @Provide org.bigdatalab.property.Arbitrary<Scenario> withLate() { return StreamingGenerators.withLate(); }
  @Provide org.bigdatalab.property.Arbitrary<Windows> anyWindows() { return StreamingGenerators.anyWindows(); }

  /** A crash before any step, restored from the checkpoint, gives the uncrashed run's results, drops and dead letters. */
  @Property
  void aCrashRestoredFromTheCheckpointChangesNothing(@ForAll("withLate") Scenario s, @ForAll("anyWindows") Windows w,
      @ForAll ClickJobs shape, @ForAll @IntRange(min = 0, max = 1000) int crashAt,
      @ForAll @IntRange(min = 0, max = 15) int lateness) throws Exception {
    StreamingJob<?, ?, ?> job = shape.job(w, s.outOfOrderness()).withAllowedLateness(lateness);
    List<ScriptedSource.Step> steps = new java.util.ArrayList<>(s.source().steps());
    steps.add(crashAt % (steps.size() + 1), new ScriptedSource.Line("not,a,click"));
    ScriptedSource source = new ScriptedSource(steps);
    RunOptions crash = RunOptions.crashing(1, crashAt % source.size());
    StreamingResult<?> clean = engine.run(job, source);
    StreamingResult<?> crashed = engine.run(job, source, crash);
    assertThat(crashed.restarts()).as("%s: restarts with %s", job, crash).isEqualTo(1);
    assertThat(new java.util.ArrayList<Object>(crashed.results())).as("%s: results with %s vs without", job, crash)
        .containsExactlyInAnyOrderElementsOf(clean.results());
    assertThat(crashed.droppedLate()).as("%s: dropped late with %s", job, crash).isEqualTo(clean.droppedLate());
    assertThat(crashed.deadLetters()).as("%s: dead letters with %s", job, crash).isEqualTo(clean.deadLetters());
    assertThat(crashed.watermarks()).as("%s: watermarks with %s", job, crash).isEqualTo(clean.watermarks());
  }

  @Test
  void declaredGapsAreReportedUnsupportedNotPassed() {
    for (String clause : List.of(StreamingClauses.WATERMARK_MONOTONIC, StreamingClauses.LATENESS_ALLOWED,
        StreamingClauses.EXACTLY_ONCE)) {
      assertThat(SelfTest.statusOf(engine, clause)).as(clause).isEqualTo(ClauseStatus.UNSUPPORTED);
    }
  }

  @Test
  void updatesAndScriptedWatermarksAreRefusedWithTheDeclaredReason() {
    StreamingJob<?, ?, ?> job = ClickJobs.COUNT.job(Windows.tumbling(10), 0);
    assertThatThrownBy(() -> engine.run(job.withMode(StreamingJob.OutputMode.UPDATES), ScriptedSource.ofLines(List.of("1,ann,1"))))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("update mode");
    assertThatThrownBy(() -> engine.run(job, new ScriptedSource(List.of(new ScriptedSource.Watermark(5)))))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("scripted watermark (step 0)");
  }

  /** An aggregate whose add throws: it runs inside Spark's tasks, not on the driver. */
  static final class ThrowingAggregate implements Aggregate<String, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override public Long create() { return 0L; }
    @Override public Long add(Long acc, String event) { throw new IllegalStateException("aggregate broke"); }
    @Override public Long merge(Long a, Long b) { return a + b; }
    @Override public Long result(Long acc) { return acc; }
  }

  @Test
  void aThrowingUserFunctionFailsTheRun() {
    StreamingJob<String, Long, Long> throwsInSpark = StreamingJob.of("throws", line -> line, line -> line, line -> 0L,
        Windows.tumbling(10), new ThrowingAggregate());
    assertThatThrownBy(() -> engine.run(throwsInSpark, ScriptedSource.ofLines(List.of("a"))))
        .isInstanceOf(StreamingFailedException.class).hasMessageContaining("aggregate broke");
  }
}
