package org.bigdatalab.mapreduce;

import java.io.Serializable;
import java.util.Comparator;
import java.util.function.Function;

/** A serializable comparator of map output keys (sort and grouping comparators). */
@FunctionalInterface
public interface KeyComparator<K> extends Comparator<K>, Serializable {

  /**
   * The keys' natural order ({@link Comparable}). Always the same instance ({@link NaturalOrder},
   * kept one across serialization), so an engine can tell it apart from a job's own order, e.g. to
   * order string keys by their encoded bytes where that gives the same order.
   */
  @SuppressWarnings("unchecked")
  static <K> KeyComparator<K> natural() {
    return (KeyComparator<K>) NaturalOrder.INSTANCE;
  }

  static <K> KeyComparator<K> reversed(KeyComparator<K> order) {
    return (a, b) -> order.compare(b, a);
  }

  /** Compares by a part of the key, e.g. the first half of a composite key. */
  static <K, P extends Comparable<? super P>> KeyComparator<K> by(SerializableFunction<K, P> part) {
    return (a, b) -> part.apply(a).compareTo(part.apply(b));
  }

  /** The order of {@link #natural()}. */
  final class NaturalOrder implements KeyComparator<Object> {
    private static final long serialVersionUID = 1L;
    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public int compare(Object a, Object b) {
      return ((Comparable) a).compareTo(b);
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** A function that can travel with the job. */
  interface SerializableFunction<A, B> extends Function<A, B>, Serializable {}
}
