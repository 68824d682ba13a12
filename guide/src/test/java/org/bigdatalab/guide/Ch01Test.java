package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.mapreduce.MapReduceClauses.COMBINER_TRANSPARENT;
import static org.bigdatalab.mapreduce.MapReduceClauses.COUNTERS;
import static org.bigdatalab.mapreduce.MapReduceClauses.RETRY_FAILED_ATTEMPT_INVISIBLE;

import java.util.List;
import org.bigdatalab.guide.Ch01_HowTheSpecWorks.DoubleCombiningMapReduce;
import org.bigdatalab.guide.Ch01_HowTheSpecWorks.NoRetryMapReduce;
import org.bigdatalab.mapreduce.MapReduceClauses;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.spi.Clause;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.ClauseResult;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.Matrix;
import org.junit.jupiter.api.Test;

/** Chapter 1's programs run, and print what the chapter says they print. */
class Ch01Test {

  @Test
  void catalogueProgramPrintsEveryClauseWithItsLevelAndSource() {
    String out = GuideTesting.output(Ch01_ClauseCatalogue::run);
    List<Clause> clauses = MapReduceClauses.CATALOGUE.clauses();
    assertThat(out).startsWith(clauses.size() + " clauses in topic 'mapreduce'");
    for (Clause clause : clauses) {
      assertThat(out).contains(clause.id() + " [" + clause.level() + "]");
    }
    assertThat(out).contains("[OPTIONAL]").contains("[REQUIRED]").contains("source: ");
  }

  @Test
  void registryProgramListsEveryRegisteredMapReduceEngine() {
    String out = GuideTesting.output(Ch01_EngineRegistry::run);
    List<EngineInfo> engines = EngineRegistry.load().engines(Topic.MAPREDUCE);
    assertThat(engines).extracting(EngineInfo::id).contains("mr-sequential");
    engines.forEach(info -> assertThat(out).contains(info.id()).contains(info.displayName()));
    assertThat(out).contains("looked up by id: mr-sequential -> org.bigdatalab.mapreduce.reference.SequentialMapReduce");
    assertThat(out).contains("mr-parallel registered: " + EngineRegistry.load().find("mr-parallel").isPresent());
  }

  @Test
  void theMatrixPassesTheReferenceEngineFailsTheBrokenOneAndShowsUnsupported() throws Exception {
    Matrix matrix = Ch01_HowTheSpecWorks.runMatrix();

    for (String clause : Ch01_HowTheSpecWorks.CLAUSES) {
      assertThat(matrix.status("mr-sequential", clause)).as("mr-sequential on %s", clause).isEqualTo(ClauseStatus.PASSED);
    }
    ClauseResult combiner = matrix.find(DoubleCombiningMapReduce.INFO.id(), COMBINER_TRANSPARENT).orElseThrow();
    assertThat(combiner.status()).isEqualTo(ClauseStatus.FAILED);
    assertThat(combiner.detail()).startsWith("[" + COMBINER_TRANSPARENT + "] on engine guide-double-combine")
        .contains("(seed ").contains("minimal input");
    assertThat(matrix.status(DoubleCombiningMapReduce.INFO.id(), COUNTERS)).isEqualTo(ClauseStatus.FAILED);

    ClauseResult retry = matrix.find(NoRetryMapReduce.INFO.id(), RETRY_FAILED_ATTEMPT_INVISIBLE).orElseThrow();
    assertThat(retry.status()).isEqualTo(ClauseStatus.UNSUPPORTED);
    assertThat(retry.detail()).isEqualTo(NoRetryMapReduce.INFO.unsupported().get(RETRY_FAILED_ATTEMPT_INVISIBLE));
    assertThat(matrix.status(NoRetryMapReduce.INFO.id(), COMBINER_TRANSPARENT)).isEqualTo(ClauseStatus.PASSED);

    // The printed report says the same as the matrix, cell by cell.
    String out = GuideTesting.output(o -> Ch01_HowTheSpecWorks.report(matrix, o));
    for (String clause : Ch01_HowTheSpecWorks.CLAUSES) {
      String row = out.lines().filter(l -> l.startsWith(clause + " ")).findFirst().orElseThrow();
      List<String> cells = List.of(row.substring(clause.length()).trim().split("\\s+"));
      assertThat(cells).containsExactlyElementsOf(
          matrix.engines().stream().map(e -> matrix.status(e, clause).jsonName()).toList());
    }
    assertThat(out).contains("failed: " + COMBINER_TRANSPARENT + " on guide-double-combine")
        .contains("unsupported: " + RETRY_FAILED_ATTEMPT_INVISIBLE + " on guide-no-retry")
        .contains("guide-no-retry         conforms")
        .contains("guide-double-combine   DOES NOT conform");
  }

  @Test
  void replayCountsTheWordTwiceOnlyOnTheBrokenEngineWithTheCombiner() throws Exception {
    List<List<KeyValue<String, Long>>> once = List.of(List.of(KeyValue.of("a", 1L)));
    try (MapReduceEngine sequential = GuideEngines.create("mr-sequential");
         MapReduceEngine broken = new DoubleCombiningMapReduce()) {
      assertThat(Ch01_HowTheSpecWorks.replay(sequential)).containsOnlyKeys("without combiner", "with combiner")
          .allSatisfy((how, output) -> assertThat(output).isEqualTo(once));
      var replay = Ch01_HowTheSpecWorks.replay(broken);
      assertThat(replay.get("without combiner")).isEqualTo(once);
      assertThat(replay.get("with combiner")).isEqualTo(List.of(List.of(KeyValue.of("a", 2L))));
    }
  }

  @Test
  void wrapKeepsEveryWordAndTheWidth() {
    String text = "[mapreduce.counters] on engine x (seed 123) minimal input [[in-0.txt=\"a\\n\"]]: [reduce input]";
    String wrapped = GuideText.wrap(text, "    ", 40);
    assertThat(wrapped.lines()).allSatisfy(l -> assertThat(l).startsWith("    "));
    assertThat(wrapped.lines().filter(l -> l.trim().indexOf(' ') > 0)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    assertThat(String.join(" ", wrapped.lines().map(String::trim).toList())).isEqualTo(text);
  }
}
