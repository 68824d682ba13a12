package org.bigdatalab.dataflow.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Lazy iterator adapters: how a stage's narrow operations are fused, each record passing through
 * all of them before the next is read (as Spark pipelines a stage's iterators).
 */
final class Iterators {
  private Iterators() {}

  static Iterator<Object> map(Iterator<Object> in, Function<Object, Object> f) {
    return new Iterator<>() {
      @Override public boolean hasNext() { return in.hasNext(); }
      @Override public Object next() { return f.apply(in.next()); }

      @Override public void forEachRemaining(Consumer<? super Object> action) {
        in.forEachRemaining(x -> action.accept(f.apply(x)));
      }
    };
  }

  static Iterator<Object> filter(Iterator<Object> in, Predicate<Object> p) {
    return flatMap(in, x -> p.test(x) ? List.of(x) : List.of());
  }

  static Iterator<Object> flatMap(Iterator<Object> in, Function<Object, ? extends Iterable<?>> f) {
    return new Iterator<>() {
      private Iterator<?> current = Collections.emptyIterator();

      @Override public boolean hasNext() {
        while (!current.hasNext() && in.hasNext()) {
          current = f.apply(in.next()).iterator();
        }
        return current.hasNext();
      }

      @Override public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }

      /** Each input's records pushed straight from its Iterable (an array's own loop for a list), in the same order. */
      @Override public void forEachRemaining(Consumer<? super Object> action) {
        current.forEachRemaining(action);
        current = Collections.emptyIterator();
        in.forEachRemaining(x -> f.apply(x).forEach(action));
      }
    };
  }

  static Iterator<Object> concat(List<Iterator<Object>> parts) {
    return new Iterator<>() {
      private int i;

      @Override public boolean hasNext() {
        while (i < parts.size() && !parts.get(i).hasNext()) {
          i++;
        }
        return i < parts.size();
      }

      @Override public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return parts.get(i).next();
      }
    };
  }

  static List<Object> drain(Iterator<Object> in) {
    List<Object> out = new ArrayList<>();
    in.forEachRemaining(out::add);
    return out;
  }
}
