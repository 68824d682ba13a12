package org.bigdatalab.lambda.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.lambda.LambdaClauses.BATCH_OVERRIDES_SPEED;
import static org.bigdatalab.lambda.LambdaClauses.SERVING_EQUALS_RECOMPUTE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.lambda.LambdaPipeline;
import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.lambda.spec.PipelineGenerators.Append;
import org.bigdatalab.lambda.spec.PipelineGenerators.LambdaStep;
import org.bigdatalab.lambda.spec.PipelineGenerators.RunBatch;
import org.bigdatalab.property.ActionSequence;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.streaming.spec.Click;
import org.bigdatalab.suite.ConformanceSuite;
import org.bigdatalab.suite.EngineUnderTest;
import org.bigdatalab.suite.Verifies;

/**
 * The Lambda spec: one check (or a few) per clause of {@link org.bigdatalab.lambda.LambdaClauses},
 * run on a pipeline engine (a dataflow engine, a streaming engine and a log). A schedule of appends,
 * batch runs and speed runs is generated; after every step the views are compared with the oracle
 * over exactly the clicks each layer has read, which the schedule alone determines: a layer reads
 * the whole log when it runs.
 *
 * <p>What passing does not prove: layers running concurrently with appends or with each other, a
 * master dataset larger than memory, or speed.
 */
public abstract class LambdaSpec extends ConformanceSuite<PipelineEngine> {

  /** The suite for a pipeline engine lent by {@link org.bigdatalab.suite.matrix.ConformanceRunner}. */
  public static class Selected extends LambdaSpec {
    @Override protected PipelineEngine createEngine() { return (PipelineEngine) EngineUnderTest.current(); }
    @Override protected boolean ownsEngine() { return false; }
  }

  @Provide Arbitrary<ActionSequence<LambdaStep>> schedules() { return PipelineGenerators.lambdaSchedules(); }

  /** Where a schedule is: the clicks appended, and how many of them the batch view and the pipeline as a whole have read. */
  private static final class Model {
    final List<Click> appended = new ArrayList<>();
    int batchRead;
    int read;
  }

  /** Runs the schedule, calling {@code check} after each step. */
  private void run(ActionSequence<LambdaStep> schedule, java.util.function.BiConsumer<LambdaPipeline, Model> check) {
    String topic = ClickViews.newTopic(engine().log());
    LambdaPipeline pipeline = engine().lambda(topic, ClickViews.spend());
    Model model = new Model();
    for (LambdaStep step : schedule.steps()) {
      if (step instanceof Append a) {
        a.clicks().forEach(c -> ClickViews.produce(engine().log(), topic, c));
        model.appended.addAll(a.clicks());
      } else if (step instanceof RunBatch) {
        pipeline.runBatch();
        model.batchRead = model.appended.size();
        model.read = model.appended.size();
      } else {
        pipeline.runSpeed();
        model.read = model.appended.size();
      }
      check.accept(pipeline, model);
    }
  }

  private static Map<ViewKey, Long> spendOf(List<Click> clicks) {
    return ClickViews.oracle(ClickViews.spend(), clicks);
  }

  // lambda.serving.equals-recompute ------------------------------------------------------------

  /** After every step, a query equals the oracle over every click read so far. */
  @Property
  @Verifies(SERVING_EQUALS_RECOMPUTE)
  void required_lambda_serving_equals_recompute(@ForAll("schedules") ActionSequence<LambdaStep> schedule) {
    run(schedule, (pipeline, m) -> assertThat(pipeline.query())
        .as("query after %d of %d clicks read (%s)", m.read, m.appended.size(), pipeline)
        .isEqualTo(spendOf(m.appended.subList(0, m.read))));
  }

  /**
   * Pinned, the seed's boundary: ann spends 1 at t=5, a batch run, ann spends 2 at t=5 again, a
   * speed run. Her [0,10) window is 3; a boundary drawn at the batch's last time counts the first
   * click twice (4).
   */
  @Example
  @Verifies(SERVING_EQUALS_RECOMPUTE)
  void required_lambda_serving_equals_recompute_seedBoundary() {
    String topic = ClickViews.newTopic(engine().log());
    LambdaPipeline pipeline = engine().lambda(topic, ClickViews.spend());
    ClickViews.produce(engine().log(), topic, new Click(5, "ann", 1));
    pipeline.runBatch();
    ClickViews.produce(engine().log(), topic, new Click(5, "ann", 2));
    pipeline.runSpeed();
    assertThat(pipeline.query()).isEqualTo(Map.of(new ViewKey("ann", 0), 3L));
  }

  // lambda.batch-overrides-speed ---------------------------------------------------------------

  /** After every step, the batch view is the oracle of the clicks it covers, and the realtime view that of exactly the clicks after them. */
  @Property
  @Verifies(BATCH_OVERRIDES_SPEED)
  void required_lambda_batch_overrides_speed(@ForAll("schedules") ActionSequence<LambdaStep> schedule) {
    run(schedule, (pipeline, m) -> {
      assertThat(pipeline.batchView()).as("batch view over the first %d clicks (%s)", m.batchRead, pipeline)
          .isEqualTo(spendOf(m.appended.subList(0, m.batchRead)));
      assertThat(pipeline.realtimeView()).as("realtime view over clicks %d to %d (%s)", m.batchRead, m.read, pipeline)
          .isEqualTo(spendOf(m.appended.subList(m.batchRead, m.read)));
    });
  }

  /** Pinned: the speed layer counts ann's click, a batch run absorbs it: the realtime view is empty, the query still 1. */
  @Example
  @Verifies(BATCH_OVERRIDES_SPEED)
  void required_lambda_batch_overrides_speed_pinned() {
    String topic = ClickViews.newTopic(engine().log());
    LambdaPipeline pipeline = engine().lambda(topic, ClickViews.spend());
    ClickViews.produce(engine().log(), topic, new Click(1, "ann", 1));
    pipeline.runSpeed();
    assertThat(pipeline.realtimeView()).isEqualTo(Map.of(new ViewKey("ann", 0), 1L));
    pipeline.runBatch();
    assertThat(pipeline.realtimeView()).isEmpty();
    assertThat(pipeline.batchView()).isEqualTo(Map.of(new ViewKey("ann", 0), 1L));
    assertThat(pipeline.query()).isEqualTo(Map.of(new ViewKey("ann", 0), 1L));
  }
}
