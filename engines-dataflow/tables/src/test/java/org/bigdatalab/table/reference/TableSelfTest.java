package org.bigdatalab.table.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.table.TableClauses.COMMIT_ATOMIC;
import static org.bigdatalab.table.TableClauses.COMMIT_CONFLICT;
import static org.bigdatalab.table.TableClauses.MERGE_UPSERT;
import static org.bigdatalab.table.TableClauses.PARTITION_PRUNING;
import static org.bigdatalab.table.TableClauses.SCHEMA_ENFORCED;
import static org.bigdatalab.table.TableClauses.SNAPSHOT_ISOLATION;
import static org.bigdatalab.table.TableClauses.TIME_TRAVEL;
import static org.bigdatalab.table.TableClauses.VACUUM_RETENTION;

import java.util.stream.Stream;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.reference.BrokenTables.IgnoresConflicts;
import org.bigdatalab.table.reference.BrokenTables.LogBeforeData;
import org.bigdatalab.table.reference.BrokenTables.MergeAppliesDuplicatesTwice;
import org.bigdatalab.table.reference.BrokenTables.NoPruning;
import org.bigdatalab.table.reference.BrokenTables.RelistingSnapshots;
import org.bigdatalab.table.reference.BrokenTables.SkipsBadRecords;
import org.bigdatalab.table.reference.BrokenTables.TimeTravelRoundsUp;
import org.bigdatalab.table.reference.BrokenTables.VacuumIgnoresRetention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table suite tests itself: each broken table must fail the clause it breaks. */
class TableSelfTest {

  static Stream<Arguments> brokenTables() {
    return Stream.of(
        Arguments.of(new LogBeforeData(), COMMIT_ATOMIC),
        Arguments.of(new IgnoresConflicts(), COMMIT_CONFLICT),
        Arguments.of(new RelistingSnapshots(), SNAPSHOT_ISOLATION),
        Arguments.of(new TimeTravelRoundsUp(), TIME_TRAVEL),
        Arguments.of(new MergeAppliesDuplicatesTwice(), MERGE_UPSERT),
        Arguments.of(new NoPruning(), PARTITION_PRUNING),
        Arguments.of(new VacuumIgnoresRetention(), VACUUM_RETENTION),
        Arguments.of(new SkipsBadRecords(), SCHEMA_ENFORCED));
  }

  @ParameterizedTest(name = "{1} catches {0}")
  @MethodSource("brokenTables")
  void brokenTableFailsItsClause(TableEngine broken, String clause) throws Exception {
    try (broken) {
      SelfTest.assertFails(broken, clause);
    }
  }

  @Test
  void everyClauseHasABrokenTableThatFailsIt() {
    SelfTest.assertCoversEveryClause(Topic.TABLE, brokenTables().map(a -> (String) a.get()[1]));
  }

  @Test
  void anHonestTableIsNotFailedByTheSameRunner() throws Exception {
    try (LogTables honest = new LogTables()) {
      assertThat(SelfTest.statusOf(honest, COMMIT_ATOMIC)).isEqualTo(ClauseStatus.PASSED);
    }
  }
}
