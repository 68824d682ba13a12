package org.bigdatalab.streaming;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An immutable list whose elements are made when they are read, each by a function of its index
 * over data its maker handed over and no longer changes (primitive columns, say). Why: a run that
 * keeps its counts and watermarks in primitives would otherwise box every one into the result
 * (a Nexmark count's 60,000 results and 100,000 watermarks took about as long as counting the
 * million events), and a caller that reads only the size, or a few results, would pay for all of
 * them; one that reads every element pays for each read instead. {@link StreamingResult} keeps
 * such a list as it is rather than copying it (a copy would make every element).
 *
 * <p>Elements are never null; two reads of one index give equal elements, not necessarily the same
 * object. The function must be safe to call from any thread (it only reads what it was given).
 */
public final class ComputedList<E> extends AbstractList<E> implements RandomAccess {
  private final int size;
  private final IntFunction<? extends E> element;

  private ComputedList(int size, IntFunction<? extends E> element) {
    if (size < 0) {
      throw new IllegalArgumentException("size " + size + " is negative");
    }
    this.size = size;
    this.element = Objects.requireNonNull(element, "element");
  }

  /** A list of {@code size} elements, element {@code i} being {@code element.apply(i)}. */
  public static <E> List<E> of(int size, IntFunction<? extends E> element) {
    return new ComputedList<>(size, element);
  }

  /** {@code values[0..size)}, boxed as they are read; the array is the list's from now on (the caller no longer writes it). */
  public static List<Long> ofLongs(long[] values, int size) {
    Objects.checkFromToIndex(0, size, values.length);
    return new ComputedList<>(size, i -> values[i]);
  }

  /** The list itself if it is a computed one (immutable already), else an unmodifiable copy ({@link List#copyOf}). */
  static <E> List<E> keepOrCopy(List<E> list) {
    return list instanceof ComputedList<E> ? list : List.copyOf(list);
  }

  @Override
  public E get(int index) {
    Objects.checkIndex(index, size);
    return Objects.requireNonNull(element.apply(index), "a computed element is null");
  }

  @Override
  public int size() { return size; }
}
