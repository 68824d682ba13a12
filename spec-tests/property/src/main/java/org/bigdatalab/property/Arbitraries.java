package org.bigdatalab.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The generators properties are built from. Each shrinks toward its first value, its lower bound or 0. */
public final class Arbitraries {
  private Arbitraries() {}

  public static IntegerArbitrary integers() {
    return new IntegerArbitrary(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  public static LongArbitrary longs() {
    return new LongArbitrary(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  public static DoubleArbitrary doubles() {
    return new DoubleArbitrary(-1e9, 1e9);
  }

  public static Arbitrary<Byte> bytes() {
    return s -> (byte) Numbers.between(s, Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  public static Arbitrary<Boolean> booleans() {
    return s -> s.choice(1) == 1;
  }

  public static StringArbitrary strings() {
    return new StringArbitrary();
  }

  /** One of {@code values}, shrinking toward the first. */
  @SafeVarargs
  public static <T> Arbitrary<T> of(T... values) {
    return of(Arrays.asList(values));
  }

  public static <T> Arbitrary<T> of(Collection<? extends T> values) {
    List<T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no values to choose from");
    }
    return s -> copy.get((int) s.choice(copy.size() - 1));
  }

  /** A constant of an enum, shrinking toward the first declared. */
  public static <E extends Enum<E>> Arbitrary<E> of(Class<E> type) {
    return of(type.getEnumConstants());
  }

  public static <T> Arbitrary<T> just(T value) {
    return s -> value;
  }

  /** A value from one of the generators, shrinking toward the first generator. */
  @SafeVarargs
  public static <T> Arbitrary<T> oneOf(Arbitrary<? extends T>... choices) {
    return oneOf(Arrays.asList(choices));
  }

  public static <T> Arbitrary<T> oneOf(List<? extends Arbitrary<? extends T>> choices) {
    List<Arbitrary<? extends T>> copy = List.copyOf(choices);
    return s -> copy.get((int) s.choice(copy.size() - 1)).generate(s);
  }

  /** Values with weights: {@code Tuple.of(3, "a"), Tuple.of(1, "b")}. */
  public static <T> Arbitrary<T> frequency(List<Tuple.Tuple2<Integer, T>> weighted) {
    List<Tuple.Tuple2<Integer, Arbitrary<T>>> asGenerators = new ArrayList<>();
    weighted.forEach(w -> asGenerators.add(Tuple.of(w.get1(), just(w.get2()))));
    return Weighted.of(asGenerators);
  }

  /** Generators with weights: {@code Tuple.of(3, small), Tuple.of(1, large)}. */
  @SafeVarargs
  public static <T> Arbitrary<T> frequencyOf(Tuple.Tuple2<Integer, ? extends Arbitrary<? extends T>>... weighted) {
    List<Tuple.Tuple2<Integer, Arbitrary<T>>> list = new ArrayList<>();
    for (Tuple.Tuple2<Integer, ? extends Arbitrary<? extends T>> w : weighted) {
      Arbitrary<? extends T> g = w.get2();
      list.add(Tuple.of(w.get1(), g::generate));
    }
    return Weighted.of(list);
  }

  /**
   * Sequences of actions where each action is drawn from what the state allows, and the state
   * moves on by each action: a schedule of client operations and faults, say. Shrinking deletes
   * actions (the shortest failing schedule) and simplifies the rest.
   */
  public static <S, A> ActionSequenceArbitrary<S, A> sequences(ActionSequenceArbitrary.Model<S, A> model) {
    return new ActionSequenceArbitrary<>(model, 0, 30);
  }
}
