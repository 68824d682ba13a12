package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.dataflow.LongAggregate;
import org.bigdatalab.spi.KeyValue;

/**
 * The fused aggregate's primitive table against a HashMap: every key once with its merged long,
 * through many growths (it starts with room for one key), for keys that collide in its slots and
 * the int extremes; the map-side fold (a dense array for narrow key ranges, else the table) and split of {@link FusedLongAggregate} put every key
 * where {@link org.bigdatalab.dataflow.HashPartitioning} does.
 */
class IntLongTableTest {

  @Provide
  Arbitrary<List<KeyValue<Integer, Long>>> records() {
    Arbitrary<Integer> keys = Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(3, Arbitraries.integers().between(-2000, 2000)),
        org.bigdatalab.property.Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1)),
        org.bigdatalab.property.Tuple.of(1, Arbitraries.integers().map(i -> i << 16)));
    return org.bigdatalab.property.Combinators.combine(keys, Arbitraries.longs().between(-1000, 1000)).as(KeyValue::of)
        .list().ofMaxSize(3000);
  }

  /** Keys in a narrow range, so the map side's fold takes the dense array. */
  @Provide
  Arbitrary<List<KeyValue<Integer, Long>>> narrow() {
    Arbitrary<Integer> base = Arbitraries.of(Integer.MIN_VALUE, -70, 0, Integer.MAX_VALUE - 200);
    return base.flatMap(b -> org.bigdatalab.property.Combinators.combine(Arbitraries.integers().between(0, 200).map(i -> b + i),
        Arbitraries.longs().between(-1000, 1000)).as(KeyValue::of).list().ofMaxSize(300));
  }

  @Property(tries = 100)
  void narrowKeysMergeAsAMapDoes(@ForAll("narrow") List<KeyValue<Integer, Long>> records) {
    everyAggregateMergesAsAMapDoes(records);
  }

  @Property(tries = 100)
  void everyAggregateMergesAsAMapDoes(@ForAll("records") List<KeyValue<Integer, Long>> records) {
    for (LongAggregate aggregate : LongAggregate.values()) {
      Map<Integer, Long> expected = new HashMap<>();
      records.forEach(kv -> expected.merge(kv.key(), aggregate.lift(kv.value()), aggregate::merge));
      IntLongTable table = new IntLongTable(1);
      records.forEach(kv -> table.merge(kv.key(), aggregate.lift(kv.value()), aggregate));
      assertThat(entries(table)).as(aggregate.name()).isEqualTo(expected);
      assertThat(table.size()).isEqualTo(expected.size());

      int[] keys = records.stream().mapToInt(KeyValue::key).toArray();
      long[] values = records.stream().mapToLong(KeyValue::value).toArray();
      PartialLongs folded = FusedLongAggregate.fold(new ColumnRange(keys, values, 0, keys.length), aggregate);
      assertThat(entries(folded)).as("fold, %s", aggregate).isEqualTo(expected);
      for (int n : new int[] {3, 4}) { // cut into arrays; a dense array read through bit masks
        FusedLongAggregate.MapOutput split = FusedLongAggregate.byPartition(folded, n);
        Map<Integer, Long> seen = new HashMap<>();
        for (int r = 0; r < n; r++) {
          int partition = r;
          int[] size = {0};
          split.forEach(r, (key, v) -> {
            assertThat(org.bigdatalab.dataflow.HashPartitioning.partition(key, n)).as("partition of %d of %d", key, n)
                .isEqualTo(partition);
            assertThat(seen.put(key, v)).as("key %d twice", key).isNull();
            size[0]++;
          });
          assertThat(split.size(r)).as("size of partition %d of %d", r, n).isEqualTo(size[0]);
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(split.records()).isEqualTo(expected.size());
        Map<Integer, Long> merged = new HashMap<>();
        for (int r = 0; r < n; r++) { // two map outputs, the second the same keys: the reduce side merges them
          merged.putAll(entries(FusedLongAggregate.merge(List.of(split, split), r, aggregate)));
        }
        Map<Integer, Long> twice = new HashMap<>();
        expected.forEach((k, v) -> twice.put(k, aggregate.merge(v, v)));
        assertThat(merged).as("reduce side of %d partitions, %s", n, aggregate).isEqualTo(twice);
      }
    }
  }

  private static Map<Integer, Long> entries(PartialLongs partial) {
    Map<Integer, Long> out = new HashMap<>();
    partial.forEach((k, v) -> assertThat(out.put(k, v)).as("key %d twice", k).isNull());
    assertThat(partial.size()).isEqualTo(out.size());
    return out;
  }
}
