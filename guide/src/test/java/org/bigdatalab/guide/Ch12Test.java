package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableEngine;
import org.junit.jupiter.api.Test;

/** Chapter 12's programs run on table-log, their output carries the facts the chapter states, and the exercise's answer holds. */
class Ch12Test {

  @Test
  void theMedallionQuarantinesThreeLinesAndARerunChangesNothing() {
    String out = GuideTesting.output(Ch12_Medallion::run);
    assertThat(out).contains("bronze: 8 lines, as landed").contains("silver: 5 events").contains("quarantined: 3")
        .contains("line 3: amount: not a whole number \"x\"").contains("line 5: user_id: not a whole number \"\"")
        .contains("line 8: (row): expected 5 fields, got 4")
        .contains("(\"2024-01-15\", 2, 1, 30)").contains("(\"2024-01-16\", 3, 2, 37)")
        .contains("after running the same landing again: silver 5 events, quarantine 3, gold unchanged: true");
  }

  @Test
  void theExercisesAnswerHolds() throws Exception {
    List<String> fixed = new ArrayList<>(Ch12_Medallion.LANDED);
    fixed.set(2, "3,11,purchase,2024-01-15,40");
    try (TableEngine engine = GuideEngines.create(Ch12_Medallion.ENGINE, TableEngine.class)) {
      Ch12_Medallion.Lake lake = Ch12_Medallion.Lake.create(engine, "exercise_");
      Ch12_Medallion.run(lake, fixed);
      assertThat(Ch12_Medallion.rows(lake.gold())).containsExactly(Row.of("2024-01-15", 3L, 2L, 70L), Row.of("2024-01-16", 3L, 2L, 37L));
    }
  }

  @Test
  void theWarehouseRefusesAtLoadAndTheLakeFailsAtQueryTime() {
    String out = GuideTesting.output(Ch12_WarehouseVsLake::run);
    assertThat(out).contains("warehouse load: 0 rows stored; error at load: SCHEMA_VIOLATION")
        .contains("record 3").contains("amount")
        .contains("lake load: 8 raw lines stored; error at load: none")
        .contains("lake query, strict: fails at query time: line 3: amount: not a whole number \"x\"")
        .contains("lake query, Hive-style: revenue 67, with 2 amount(s) read as null");
  }

  @Test
  void theSeedsMergeLeavesInsertedRowsIncompleteAndTheCorrectedOneDoesNot() {
    String now = "2024-01-16T10:00";
    var seed = (org.bigdatalab.table.TableOperation.Merge) Ch12_DeltaLake.seedMerge(Ch12_DeltaLake.FIRST_LOAD, now);
    assertThat(seed.source().get(1)).isEqualTo(Row.of(3L, 12L, "purchase", "2024-01-16", null, null));
    var fixed = (org.bigdatalab.table.TableOperation.Merge) Ch12_DeltaLake.correctedMerge(now);
    assertThat(fixed.source()).allMatch(r -> r.get(4) != null && now.equals(r.get(5)));
  }
}
