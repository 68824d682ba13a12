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

  /** The event's own time, in milliseconds: the only clock windows are measured by. */
  public interface Timestamp<T> extends Serializable {
    long of(T event);
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
