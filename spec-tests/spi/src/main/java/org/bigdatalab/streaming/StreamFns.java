package org.bigdatalab.streaming;

import java.io.Serializable;
import org.bigdatalab.spi.BadRecordException;

/**
 * The function types a streaming job holds. All are {@link Serializable}, so a real cluster (Flink,
 * Kafka Streams) can ship them to its tasks.
 */
public final class StreamFns {
  private StreamFns() {}

  /** Turns one raw input line into an event, or throws {@link BadRecordException} naming field and problem. */
  public interface Parser<T> extends Serializable {
    T parse(String line) throws BadRecordException;
  }

  /**
   * Writes an event as the line the job's parser reads back as an equal event: what a typed source
   * step stands for ({@link ScriptedSource.Events}), and how engines without a typed path read one.
   */
  public interface Format<T> extends Serializable {
    String line(T event);
  }

  /** The key an event is grouped by. Keys are strings, so every engine's key serde can carry them. */
  public interface Key<T> extends Serializable {
    String of(T event);
  }

  /**
   * A key that is a whole number, such as an auction id: its string is {@code Long.toString} of the
   * number (do not override {@link #of}), and an engine may keep it unboxed in its state and only
   * write it out as a string in results.
   */
  public interface LongKey<T> extends Key<T> {
    long longOf(T event);

    @Override
    default String of(T event) { return Long.toString(longOf(event)); }
  }

  /** The event's own time, in milliseconds: the only clock windows are measured by. */
  public interface Timestamp<T> extends Serializable {
    long of(T event);
  }

  /**
   * A function that reads one whole-number field of the event, and says which: a typed batch whose
   * source filled a column of that name ({@link ScriptedSource.Events#column}) holds the same values,
   * so an engine may read the column instead of calling the function per event.
   */
  public interface Field {
    String field();
  }

  /** A whole-number key read from the event's field {@code field}: {@code read}, declared ({@link Field}). */
  public record KeyField<T>(String field, LongKey<T> read) implements LongKey<T>, Field {
    @Override public long longOf(T event) { return read.longOf(event); }
  }

  /** An event time read from the event's field {@code field}: {@code read}, declared ({@link Field}). */
  public record TimeField<T>(String field, Timestamp<T> read) implements Timestamp<T>, Field {
    @Override public long of(T event) { return read.of(event); }
  }

  /** A number taken from an event (the value a sum adds up). */
  public interface ToLong<T> extends Serializable {
    long applyAsLong(T event);
  }

  /** Whether a stateless job keeps an event. */
  public interface Filter<T> extends Serializable {
    boolean test(T event);
  }

  /** What a stateless job emits for an event it keeps; never {@code null}. */
  public interface Map<T, R> extends Serializable {
    R apply(T event);
  }
}
