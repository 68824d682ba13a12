package org.bigdatalab.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values of type {@code T}. It draws every decision from a {@link Source}; that is
 * all a generator needs to be shrinkable (see {@link Source}).
 */
@FunctionalInterface
public interface Arbitrary<T> {

  /** Draws one value. */
  T generate(Source source);

  default <U> Arbitrary<U> map(Function<? super T, ? extends U> f) {
    return s -> f.apply(generate(s));
  }

  /** Values that pass {@code keep}; a case that finds none in 100 draws is abandoned, not failed. */
  default Arbitrary<T> filter(Predicate<? super T> keep) {
    return s -> {
      for (int i = 0; i < 100; i++) {
        T value = generate(s);
        if (keep.test(value)) {
          return value;
        }
      }
      s.reject();
      return null;
    };
  }

  /** A generator chosen by a value drawn first; both draws shrink. */
  default <U> Arbitrary<U> flatMap(Function<? super T, ? extends Arbitrary<U>> f) {
    return s -> f.apply(generate(s)).generate(s);
  }

  default SizedArbitrary<List<T>> list() {
    return new SizedArbitrary<>(this, ArrayList::new, false);
  }

  /** Sets of distinct values; the size bounds count distinct elements. */
  default SizedArbitrary<Set<T>> set() {
    return new SizedArbitrary<>(this, java.util.LinkedHashSet::new, true);
  }

  /** Arrays; {@code type} is the array class, e.g. {@code byte[].class}. */
  default <A> SizedArbitrary<A> array(Class<A> type) {
    return new SizedArbitrary<List<T>>(this, ArrayList::new, false).as(list -> Arrays.toArray(list, type));
  }

  /** One value drawn at random: for documentation and data outside properties. */
  default T sample() {
    return generate(Source.sampling(System.nanoTime()));
  }
}
