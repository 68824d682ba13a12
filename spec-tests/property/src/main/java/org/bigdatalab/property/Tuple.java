package org.bigdatalab.property;

/** Pairs, for weights and values that travel together. */
public final class Tuple {
  private Tuple() {}

  public static <A, B> Tuple2<A, B> of(A first, B second) {
    return new Tuple2<>(first, second);
  }

  public record Tuple2<A, B>(A get1, B get2) {
    @Override
    public String toString() {
      return "(" + get1 + ", " + get2 + ")";
    }
  }
}
