package org.bigdatalab.property;

import java.util.Collection;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collections drawn element by element. Before each element a "one more?" choice is recorded, so
 * deleting an element's choices (the shrinker's first move) deletes the element and keeps the rest
 * of the case as it was: lists shrink to shorter lists of the same elements, then to simpler ones.
 *
 * @param <C> what is generated: the collection, or what {@link #as} made of it
 */
public final class SizedArbitrary<C> implements Arbitrary<C> {
  private static final int DEFAULT_MAX = 50;

  private final Arbitrary<?> element;
  private final Supplier<? extends Collection<Object>> collection;
  private final boolean distinct;
  private final int min;
  private final int max;
  private final Function<Object, C> finish;

  @SuppressWarnings("unchecked")
  <T> SizedArbitrary(Arbitrary<T> element, Supplier<? extends Collection<T>> collection, boolean distinct) {
    this(element, (Supplier<? extends Collection<Object>>) (Supplier<?>) collection, distinct, 0, DEFAULT_MAX,
        c -> (C) c);
  }

  private SizedArbitrary(Arbitrary<?> element, Supplier<? extends Collection<Object>> collection, boolean distinct,
      int min, int max, Function<Object, C> finish) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("size bounds [" + min + ", " + max + "]");
    }
    this.element = element;
    this.collection = collection;
    this.distinct = distinct;
    this.min = min;
    this.max = max;
    this.finish = finish;
  }

  public SizedArbitrary<C> ofMinSize(int minSize) {
    return new SizedArbitrary<>(element, collection, distinct, minSize, Math.max(max, minSize), finish);
  }

  public SizedArbitrary<C> ofMaxSize(int maxSize) {
    return new SizedArbitrary<>(element, collection, distinct, Math.min(min, maxSize), maxSize, finish);
  }

  public SizedArbitrary<C> ofSize(int size) {
    return new SizedArbitrary<>(element, collection, distinct, size, size, finish);
  }

  /** The same draws, finished into another type (a string from its characters, an array). */
  <D> SizedArbitrary<D> as(Function<? super C, D> then) {
    return new SizedArbitrary<>(element, collection, distinct, min, max, c -> then.apply(finish.apply(c)));
  }

  @Override
  public C generate(Source s) {
    // How long lists run is tuned per case, unrecorded: short, middling and full ones all occur.
    double tuning = s.tuning();
    double average = tuning < 0.3 ? Math.min(max, min + 3) : tuning < 0.75 ? (min + max) / 2.0 : max;
    double more = 1 - 1 / (1 + Math.max(0.5, average - min));
    Collection<Object> out = collection.get();
    int misses = 0;
    while (true) {
      int start = s.mark();
      if (out.size() < min) {
        s.forced(1);
      } else if (out.size() >= max) {
        s.forced(0);
        break;
      } else if (!s.weighted(more)) {
        break;
      }
      Object value = element.generate(s);
      if (distinct && !out.add(value)) {
        if (++misses > 100) {
          s.reject();
        }
        continue;
      }
      if (!distinct) {
        out.add(value);
      }
      s.span(start);
    }
    return finish.apply(out);
  }
}
