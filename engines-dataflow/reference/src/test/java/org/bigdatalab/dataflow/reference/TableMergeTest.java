package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.dataflow.Fn;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * df-parallel's dense per-key merge against the oracle's maps: the same records in the same
 * order, for keys whose hashes collide across types (Integer 7, Long 7 and a String of hash 7
 * share a hash), null keys, the primitive-long path and its fall back to the general one when a
 * value is not a Long; groups also with null values (both fail) and a hot key's long group.
 */
class TableMergeTest {

  @Property(tries = 200)
  void reduceFoldAndGroupAgreeWithTheOracle(@ForAll("records") List<KeyValue<Object, Object>> records) {
    for (Fn.Combine<Long> f : List.<Fn.Combine<Long>>of(Long::sum, Math::max, Long::min, (a, b) -> a * 31 + b)) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Fn.Combine<Object> merge = (Fn.Combine) f;
      assertSame(records, it -> MapMerge.INSTANCE.reduce(it, merge), it -> TableMerge.INSTANCE.reduce(it, merge));
    }
    Fn.Zero<Object> zero = () -> "";
    Fn.Fold<Object, Object> fold = (acc, v) -> acc + "," + v;
    assertSame(records, it -> MapMerge.INSTANCE.fold(it, zero, fold), it -> TableMerge.INSTANCE.fold(it, zero, fold));
    assertSame(records, MapMerge.INSTANCE::group, TableMerge.INSTANCE::group);
  }

  @Property(tries = 100)
  void groupsAgreeWithTheOracleAlsoOnANullValue(@ForAll("recordsWithNullValues") List<KeyValue<Object, Object>> records) {
    assertSame(records, MapMerge.INSTANCE::group, TableMerge.INSTANCE::group);
  }

  @Test
  void aGroupIsImmutableAndHoldsEveryValueOfAHotKey() {
    List<Object> records = new ArrayList<>();
    for (long v = 1; v < 10_000; v++) {
      records.add(KeyValue.of(v % 100 == 0 ? "cold" : "hot", v)); // the hot key's array doubles many times
    }
    List<Object> groups = drain(TableMerge.INSTANCE.group(records.iterator()));
    assertThat(groups).isEqualTo(drain(MapMerge.INSTANCE.group(records.iterator())));
    @SuppressWarnings("unchecked")
    List<Object> hot = (List<Object>) ((KeyValue<?, ?>) groups.get(0)).value();
    assertThat(hot).hasSize(9_900).startsWith(1L, 2L).endsWith(9_999L);
    assertThatThrownBy(() -> hot.add(1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> hot.set(0, 1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> hot.get(9_900)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aValueThatIsNotALongFailsAsTheFunctionItselfWould() {
    Fn.Combine<Long> sum = Long::sum;
    @SuppressWarnings({"unchecked", "rawtypes"})
    Fn.Combine<Object> merge = (Fn.Combine) sum;
    List<Object> records = List.of(KeyValue.of("a", 1L), KeyValue.of("a", "x"));
    Throwable expected = catchFrom(() -> drain(MapMerge.INSTANCE.reduce(records.iterator(), merge)));
    Throwable actual = catchFrom(() -> drain(TableMerge.INSTANCE.reduce(records.iterator(), merge)));
    assertThat(actual).isInstanceOf(ClassCastException.class).hasSameClassAs(expected);
  }

  @Test
  void recognisesOnlyTheJdksOwnLongMerges() {
    assertThat(LongCombine.of((Fn.Combine<Long>) Long::sum)).isEqualTo(LongCombine.SUM);
    assertThat(LongCombine.of((Fn.Combine<Long>) Math::max)).isEqualTo(LongCombine.MAX);
    assertThat(LongCombine.of((Fn.Combine<Long>) Long::min)).isEqualTo(LongCombine.MIN);
    assertThat(LongCombine.of((Fn.Combine<Long>) (a, b) -> a + b)).isNull();
    assertThat(LongCombine.of((Fn.Combine<Integer>) Integer::sum)).isNull();
    assertThat(LongCombine.of((Fn.Combine<Long>) Math::addExact)).isNull();
  }

  @Provide
  Arbitrary<List<KeyValue<Object, Object>>> records() {
    Arbitrary<Object> keys = Arbitraries.oneOf(Arbitraries.integers().between(-3, 40).map(i -> (Object) i),
        Arbitraries.longs().between(5, 9).map(l -> (Object) l), Arbitraries.of("\u0007", "a", "b").map(s -> (Object) s),
        Arbitraries.just(null));
    Arbitrary<Object> values = Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(20, Arbitraries.longs().between(-5, 5).map(l -> (Object) l)),
        org.bigdatalab.property.Tuple.of(1, Arbitraries.just((Object) "s")));
    return org.bigdatalab.property.Combinators.combine(keys, values).as(KeyValue::of).list().ofMaxSize(300);
  }

  @Provide
  Arbitrary<List<KeyValue<Object, Object>>> recordsWithNullValues() {
    Arbitrary<Object> keys = Arbitraries.oneOf(Arbitraries.integers().between(-3, 40).map(i -> (Object) i), Arbitraries.just(null));
    Arbitrary<Object> values = Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(30, Arbitraries.longs().between(-5, 5).map(l -> (Object) l)),
        org.bigdatalab.property.Tuple.of(1, Arbitraries.just(null)));
    return org.bigdatalab.property.Combinators.combine(keys, values).as(KeyValue::of).list().ofMaxSize(100);
  }

  private static void assertSame(List<KeyValue<Object, Object>> records, Function<Iterator<Object>, Iterator<Object>> oracle,
      Function<Iterator<Object>, Iterator<Object>> tables) {
    List<Object> input = new ArrayList<>(records);
    Object expected = outcome(() -> drain(oracle.apply(input.iterator())));
    Object actual = outcome(() -> drain(tables.apply(input.iterator())));
    assertThat(actual).as("records %s", records).isEqualTo(expected);
  }

  /** The records, or the class of the exception instead of them. */
  private static Object outcome(java.util.function.Supplier<List<Object>> run) {
    try {
      return run.get();
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  private static Throwable catchFrom(Runnable run) {
    try {
      run.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static List<Object> drain(Iterator<Object> it) {
    return Iterators.drain(it);
  }
}
