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
 * the int extremes, and the map-side fold and split of {@link FusedLongAggregate} put every key
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
      IntLongTable folded = FusedLongAggregate.fold(new ColumnRange(keys, values, 0, keys.length), aggregate);
      assertThat(entries(folded)).as("fold, %s", aggregate).isEqualTo(expected);
      FusedLongAggregate.MapOutput split = FusedLongAggregate.split(folded, 3, new SequentialDataflow());
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

  private static Map<Integer, Long> entries(IntLongTable table) {
    Map<Integer, Long> out = new HashMap<>();
    table.forEach((k, v) -> assertThat(out.put(k, v)).as("key %d twice", k).isNull());
    Map<Integer, Long> viaRecords = new HashMap<>();
    table.records().forEachRemaining(x -> viaRecords.put(((KeyValue<Integer, Long>) x).key(), ((KeyValue<Integer, Long>) x).value()));
    assertThat(viaRecords).isEqualTo(out);
    return out;
  }
}
