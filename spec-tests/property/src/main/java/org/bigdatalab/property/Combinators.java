package org.bigdatalab.property;

/** Several generators drawn one after the other (Java evaluates arguments left to right) and combined by a function; each part shrinks. */
public final class Combinators {
  private Combinators() {}

  public static <A, B> Combine2<A, B> combine(Arbitrary<A> g1, Arbitrary<B> g2) {
    return new Combine2<>(g1, g2);
  }

  public static <A, B, C> Combine3<A, B, C> combine(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3) {
    return new Combine3<>(g1, g2, g3);
  }

  public static <A, B, C, D> Combine4<A, B, C, D> combine(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4) {
    return new Combine4<>(g1, g2, g3, g4);
  }

  public static <A, B, C, D, E> Combine5<A, B, C, D, E> combine(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4, Arbitrary<E> g5) {
    return new Combine5<>(g1, g2, g3, g4, g5);
  }

  public static <A, B, C, D, E, F> Combine6<A, B, C, D, E, F> combine(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4, Arbitrary<E> g5, Arbitrary<F> g6) {
    return new Combine6<>(g1, g2, g3, g4, g5, g6);
  }

  public static <A, B, C, D, E, F, G> Combine7<A, B, C, D, E, F, G> combine(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4, Arbitrary<E> g5, Arbitrary<F> g6, Arbitrary<G> g7) {
    return new Combine7<>(g1, g2, g3, g4, g5, g6, g7);
  }

  public static <A, B, C, D, E, F, G, H> Combine8<A, B, C, D, E, F, G, H> combine(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4, Arbitrary<E> g5, Arbitrary<F> g6, Arbitrary<G> g7, Arbitrary<H> g8) {
    return new Combine8<>(g1, g2, g3, g4, g5, g6, g7, g8);
  }

  public record Combine2<A, B>(Arbitrary<A> g1, Arbitrary<B> g2) {
    public <R> Arbitrary<R> as(F2<A, B, R> combiner) {
      return s -> combiner.apply(g1.generate(s), g2.generate(s));
    }
  }

  public record Combine3<A, B, C>(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3) {
    public <R> Arbitrary<R> as(F3<A, B, C, R> combiner) {
      return s -> combiner.apply(g1.generate(s), g2.generate(s), g3.generate(s));
    }
  }

  public record Combine4<A, B, C, D>(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4) {
    public <R> Arbitrary<R> as(F4<A, B, C, D, R> combiner) {
      return s -> combiner.apply(g1.generate(s), g2.generate(s), g3.generate(s), g4.generate(s));
    }
  }

  public record Combine5<A, B, C, D, E>(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4, Arbitrary<E> g5) {
    public <R> Arbitrary<R> as(F5<A, B, C, D, E, R> combiner) {
      return s -> combiner.apply(g1.generate(s), g2.generate(s), g3.generate(s), g4.generate(s), g5.generate(s));
    }
  }

  public record Combine6<A, B, C, D, E, F>(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4, Arbitrary<E> g5, Arbitrary<F> g6) {
    public <R> Arbitrary<R> as(F6<A, B, C, D, E, F, R> combiner) {
      return s -> combiner.apply(g1.generate(s), g2.generate(s), g3.generate(s), g4.generate(s), g5.generate(s), g6.generate(s));
    }
  }

  public record Combine7<A, B, C, D, E, F, G>(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4, Arbitrary<E> g5, Arbitrary<F> g6, Arbitrary<G> g7) {
    public <R> Arbitrary<R> as(F7<A, B, C, D, E, F, G, R> combiner) {
      return s -> combiner.apply(g1.generate(s), g2.generate(s), g3.generate(s), g4.generate(s), g5.generate(s), g6.generate(s), g7.generate(s));
    }
  }

  public record Combine8<A, B, C, D, E, F, G, H>(Arbitrary<A> g1, Arbitrary<B> g2, Arbitrary<C> g3, Arbitrary<D> g4, Arbitrary<E> g5, Arbitrary<F> g6, Arbitrary<G> g7, Arbitrary<H> g8) {
    public <R> Arbitrary<R> as(F8<A, B, C, D, E, F, G, H, R> combiner) {
      return s -> combiner.apply(g1.generate(s), g2.generate(s), g3.generate(s), g4.generate(s), g5.generate(s), g6.generate(s), g7.generate(s), g8.generate(s));
    }
  }

  @FunctionalInterface
  public interface F2<A, B, R> {
    R apply(A v1, B v2);
  }

  @FunctionalInterface
  public interface F3<A, B, C, R> {
    R apply(A v1, B v2, C v3);
  }

  @FunctionalInterface
  public interface F4<A, B, C, D, R> {
    R apply(A v1, B v2, C v3, D v4);
  }

  @FunctionalInterface
  public interface F5<A, B, C, D, E, R> {
    R apply(A v1, B v2, C v3, D v4, E v5);
  }

  @FunctionalInterface
  public interface F6<A, B, C, D, E, F, R> {
    R apply(A v1, B v2, C v3, D v4, E v5, F v6);
  }

  @FunctionalInterface
  public interface F7<A, B, C, D, E, F, G, R> {
    R apply(A v1, B v2, C v3, D v4, E v5, F v6, G v7);
  }

  @FunctionalInterface
  public interface F8<A, B, C, D, E, F, G, H, R> {
    R apply(A v1, B v2, C v3, D v4, E v5, F v6, G v7, H v8);
  }
}
