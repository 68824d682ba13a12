package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chapter 16: the seed's errors fail on DuckDB, the summing view overcounts users, the fixed view and the reference agree with DuckDB. */
class Ch16Test {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void theSeedsDdlAndQueryFailAndTheFixedViewEqualsDuckDbsExactCounts() throws Exception {
    Ch16_RealTimeAnalytics.Outcome o = Ch16_RealTimeAnalytics.analyse(NOWHERE);
    assertThat(o.seedDdlError()).startsWith("fails: ");
    assertThat(o.seedQueryError()).startsWith("fails: ").contains("response_time");
    assertThat(o.queryRows()).hasSize(18);
    assertThat(o.exactUsers()).hasSize(18);
    assertThat(o.viewEvents()).isEqualTo(o.exactEvents());
    assertThat(o.exactEvents().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo((long) Ch16_RealTimeAnalytics.INSERTS * Ch16_RealTimeAnalytics.EVENTS_PER_INSERT);
    assertThat(o.fixedViewUsers()).isEqualTo(o.exactUsers());
    o.exactUsers().forEach((key, exact) -> assertThat(o.seedViewUsers().get(key)).as(key).isGreaterThan(exact));
    assertThat(o.eventParts()).isEqualTo(3);
    assertThat(o.partsSorted()).isTrue();
  }

  @Test
  void theExercisesAnswerHolds() throws Exception {
    Ch16_RealTimeAnalytics.Outcome o = Ch16_RealTimeAnalytics.analyse(NOWHERE);
    assertThat(o.viewRowsBeforeMerge()).isEqualTo(54);
    assertThat(o.viewRowsAfterMerge()).isEqualTo(18);
  }

  @Test
  void aSummingMergeTreeCollapsesEqualKeysOnlyWhenItMerges() {
    Ch16_MergeTree<long[]> table = Ch16_MergeTree.summing(Comparator.comparingLong(r -> r[0]),
        (a, b) -> new long[] {a[0], a[1] + b[1]});
    table.insert(List.of(new long[] {2, 1}, new long[] {1, 1}, new long[] {2, 5}));
    table.insert(List.of(new long[] {1, 10}));
    assertThat(table.scan()).extracting(r -> r[0] + "=" + r[1]).containsExactly("1=1", "2=6", "1=10");
    assertThat(table.parts()).isEqualTo(2);
    table.merge();
    assertThat(table.scan()).extracting(r -> r[0] + "=" + r[1]).containsExactly("1=11", "2=6");
    assertThat(table.parts()).isEqualTo(1);
  }
}
