package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(-2000, 2000)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().map(i -> i << 16)));
    return net.jqwik.api.Combinators.combine(keys, Arbitraries.longs().between(-1000, 1000)).as(KeyValue::of)
        .list().ofMaxSize(3000);
  }

  /** Keys in a narrow range, so the map side's fold takes the dense array. */
  @Provide
  Arbitrary<List<KeyValue<Integer, Long>>> narrow() {
    Arbitrary<Integer> base = Arbitraries.of(Integer.MIN_VALUE, -70, 0, Integer.MAX_VALUE - 200);
    return base.flatMap(b -> net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 200).map(i -> b + i),
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
      FusedLongAggregate.MapOutput split = FusedLongAggregate.split(folded, 3);
      for (int r = 0; r < 3; r++) {
        for (int i = 0; i < split.sizes()[r]; i++) {
          int key = split.keys()[r][i];
          assertThat(org.bigdatalab.dataflow.HashPartitioning.partition(key, 3)).as("partition of %d", key).isEqualTo(r);
          assertThat(split.values()[r][i]).isEqualTo(expected.get(key));
        }
      }
      assertThat(split.records()).isEqualTo(expected.size());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<Integer, Long> entries(PartialLongs partial) {
    Map<Integer, Long> out = new HashMap<>();
    partial.forEach((k, v) -> assertThat(out.put(k, v)).as("key %d twice", k).isNull());
    assertThat(partial.size()).isEqualTo(out.size());
    if (partial instanceof IntLongTable table) {
      Map<Integer, Long> viaRecords = new HashMap<>();
      table.records().forEachRemaining(x -> viaRecords.put(((KeyValue<Integer, Long>) x).key(), ((KeyValue<Integer, Long>) x).value()));
      assertThat(viaRecords).as("records of the table").isEqualTo(out);
    }
    return out;
  }
}
