package org.bigdatalab.table.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.PendingCommit;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;
import org.junit.jupiter.api.Test;

/** The Iceberg behaviours this adapter relies on or bridges, shown on Iceberg itself. */
class IcebergTablesTest {
  private static final TableSchema SALES = new TableSchema(List.of(Column.required("id", ColumnType.LONG),
      Column.required("region", ColumnType.STRING), Column.optional("amount", ColumnType.LONG)), List.of("region"));

  /**
   * Two deletes prepared on one version rewrite the same file: the second commit meets Iceberg's
   * validation (the file it would replace is gone), not a silent resurrection of the first one's row.
   */
  @Test
  void aRacingDeleteFailsIcebergsValidation() throws Exception {
    Table t = SharedEngine.get().create("racingdeletes", SALES, Clock.systemUTC());
    t.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L), Row.of(2L, "eu", 7L))));
    PendingCommit first = t.prepare(new TableOperation.Delete(Predicate.eq("id", 1L)));
    PendingCommit second = t.prepare(new TableOperation.Delete(Predicate.eq("id", 2L)));
    assertThat(first.commit()).isEqualTo(2);
    assertThatThrownBy(second::commit).isInstanceOfSatisfying(TableException.class, e -> {
      assertThat(e.problem()).isEqualTo(Problem.CONFLICT);
      assertThat(e.getCause()).isInstanceOf(org.apache.iceberg.exceptions.ValidationException.class);
    });
    assertThat(t.snapshot(ReadAt.latest()).read().rows()).containsExactly(Row.of(2L, "eu", 7L));
  }

  /** Spark's MERGE refuses two source rows for one target row itself; the adapter reports it as MERGE_AMBIGUOUS. */
  @Test
  void sparksOwnCardinalityCheckRefusesTwoSourceRowsForOneTarget() throws Exception {
    Table t = SharedEngine.get().create("twosources", SALES, Clock.systemUTC());
    t.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L))));
    assertThatThrownBy(() -> t.write(new TableOperation.Merge(List.of(Row.of(1L, "eu", 8L), Row.of(1L, "eu", 9L)),
        List.of("id"), TableOperation.WhenMatched.UPDATE, true)))
        .isInstanceOfSatisfying(TableException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.MERGE_AMBIGUOUS);
          assertThat(e.getMessage()).contains("MERGE_CARDINALITY_VIOLATION");
        });
    assertThat(t.history()).hasSize(2);
  }

  /**
   * Vacuum keeps the version current at its horizon, and Iceberg deletes a data file only once the
   * snapshot that removed it expires too: after a delete and an append, vacuum(0) expires versions 1
   * and 2 and deletes the file the delete replaced; the history still lists every version.
   */
  @Test
  void vacuumExpiresOlderSnapshotsButKeepsTheOneCurrentAtTheHorizon() throws Exception {
    Table t = SharedEngine.get().create("vacuumed", SALES, Clock.systemUTC());
    t.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L), Row.of(2L, "eu", 7L))));
    String replaced = t.snapshot(ReadAt.version(1)).read().filesOpened().get(0).path();
    t.write(new TableOperation.Delete(Predicate.eq("id", 1L)));
    t.write(new TableOperation.Append(List.of(Row.of(3L, "us", 1L))));
    assertThat(t.vacuum(Duration.ZERO).deletedFiles()).as("the file of version 1 that the delete replaced").containsExactly(replaced);
    assertThat(t.history()).extracting(c -> c.version()).containsExactly(0L, 1L, 2L, 3L);
    for (long expired : List.of(1L, 2L)) {
      assertThatThrownBy(() -> t.snapshot(ReadAt.version(expired)).read())
          .isInstanceOfSatisfying(TableException.class, e -> assertThat(e.problem()).isEqualTo(Problem.VERSION_EXPIRED));
    }
    assertThat(t.snapshot(ReadAt.version(3)).read().rows()).containsExactlyInAnyOrder(Row.of(2L, "eu", 7L), Row.of(3L, "us", 1L));
  }

  /** The injected crash reaches Iceberg's own writes: the write fails as a crashed writer, and the table stays at its version. */
  @Test
  void anInjectedCrashStopsIcebergsWriteBeforeItsCommit() throws Exception {
    Table t = SharedEngine.get().create("crashed", SALES, Clock.systemUTC());
    t.faults().crashNextWriteAfter(1);
    assertThatThrownBy(() -> t.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L)))))
        .isInstanceOfSatisfying(TableException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRITER_CRASHED));
    assertThat(t.snapshot(ReadAt.latest()).version()).isZero();
    t.write(new TableOperation.Append(List.of(Row.of(2L, "eu", 5L))));
    assertThat(t.snapshot(ReadAt.latest()).read().rows()).containsExactly(Row.of(2L, "eu", 5L));
  }
}
