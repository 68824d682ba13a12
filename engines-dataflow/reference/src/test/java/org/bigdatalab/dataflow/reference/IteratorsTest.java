package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A stage's narrow operations can hand their records over one call at a time (hasNext/next) or pushed
 * from their source's own loop (forEachRemaining, which df-parallel's record reduce uses): both must give
 * the same records in the same order, from any point, mid-way through one input's flatMap expansion too.
 */
class IteratorsTest {

  /** map, filter and flatMap (expansions of 0 to 4 records) over 0..29, read from two lists one after the other. */
  private static Iterator<Object> pipeline() {
    List<Object> low = new ArrayList<>();
    List<Object> high = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      (i < 13 ? low : high).add(i);
    }
    Iterator<Object> mapped = Iterators.map(Iterators.concat(List.of(low.iterator(), high.iterator())), x -> (Integer) x * 3);
    Iterator<Object> kept = Iterators.filter(mapped, x -> (Integer) x % 2 == 0);
    Iterator<Object> expanded = Iterators.flatMap(kept, x -> {
      List<Object> out = new ArrayList<>();
      for (int j = 0; j < (Integer) x % 5; j++) {
        out.add(x + ":" + j);
      }
      return out;
    });
    return expanded;
  }

  /** The records of a fresh pipeline: {@code first} pulled one at a time, then the rest pulled or pushed. */
  private static List<Object> read(Supplier<Iterator<Object>> records, int first, boolean pushRest) {
    Iterator<Object> it = records.get();
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < first && it.hasNext(); i++) {
      out.add(it.next());
    }
    if (pushRest) {
      it.forEachRemaining(out::add);
      assertThat(it.hasNext()).isFalse();
    }
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void pushingGivesThePulledRecordsFromAnyPoint() {
    List<Object> all = read(IteratorsTest::pipeline, 0, false);
    assertThat(all).hasSizeGreaterThan(20).startsWith("6:0", "12:0", "12:1").endsWith("84:0", "84:1", "84:2", "84:3");
    for (int first = 0; first <= all.size(); first++) {
      assertThat(read(IteratorsTest::pipeline, first, true)).as("after %d pulled", first).isEqualTo(all);
    }
  }
}
