package org.bigdatalab.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.Catalogues;
import org.bigdatalab.spi.Topic;
import org.junit.jupiter.api.Test;

class TableSchemaTest {
  private static final TableSchema SALES = new TableSchema(List.of(Column.required("id", ColumnType.LONG),
      Column.required("region", ColumnType.STRING), Column.optional("amount", ColumnType.LONG)), List.of("region"));

  @Test
  void aBadRecordNamesItsField() {
    SALES.check(Row.of(1L, "eu", null));
    assertThatThrownBy(() -> SALES.check(Row.of(1L, "eu", "x"))).isInstanceOf(BadRecordException.class)
        .hasMessage("amount: expected LONG, got String \"x\"");
    assertThatThrownBy(() -> SALES.check(Row.of(1L, null, 2L))).hasMessage("region: null in a NOT NULL column");
    assertThatThrownBy(() -> SALES.check(Row.of(1, "eu", 2L))).hasMessageStartingWith("id: expected LONG, got Integer");
    assertThatThrownBy(() -> SALES.check(Row.of(1L, "eu"))).hasMessage("(row): has 2 fields, the schema 3");
  }

  @Test
  void aNullablePartitionColumnIsRefused() {
    assertThatThrownBy(() -> new TableSchema(List.of(Column.optional("p", ColumnType.STRING)), List.of("p")))
        .hasMessageContaining("must not be nullable");
  }

  @Test
  void partitionPredicatesSayWhichPartitionsMayMatch() {
    assertThat(Predicate.eq("region", "eu").mayMatch(Map.of("region", "us"))).isFalse();
    assertThat(Predicate.in("region", Set.of("eu", "us")).mayMatch(Map.of("region", "us"))).isTrue();
    assertThat(Predicate.eq("id", 3L).and(Predicate.eq("region", "eu")).mayMatch(Map.of("region", "ap"))).isFalse();
    assertThat(Predicate.eq("id", 3L).mayMatch(Map.of("region", "ap"))).as("not a partition column: maybe").isTrue();
    assertThat(Predicate.eq("amount", 2L).test(SALES, Row.of(1L, "eu", null))).as("null never matches").isFalse();
  }

  @Test
  void theCatalogueIsRegisteredUnderItsTopic() {
    assertThat(Catalogues.forTopic(Topic.TABLE)).contains(TableClauses.CATALOGUE);
    assertThat(TableClauses.CATALOGUE.clauses()).extracting(c -> c.id()).containsExactly(
        "table.commit.atomic", "table.commit.conflict", "table.snapshot-isolation", "table.time-travel",
        "table.merge.upsert", "table.partition-pruning", "table.vacuum.retention", "table.schema.enforced");
  }
}
