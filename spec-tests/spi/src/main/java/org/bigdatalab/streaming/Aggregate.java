package org.bigdatalab.streaming;

import java.io.Serializable;

/**
 * An incremental aggregate, as Flink's {@code AggregateFunction}: an accumulator is created per
 * key and window, events are added one by one, accumulators of merged sessions are merged, and the
 * result is read when the window fires.
 *
 * <p>Accumulators are values: {@link #add} and {@link #merge} return a new accumulator and leave
 * their arguments as they were. That is what lets an engine snapshot its state by copying
 * references at a checkpoint.
 *
 * @param <T> the event type
 * @param <A> the accumulator
 * @param <R> the result
 */
public interface Aggregate<T, A, R> extends Serializable {

  A create();

  A add(A accumulator, T event);

  A merge(A a, A b);

  R result(A accumulator);

  /** Counts the events of the window. */
  static <T> Aggregate<T, Long, Long> count() {
    return new Count<>();
  }

  /**
   * The count, as a type an engine can recognize: it may keep such a window's count as a primitive
   * instead of calling {@link #add} per event; the results are the same.
   */
  final class Count<T> implements Aggregate<T, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override public Long create() { return 0L; }
    @Override public Long add(Long acc, T event) { return acc + 1; }
    @Override public Long merge(Long a, Long b) { return a + b; }
    @Override public Long result(Long acc) { return acc; }
    @Override public String toString() { return "count"; }
  }

  /** Sums a number taken from each event. */
  static <T> Aggregate<T, Long, Long> sum(StreamFns.ToLong<T> value) {
    return new Aggregate<>() {
      @Override public Long create() { return 0L; }
      @Override public Long add(Long acc, T event) { return acc + value.applyAsLong(event); }
      @Override public Long merge(Long a, Long b) { return a + b; }
      @Override public Long result(Long acc) { return acc; }
      @Override public String toString() { return "sum"; }
    };
  }
}
