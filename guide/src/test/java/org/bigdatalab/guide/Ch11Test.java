package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bigdatalab.guide.Ch11_LambdaBoundary.Answers;
import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.ViewDefinition;
import org.bigdatalab.lambda.ViewKey;
import org.bigdatalab.streaming.spec.Click;
import org.junit.jupiter.api.Test;

/**
 * Chapter 11's programs run on the reference combination (in this JVM: the lambda module is on the
 * test class path), and the facts the chapter states hold: which serving layer is wrong and by how
 * much, that readers never see a mix while reprocessing, the startingOffsets JSON, and the
 * exercise's answer.
 */
class Ch11Test {
  private static final ViewKey ANN = new ViewKey("ann", 0);
  private static final ViewKey BOB = new ViewKey("bob", 0);

  private static PipelineEngine reference() {
    return GuideEngines.create(Ch11_LambdaBoundary.ENGINE, PipelineEngine.class);
  }

  private static Answers lambda(List<Click> afterBatch) throws Exception {
    try (PipelineEngine pipelines = reference()) {
      return Ch11_LambdaBoundary.run(pipelines, afterBatch);
    }
  }

  @Test
  void aTimeBoundaryCountsTwiceOrMissesAndOffsetsDoNeither() throws Exception {
    Answers a = lambda(Ch11_LambdaBoundary.AFTER_BATCH);
    assertThat(a.oracle()).containsEntry(ANN, 8L).containsEntry(BOB, 7L);
    assertThat(a.byTimeAtOrAfter()).as("ann's click at the boundary time, in the batch view and again in the speed layer")
        .containsEntry(ANN, 10L).containsEntry(BOB, 7L);
    assertThat(a.byTimeAfter()).as("bob's click at the boundary time, in neither").containsEntry(ANN, 8L).containsEntry(BOB, 3L);
    assertThat(a.byOffsets()).isEqualTo(a.oracle());
  }

  /** The exercise: a late click (older than the batch's latest) after the batch run. */
  @Test
  void exerciseALateClickIsReadByEverySpeedLayerThatStartsAtAnOffset() throws Exception {
    List<Click> after = new ArrayList<>(Ch11_LambdaBoundary.AFTER_BATCH);
    after.add(new Click(2_500, "ann", 10));
    Answers a = lambda(after);
    assertThat(a.oracle()).containsEntry(ANN, 18L);
    assertThat(a.byTimeAtOrAfter()).containsEntry(ANN, 20L).containsEntry(BOB, 7L);
    assertThat(a.byTimeAfter()).containsEntry(ANN, 18L).containsEntry(BOB, 3L);
    assertThat(a.byOffsets()).isEqualTo(a.oracle());
  }

  @Test
  void readersSeeTheOldViewUntilTheSwitchThenTheNewOneNeverAMix() throws Exception {
    List<Click> all = new ArrayList<>(Ch11_KappaReprocessing.HISTORY);
    Map<ViewKey, Long> oldBefore = oracle(Ch11_LambdaBoundary.SPEND, all);
    all.add(Ch11_KappaReprocessing.DURING);
    Map<ViewKey, Long> oldAfter = oracle(Ch11_LambdaBoundary.SPEND, all);
    Map<ViewKey, Long> fresh = oracle(Ch11_KappaReprocessing.CLICKS, all);
    List<String> seen;
    try (PipelineEngine pipelines = reference()) {
      seen = Ch11_KappaReprocessing.reprocess(pipelines, new PrintStream(OutputStream.nullOutputStream()));
    }
    assertThat(seen).hasSizeGreaterThan(2);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(fresh.toString());
    assertThat(seen.subList(0, seen.size() - 1)).allSatisfy(v -> assertThat(v).isIn(oldBefore.toString(), oldAfter.toString()));
  }

  @Test
  void startingOffsetsAreTheFirstOffsetAtOrAfterTheTimeInEachPartition() throws Exception {
    try (PipelineEngine pipelines = reference()) {
      Ch11_KappaReprocessing.reprocess(pipelines, new PrintStream(OutputStream.nullOutputStream()));
      String json = Ch11_KappaReprocessing.startingOffsetsJson(pipelines.log(), "clicks", Ch11_KappaReprocessing.REPLAY_FROM);
      List<Click> all = new ArrayList<>(Ch11_KappaReprocessing.HISTORY);
      all.add(Ch11_KappaReprocessing.DURING);
      StringBuilder expected = new StringBuilder("{\"clicks\":{");
      for (int p = 0; p < Ch11_LambdaBoundary.PARTITIONS; p++) {
        int partition = p;
        List<Click> held = all.stream().filter(c -> Math.floorMod(c.user().hashCode(), Ch11_LambdaBoundary.PARTITIONS) == partition).toList();
        int first = 0;
        while (first < held.size() && held.get(first).time() < Ch11_KappaReprocessing.REPLAY_FROM) {
          first++;
        }
        expected.append(p == 0 ? "" : ",").append('"').append(p).append("\":").append(first);
      }
      assertThat(json).isEqualTo(expected.append("}}").toString())
          .as("the offsets the chapter's text names").isEqualTo("{\"clicks\":{\"0\":1,\"1\":2}}");
    }
  }

  @Test
  void theOutputsShowTheWrongBesideTheRight() {
    assertThat(GuideTesting.output(Ch11_LambdaBoundary::run)).contains("WRONG: ann@0 +2").contains("WRONG: bob@0 -4")
        .containsPattern("from the batch's offsets .* = oracle");
    assertThat(GuideTesting.output(Ch11_KappaReprocessing::run)).contains("switch").contains("startingOffsets for t=15000: {\"clicks\":");
  }

  private static Map<ViewKey, Long> oracle(ViewDefinition<Click> view, List<Click> clicks) {
    Map<ViewKey, Long> out = new TreeMap<>();
    clicks.forEach(c -> out.merge(view.viewKey(c), view.value().applyAsLong(c), Long::sum));
    return out;
  }
}
