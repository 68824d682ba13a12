package org.bigdatalab.table.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.InputFormatException;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.ColumnType;
import org.bigdatalab.table.ReadAt;
import org.bigdatalab.table.Row;
import org.bigdatalab.table.TableOperation;
import org.bigdatalab.table.TableSchema;
import org.bigdatalab.dfs.DfsEngine;
import org.junit.jupiter.api.Test;

/** table-log's files on a DFS store: their layout, and a damaged data file reported by file, line and field. */
class LogTablesTest {
  private static final TableSchema SALES = new TableSchema(List.of(Column.required("id", ColumnType.LONG),
      Column.required("region", ColumnType.STRING), Column.optional("amount", ColumnType.LONG)), List.of("region"));

  @Test
  void bothEnginesAreRegistered() {
    assertThat(EngineRegistry.load().engines(Topic.TABLE)).extracting(i -> i.id()).containsExactly("table-log", "table-memory");
  }

  @Test
  void aTableIsALogAndPartitionDirectoriesOnTheStore() throws Exception {
    DfsEngine dfs = EngineRegistry.load().create("dfs-local", DfsEngine.class, org.bigdatalab.spi.EngineOptions.NONE);
    try (LogTables engine = new LogTables(dfs)) {
      var table = engine.create("sales", SALES, Clock.systemUTC());
      table.write(new TableOperation.Append(List.of(Row.of(1L, "eu", 10L), Row.of(2L, "us", null))));
      assertThat(table.snapshot(ReadAt.latest()).read().rows()).containsExactlyInAnyOrder(Row.of(1L, "eu", 10L), Row.of(2L, "us", null));
      assertThat(table.snapshot(ReadAt.version(0)).read().rows()).isEmpty();
      assertThat(table.snapshot(ReadAt.latest()).read().filesOpened()).extracting(f -> f.path().substring(0, 10))
          .containsExactlyInAnyOrder("region=eu/", "region=us/");
    } finally {
      dfs.close();
    }
  }

  @Test
  void aDamagedDataFileIsReportedByFileLineAndField() throws Exception {
    try (DistributedFileSystem fs = EngineRegistry.load().create("dfs-memory", DfsEngine.class, org.bigdatalab.spi.EngineOptions.NONE)
        .start(ClusterSpec.builder().rack("r", "dn1").replication(1).build())) {
      DfsStore store = new DfsStore(fs, new DfsPath("/t"), new JsonCodec(SALES));
      try (DfsOutput out = fs.create(new DfsPath("/t/region=eu/part-0.jsonl"), false)) {
        out.write("[1,\"eu\",5]\n[2,\"eu\",\"five\"]\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThatThrownBy(() -> store.readDataFile("region=eu/part-0.jsonl")).isInstanceOf(InputFormatException.class)
          .hasMessage("/t/region=eu/part-0.jsonl:2: amount: expected a whole number, got \"five\"");
    }
  }
}
