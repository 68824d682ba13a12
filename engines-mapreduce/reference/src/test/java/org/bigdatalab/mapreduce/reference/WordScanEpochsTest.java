package org.bigdatalab.mapreduce.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A pinned example for the attempt epochs a shared word table keeps beside its counts
 * ({@link WordScan#begin}): they have {@link WordScan#COUNT_BITS} fewer bits than a long, so after
 * {@link WordScan#EPOCHS} attempts the numbering starts again. A slot an old attempt touched must
 * not then look touched by a new attempt of the same number, or that attempt's rollback would
 * leave its additions in. Checked 2026-12-07 by leaving out the clearing of the slots' epochs at
 * the wrap: the test fails (a count of 2 after the rollback).
 */
class WordScanEpochsTest {
  @Test
  void afterTheEpochNumbersWrapARollbackStillTakesBackWhatTheAttemptAdded() {
    WordScan table = new WordScan(new SortBuffer(64 << 10), 1, 64 << 10);
    table.begin(true); // epoch 1
    scan(table, "a b");
    table.commit();
    for (int i = 2; i < WordScan.EPOCHS; i++) {
      table.begin(true);
      table.commit();
    }
    table.begin(true); // numbering starts again at 1, the epoch "a" was last touched in
    scan(table, "a a");
    assertThat(table.countOf("a")).isEqualTo(3);
    table.rollback();
    assertThat(table.countOf("a")).isEqualTo(1);
    assertThat(table.countOf("b")).isEqualTo(1);
  }

  private static void scan(WordScan table, String line) {
    byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
    assertThat(table.scan(bytes, 0, bytes.length)).isPositive();
  }
}
