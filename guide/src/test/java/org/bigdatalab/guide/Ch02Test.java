package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.guide.Ch02_CombinerCounters.Run;
import org.bigdatalab.guide.Ch02_TeraSortSampling.Outcome;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.mapreduce.jobs.Words;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 2's programs run, and their output carries the facts the chapter states. */
class Ch02Test {

  @Test
  void theSeedsTwoWordRulesDisagreeAndTheSpecRuleIsThePythonOneExceptUnderscore() {
    Map<String, Map<String, Long>> counts = Ch02_WordCount.countsByRule();
    Map<String, Long> java = counts.get("seed Java");
    Map<String, Long> python = counts.get("seed Python");
    Map<String, Long> spec = counts.get("spec");
    assertThat(java).containsKeys("The", "the", "THE", "cat,");
    assertThat(java).isNotEqualTo(python);
    assertThat(python.get("the")).isEqualTo(java.get("The") + java.get("the") + java.get("THE"));
    assertThat(python).containsKey("snake_case");
    assertThat(spec).containsKeys("snake", "case").doesNotContainKey("snake_case");
    Map<String, Long> pythonSplitAtUnderscore = new HashMap<>();
    python.forEach((w, n) -> Arrays.stream(w.split("_")).forEach(part -> pythonSplitAtUnderscore.merge(part, n, Long::sum)));
    assertThat(spec).isEqualTo(pythonSplitAtUnderscore);

    String out = GuideTesting.output(Ch02_WordCount::run);
    assertThat(out).containsPattern("\\n  the +" + java.get("the") + " +" + python.get("the") + " +" + spec.get("the") + "\\n");
    assertThat(out).contains("(distinct)");
  }

  @Test
  void wordCountOnEveryReferenceEngineEqualsTheOracle() throws Exception {
    List<List<KeyValue<String, Long>>> oracle = Ch02_WordCount.oracle();
    List<String> ids = GuideEngines.availableReferenceIds(System.out);
    assertThat(ids).contains("mr-sequential");
    for (String id : ids) {
      try (MapReduceEngine engine = GuideEngines.create(id)) {
        assertThat(Ch02_WordCount.runOn(engine)).as(id).isEqualTo(oracle);
      }
    }
    String out = GuideTesting.output(Ch02_WordCount::run);
    assertThat(out).contains("  oracle          " + oracle);
    ids.forEach(id -> assertThat(out).contains(String.format("  %-15s %s", id, oracle)));
    assertThat(out).doesNotContain("equals the oracle: false").contains("equals the oracle: true");
  }

  @Test
  void theShuffleTracePredictsTheEnginesOutputAndEachKeyMeetsInOneReducer(@TempDir Path dir) throws Exception {
    List<Path> inputs = new ArrayList<>();
    Map<String, Long> occurrences = new HashMap<>();
    for (Map.Entry<String, String> file : Ch02_ShuffleTrace.FILES.entrySet()) {
      inputs.add(Files.writeString(dir.resolve(file.getKey()), file.getValue()));
      file.getValue().lines().forEach(l -> Words.forEach(l, w -> occurrences.merge(w, 1L, Long::sum)));
    }
    MapReduceJob<String, Long, String, Long> job = Ch02_ShuffleTrace.job();
    Ch02_ShuffleTrace.Trace trace = Ch02_ShuffleTrace.trace(job, inputs);
    try (MapReduceEngine engine = GuideEngines.create("mr-sequential")) {
      engine.run(job, inputs, dir.resolve("out"));
    }
    assertThat(trace.predicted()).isEqualTo(JobOutput.read(dir.resolve("out"), job));

    Map<String, Long> reduced = new HashMap<>();
    for (int p = 0; p < trace.predicted().size(); p++) {
      for (KeyValue<String, Long> kv : trace.predicted().get(p)) {
        assertThat(reduced.put(kv.key(), kv.value())).as("%s reduced twice", kv.key()).isNull();
        assertThat(job.partitioner().partition(kv.key(), job.numReducers())).isEqualTo(p);
      }
    }
    assertThat(reduced).isEqualTo(occurrences);
    assertThat(trace.lines()).anyMatch(l -> l.startsWith("map task m-00001 reads b.txt"));

    String out = GuideTesting.output(Ch02_ShuffleTrace::run);
    assertThat(out).contains("the trace predicted the engine's output exactly: true");
    long theCount = occurrences.get("the");
    assertThat(out).containsPattern("  the +\\[1(, 1){" + (theCount - 1) + "}\\] +-> reduce -> \\[the=" + theCount + "\\]");
  }

  @Test
  void theCombinerCutsReduceInputKeepsTheOutputAndTheCountersAddUp() throws Exception {
    List<String> ids = GuideEngines.availableReferenceIds(System.out);
    for (String id : ids) {
      try (MapReduceEngine engine = GuideEngines.create(id)) {
        List<Run> runs = Ch02_CombinerCounters.wordCountRuns(engine);
        Run off = runs.get(0);
        Run on = runs.get(1);
        assertThat(off.combiner()).isFalse();
        assertThat(on.combiner()).isTrue();
        assertThat(on.output()).as(id).isEqualTo(off.output());
        assertThat(on.get(TaskCounter.MAP_OUTPUT_RECORDS)).isEqualTo(off.get(TaskCounter.MAP_OUTPUT_RECORDS))
            .isEqualTo((long) Ch02_CombinerCounters.LINES * Ch02_CombinerCounters.WORDS_PER_LINE);
        assertThat(off.get(TaskCounter.REDUCE_INPUT_RECORDS)).isEqualTo(off.get(TaskCounter.MAP_OUTPUT_RECORDS));
        assertThat(on.get(TaskCounter.REDUCE_INPUT_RECORDS)).as(id).isLessThanOrEqualTo(off.get(TaskCounter.REDUCE_INPUT_RECORDS));
        if (id.equals("mr-sequential")) {
          assertThat(on.get(TaskCounter.REDUCE_INPUT_RECORDS) * 10).isLessThan(off.get(TaskCounter.REDUCE_INPUT_RECORDS));
        }
        for (Run r : runs) {
          assertThat(r.get(TaskCounter.REDUCE_INPUT_RECORDS)).isEqualTo(r.get(TaskCounter.MAP_OUTPUT_RECORDS)
              - r.get(TaskCounter.COMBINE_INPUT_RECORDS) + r.get(TaskCounter.COMBINE_OUTPUT_RECORDS));
        }
      }
    }
    String out = GuideTesting.output(Ch02_CombinerCounters::run);
    ids.forEach(id -> assertThat(out).contains(id + ": the combiner cuts the records shuffled to the reducers 30,000 -> "));
    assertThat(out).contains("same output with and without: true").doesNotContain("same output with and without: false");
  }

  @Test
  void aMeanIsNotASafeCombinerButSumAndCountPairsAre() throws Exception {
    try (MapReduceEngine engine = GuideEngines.create("mr-sequential")) {
      Map<String, List<List<KeyValue<String, Long>>>> means = Ch02_CombinerCounters.means(engine);
      long trueMean = (1 + 2 + 3 + 10) / 4;
      List<List<KeyValue<String, Long>>> right = List.of(List.of(KeyValue.of("k", trueMean)));
      assertThat(means.get("mean, no combiner")).isEqualTo(right);
      assertThat(means.get("mean as its own combiner")).isNotEqualTo(right)
          .isEqualTo(List.of(List.of(KeyValue.of("k", ((1 + 2 + 3) / 3 + 10) / 2L))));
      assertThat(means.get("(sum, count) pairs combined")).isEqualTo(right);
    }
  }

  @Test
  void sampledCutsGiveMoreEvenPartitionsAndBothSortsValidate() throws Exception {
    List<Outcome> outcomes;
    try (MapReduceEngine engine = GuideEngines.create("mr-sequential")) {
      outcomes = Ch02_TeraSortSampling.compare(engine);
    }
    Outcome naive = outcomes.get(0);
    Outcome sampled = outcomes.get(1);
    long total = 2L * Ch02_TeraSortSampling.RECORDS_PER_FILE;
    for (Outcome o : outcomes) {
      assertThat(o.partitionSizes()).hasSize(Ch02_TeraSortSampling.REDUCERS);
      assertThat(Arrays.stream(o.partitionSizes()).sum()).isEqualTo(total);
      assertThat(o.report().valid()).as(o.how()).isTrue();
      assertThat(o.report().records()).isEqualTo(total);
      assertThat(o.report().checksum()).isEqualTo(o.inputChecksum());
    }
    assertThat(sampled.maxOverIdeal()).isLessThan(naive.maxOverIdeal());
    assertThat(naive.maxOverIdeal()).isGreaterThan(2.0);
    assertThat(sampled.maxOverIdeal()).isLessThan(1.5);

    String out = GuideTesting.output(Ch02_TeraSortSampling::run);
    assertThat(out).contains("records per partition " + Arrays.toString(naive.partitionSizes()))
        .contains("records per partition " + Arrays.toString(sampled.partitionSizes()))
        .contains(String.format("largest / ideal = %.2f", sampled.maxOverIdeal()))
        .contains("cuts " + Arrays.toString(sampled.cuts()));
    assertThat(out.split("TeraValidate: valid, 20,000 records, checksum equals the input's", -1)).hasSize(3);
  }
}
