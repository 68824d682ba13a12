package org.bigdatalab.table.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.Predicate;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;
import org.junit.jupiter.api.Test;

/** The Delta behaviours this adapter bridges, shown on Delta itself. */
class DeltaTablesTest {
  private static final TableSchema SALES = new TableSchema(List.of(Column.required("id", ColumnType.LONG),
      Column.required("region", ColumnType.STRING), Column.optional("amount", ColumnType.LONG)), List.of("region"));

  /** Delta answers count() of a vacuumed version from its log; reading its rows fails, and the adapter says VERSION_EXPIRED. */
  @Test
  void countOfAVacuumedVersionComesFromTheLogButItsRowsAreGone() throws Exception {
    DeltaTables delta = SharedEngine.get();
    Table t = delta.create("vacuumed", SALES, Clock.systemUTC());
    t.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L), Row.of(2L, "eu", 7L))));
    t.write(new TableOperation.Delete(Predicate.eq("id", 1L)));
    assertThat(t.vacuum(Duration.ZERO).deletedFiles()).as("files of version 1 that the delete replaced").isNotEmpty();
    long logCount = delta.spark().read().format("delta").option("versionAsOf", 1).load(delta.pathOf("vacuumed")).count();
    assertThat(logCount).as("Delta's count() of version 1, after its file was vacuumed").isEqualTo(2);
    assertThatThrownBy(() -> t.snapshot(ReadAt.version(1)).read())
        .isInstanceOfSatisfying(TableException.class, e -> assertThat(e.problem()).isEqualTo(Problem.VERSION_EXPIRED));
  }

  /** Delta lets one source row update two target rows; the adapter refuses it and writes nothing. */
  @Test
  void aSourceRowMatchingTwoTargetRowsIsRefused() throws Exception {
    Table t = SharedEngine.get().create("twotargets", SALES, Clock.systemUTC());
    t.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L), Row.of(1L, "us", 7L))));
    assertThatThrownBy(() -> t.write(new TableOperation.Merge(List.of(Row.of(1L, "eu", 9L)), List.of("id"),
        TableOperation.WhenMatched.UPDATE, true)))
        .isInstanceOfSatisfying(TableException.class, e -> assertThat(e.problem()).isEqualTo(Problem.MERGE_AMBIGUOUS));
    assertThat(t.history()).hasSize(2);
  }

  /** The injected crash reaches Delta's own writes: the write fails as a crashed writer, and the table stays at its version. */
  @Test
  void anInjectedCrashStopsDeltasWriteBeforeItsCommit() throws Exception {
    Table t = SharedEngine.get().create("crashed", SALES, Clock.systemUTC());
    t.faults().crashNextWriteAfter(1);
    assertThatThrownBy(() -> t.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L)))))
        .isInstanceOfSatisfying(TableException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRITER_CRASHED));
    assertThat(t.snapshot(ReadAt.latest()).version()).isZero();
    t.write(new TableOperation.Append(List.of(Row.of(2L, "eu", 5L))));
    assertThat(t.snapshot(ReadAt.latest()).read().rows()).containsExactly(Row.of(2L, "eu", 5L));
  }
}
