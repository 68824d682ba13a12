package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.spi.KeyValue;

/**
 * df-parallel's shuffle block holds exactly the records it was given, in order and of the same
 * types, through every change of layout: Integer-keyed Integer or Long values stay primitive, and
 * anything else (another key or value type, a null, a record that is no pair) boxes the block once.
 */
class ShuffleBucketTest {

  @Provide
  Arbitrary<List<Object>> records() {
    Arbitrary<Object> keys = Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(8, Arbitraries.of(Integer.MIN_VALUE, -1, 0, 7, Integer.MAX_VALUE).map(k -> (Object) k)),
        org.bigdatalab.property.Tuple.of(1, Arbitraries.of("k", (Object) 7L)),
        org.bigdatalab.property.Tuple.of(1, Arbitraries.just(null)));
    Arbitrary<Object> values = Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(8, Arbitraries.longs().map(v -> (Object) v)),
        org.bigdatalab.property.Tuple.of(8, Arbitraries.integers().map(v -> (Object) v)),
        org.bigdatalab.property.Tuple.of(1, Arbitraries.of("v", (Object) 1.5)),
        org.bigdatalab.property.Tuple.of(1, Arbitraries.just(null)));
    Arbitrary<Object> pair = Combinators.combine(keys, values).as(KeyValue::of);
    Arbitrary<List<Object>> sameLayout = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.integers(), Arbitraries.longs()).as(KeyValue::of).map(kv -> (Object) kv).list(),
        Combinators.combine(Arbitraries.integers(), Arbitraries.integers()).as(KeyValue::of).map(kv -> (Object) kv).list());
    return Arbitraries.oneOf(sameLayout, Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(20, pair), org.bigdatalab.property.Tuple.of(1, Arbitraries.of("line", (Object) 3))).list().ofMaxSize(60));
  }

  @Property
  void holdsWhatWasAddedInOrder(@ForAll("records") List<Object> records) {
    ShuffleBucket bucket = new ShuffleBucket();
    records.forEach(bucket::add);
    assertSameRecords(bucket, records);
  }

  /** A reduce partition gathers the map tasks' blocks with addAll: array to array where layouts agree. */
  @Property
  void gathersBlocksInOrder(@ForAll("records") List<Object> first, @ForAll("records") List<Object> second) {
    ShuffleBucket a = new ShuffleBucket();
    first.forEach(a::add);
    ShuffleBucket b = new ShuffleBucket();
    second.forEach(b::add);
    ShuffleBucket gathered = new ShuffleBucket();
    gathered.addAll(a);
    gathered.addAll(b);
    List<Object> expected = new ArrayList<>(first);
    expected.addAll(second);
    assertSameRecords(gathered, expected);
  }

  /**
   * groupByKey straight off a block (counting sort over its arrays) gives the oracle's groups, in its
   * order, or fails as it does on a null value. Only pairs: a groupByKey reads nothing else, and with
   * both a null value and a non-pair in one input the two fail at whichever they meet first.
   */
  @Property
  void groupsAsTheOracleDoes(@ForAll("records") List<Object> generated) {
    List<Object> records = generated.stream().filter(r -> r instanceof KeyValue<?, ?>).toList();
    ShuffleBucket bucket = new ShuffleBucket();
    records.forEach(bucket::add);
    Object expected = outcome(() -> drain(MapMerge.INSTANCE.group(records.iterator())));
    assertThat(outcome(() -> drain(TableMerge.INSTANCE.group(bucket.iterator())))).isEqualTo(expected);
  }

  @Example
  @SuppressWarnings("unchecked")
  void aHotKeysGroupComesOffTheBlockWhole() {
    ShuffleBucket bucket = new ShuffleBucket();
    List<Object> records = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      records.add(KeyValue.of(i % 10 == 0 ? i : -1, (long) i));
    }
    records.forEach(bucket::add);
    List<Object> groups = drain(TableMerge.INSTANCE.group(bucket.iterator()));
    assertThat(groups).isEqualTo(drain(MapMerge.INSTANCE.group(records.iterator())));
    assertThat(((List<Object>) ((KeyValue<?, ?>) groups.get(1)).value())).hasSize(4_500).startsWith(1L, 2L).endsWith(4_999L);
  }

  @Example
  void anIntegerFiveAndALongFiveStayApart() {
    ShuffleBucket bucket = new ShuffleBucket();
    bucket.add(KeyValue.of(1, 5));
    bucket.add(KeyValue.of(1, 5L));
    assertSameRecords(bucket, List.of(KeyValue.of(1, 5), KeyValue.of(1, 5L)));
  }

  private static List<Object> drain(java.util.Iterator<Object> it) {
    List<Object> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  /** The records, or the class of the exception instead of them. */
  private static Object outcome(java.util.function.Supplier<Object> run) {
    try {
      return run.get();
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  private static void assertSameRecords(List<Object> actual, List<Object> expected) {
    assertThat(actual).containsExactlyElementsOf(expected);
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i) instanceof KeyValue<?, ?> kv && kv.value() != null) {
        assertThat(((KeyValue<?, ?>) actual.get(i)).value()).isInstanceOf(kv.value().getClass());
      }
    }
  }
}
