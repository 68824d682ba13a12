package org.bigdatalab.table.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
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
import org.bigdatalab.table.spec.TableSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The table spec against {@code delta@standalone}: a standalone master and worker in JVMs of their
 * own, executors started by the worker writing the data files, the lab's classes and the crashing
 * file system shipped as {@code spark.jars}, tables in a directory the driver and executors share
 * (logs under {@code target/cluster-logs/}). Two cases per property: the {@code local[2]} binding
 * covers the generated inputs, this one Delta's transactions across processes.
 */
@Tag("cluster")
@PropertyDefaults(tries = 2, triesProperty = "delta.standalone.tries")
class DeltaStandaloneConformanceTest extends TableSpec {
  @Override
  protected TableEngine createEngine() throws Exception {
    SharedEngine.stop();
    return (TableEngine) new DeltaStandaloneProvider().create(EngineOptions.NONE);
  }

  /**
   * The spec's crash steps are not idle here: a writer told to crash before its first change dies at
   * the commit file the driver writes and leaves the table as it was (the data files are written by
   * executors, where the fault is not armed, so it can only land on the driver's writes).
   */
  @Test
  void anInjectedCrashReachesTheDriversWritesOnTheCluster() throws Exception {
    Table t = engine().create("crash-on-cluster", new TableSchema(List.of(Column.required("id", ColumnType.LONG),
        Column.required("region", ColumnType.STRING), Column.optional("amount", ColumnType.LONG)), List.of("region")),
        Clock.systemUTC());
    t.faults().crashNextWriteAfter(0);
    assertThatThrownBy(() -> t.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 5L)))))
        .isInstanceOfSatisfying(TableException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRITER_CRASHED));
    assertThat(t.snapshot(ReadAt.latest()).version()).isZero();
    t.write(new TableOperation.Append(List.of(Row.of(2L, "eu", 5L))));
    assertThat(t.snapshot(ReadAt.latest()).read().rows()).containsExactly(Row.of(2L, "eu", 5L));
  }
}
