package org.bigdatalab.table.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableException.Problem;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;

/**
 * That an engine's {@link org.bigdatalab.table.TableFaults} really fire where it runs. The spec's
 * crash steps accept a write that completes (a writer that needed fewer changes than the crash
 * point), so a fault that never reaches the writer would pass them unnoticed; a cluster row, whose
 * writer is spread over processes, checks it here.
 */
public final class InjectedCrash {
  private InjectedCrash() {}

  /**
   * A writer told to crash before its first storage change fails as {@link Problem#WRITER_CRASHED}
   * and leaves the new table at version 0; the next write then goes through.
   */
  public static void stopsTheNextAppend(TableEngine engine, String tableName) throws Exception {
    Table t = engine.create(tableName, new TableSchema(List.of(Column.required("id", ColumnType.LONG),
        Column.required("region", ColumnType.STRING), Column.optional("amount", ColumnType.LONG)), List.of("region")),
        Clock.systemUTC());
    t.faults().crashNextWriteAfter(0);
    assertThatThrownBy(() -> t.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L)))))
        .as("an append whose writer crashes before its first change on %s", engine.info().id())
        .isInstanceOfSatisfying(TableException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRITER_CRASHED));
    assertThat(t.snapshot(ReadAt.latest()).version()).as("version after the crashed append").isZero();
    t.write(new TableOperation.Append(List.of(Row.of(2L, "eu", 5L))));
    assertThat(t.snapshot(ReadAt.latest()).read().rows()).containsExactly(Row.of(2L, "eu", 5L));
  }
}
