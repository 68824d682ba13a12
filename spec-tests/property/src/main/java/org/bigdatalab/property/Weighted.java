package org.bigdatalab.property;

import java.util.List;

/** A choice between generators by weight; the first shrinks best. */
final class Weighted {
  private Weighted() {}

  static <T> Arbitrary<T> of(List<Tuple.Tuple2<Integer, Arbitrary<T>>> weighted) {
    List<Tuple.Tuple2<Integer, Arbitrary<T>>> copy = List.copyOf(weighted);
    long total = 0;
    for (Tuple.Tuple2<Integer, Arbitrary<T>> w : copy) {
      if (w.get1() < 0) {
        throw new IllegalArgumentException("negative weight " + w.get1());
      }
      total += w.get1();
    }
    if (total == 0) {
      throw new IllegalArgumentException("weights add up to 0");
    }
    long last = total - 1;
    return s -> {
      long r = s.choice(last);
      for (Tuple.Tuple2<Integer, Arbitrary<T>> w : copy) {
        if (r < w.get1()) {
          return w.get2().generate(s);
        }
        r -= w.get1();
      }
      throw new AssertionError("unreachable");
    };
  }
}
