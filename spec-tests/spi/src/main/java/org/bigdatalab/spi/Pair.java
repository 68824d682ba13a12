package org.bigdatalab.spi;

import java.io.Serializable;
import java.util.Comparator;

/** Two values as one, for composite keys (secondary sort) and joined records. Ordered by first, then second. */
public record Pair<A, B>(A first, B second) implements Serializable {

  public static <A, B> Pair<A, B> of(A first, B second) {
    return new Pair<>(first, second);
  }

  /** Natural order: by {@code first}, then by {@code second}. */
  public static <A extends Comparable<? super A>, B extends Comparable<? super B>> Comparator<Pair<A, B>> natural() {
    Comparator<Pair<A, B>> byFirst = Comparator.comparing(Pair::first);
    return byFirst.thenComparing(Pair::second);
  }
}
