package org.bigdatalab.streaming.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.bigdatalab.streaming.WindowResult;
import org.junit.jupiter.api.Test;

/**
 * {@link CountPane}'s two forms against a map: a dense range that grows towards keys below and
 * above it, the switch to open addressing when keys spread (or come near the ends of {@code long},
 * where {@code k - low} could wrap into the range), a pane emptied by its emission and reused, and
 * two shards' parts of one window added into one.
 */
class CountPaneTest {

  private static Map<Long, Long> emitted(CountPane pane) {
    Map<Long, Long> counts = new TreeMap<>();
    for (WindowResult<Long> r : pane.emit(10, 10)) {
      assertThat(counts.put(Long.parseLong(r.key()), r.value())).as("key %s emitted twice", r.key()).isNull();
    }
    return counts;
  }

  private static Map<Long, Long> count(CountPane pane, List<Long> keys) {
    Map<Long, Long> expected = new TreeMap<>();
    for (long k : keys) {
      pane.increment(k);
      expected.merge(k, 1L, Long::sum);
    }
    return expected;
  }

  @Test
  void aNarrowRangeStaysDenseWhileGrowingBothWays() {
    CountPane pane = new CountPane();
    List<Long> keys = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 0; i < 20_000; i++) { // ascending ids, some up to 100 back, as a window's auctions, and one well below the range once it holds many
      keys.add(50_000L + i / 3 - random.nextInt(100) - (i == 5_000 ? 3_000 : 0));
    }
    Map<Long, Long> expected = count(pane, keys);
    assertThat(pane.hashed()).isFalse();
    assertThat(emitted(pane)).isEqualTo(expected);
  }

  @Test
  void spreadKeysAndKeysNearTheEndsOfLongAreHashed() {
    for (List<Long> keys : List.of(
        List.of(5L, 7L, 5L, 1L << 40, 6L, -(1L << 40), 5L),
        List.of(3L, Long.MAX_VALUE, 3L, Long.MIN_VALUE, Long.MIN_VALUE, 4L),
        List.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE),
        List.of(CountPane.SAFE - 1, CountPane.SAFE, CountPane.SAFE - 2, -CountPane.SAFE, -CountPane.SAFE + 1))) {
      CountPane pane = new CountPane();
      Map<Long, Long> expected = count(pane, keys);
      assertThat(pane.hashed()).as("%s", keys).isTrue();
      assertThat(emitted(pane)).as("%s", keys).isEqualTo(expected);
    }
  }

  @Test
  void anEmittedPaneIsReusedEmptyInEitherForm() {
    CountPane pane = new CountPane();
    Random random = new Random(2);
    for (int round = 0; round < 6; round++) {
      List<Long> keys = new ArrayList<>();
      long base = round % 2 == 0 ? 1_000L * round : random.nextLong();
      for (int i = 0; i < 5_000; i++) {
        keys.add(round % 3 == 2 ? random.nextLong() : base + random.nextInt(3_000));
      }
      Map<Long, Long> expected = count(pane, keys);
      CountPane snapshot = pane.copy();
      assertThat(emitted(pane)).as("round %d", round).isEqualTo(expected);
      assertThat(emitted(snapshot)).as("round %d, the copy", round).isEqualTo(expected);
    }
  }

  /**
   * The shards count a window in parts (each its range of a typed slice's positions) and
   * {@link CountFirings} adds the parts into one before firing: the sum must be the count over all
   * the events, a key in several parts once, whichever form each part is in.
   */
  @Test
  void partsAddedIntoOnePaneCountEveryEventOnce() {
    Random random = new Random(3);
    for (boolean[] spread : new boolean[][] {{false, false}, {false, true}, {true, false}, {true, true}}) {
      CountPane into = new CountPane();
      CountPane part = new CountPane();
      Map<Long, Long> expected = new TreeMap<>();
      for (int p = 0; p < 2; p++) {
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) { // dense parts share most keys; some counts run to hundreds
          keys.add(spread[p] ? (i % 3 == 0 ? 7_100L : random.nextLong()) : 7_000L + random.nextInt(i % 2 == 0 ? 10 : 500));
        }
        count(p == 0 ? into : part, keys).forEach((k, c) -> expected.merge(k, c, Long::sum));
      }
      assertThat(part.hashed()).isEqualTo(spread[1]);
      into.addAll(part);
      assertThat(emitted(into)).as("parts spread %s %s", spread[0], spread[1]).isEqualTo(expected);
      assertThat(emitted(part)).as("the part, once added, is empty (CountFirings reuses it)").isEmpty();
      Map<Long, Long> reused = count(part, List.of(7_003L, 7_003L, 7_400L));
      assertThat(emitted(part)).as("the part reused").isEqualTo(reused);
    }
  }
}
