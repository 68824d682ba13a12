package org.bigdatalab.lambda;

import java.io.Serializable;
import java.util.Objects;
import org.bigdatalab.streaming.StreamFns;

/**
 * What a pipeline computes, as an immutable description every layer can run: parse each log
 * record's value into an event, and sum {@code value} of the events per key and tumbling window of
 * {@code windowSize} (a count when the value is 1). A batch engine and a streaming engine given the
 * same definition compute the same view; a sum is what lets a serving layer add a batch and a
 * realtime value of one window.
 *
 * <p>Example: windows of 10, events {@code (ann, t=3, 2)}, {@code (ann, t=7, 1)}, {@code (ann, t=12, 5)}
 * give the view {@code {ann@0=3, ann@10=5}}.
 */
public record ViewDefinition<T>(String name, StreamFns.Parser<T> parser, StreamFns.Key<T> key,
                                StreamFns.Timestamp<T> timestamp, long windowSize, StreamFns.ToLong<T> value)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ViewDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(value, "value");
    if (windowSize <= 0) {
      throw new IllegalArgumentException("window size " + windowSize + " must be positive");
    }
  }

  /** The view key an event adds to. */
  public ViewKey viewKey(T event) {
    return new ViewKey(key.of(event), Math.floorDiv(timestamp.of(event), windowSize) * windowSize);
  }

  @Override
  public String toString() { return name + "{sum per key and " + windowSize + " ms window}"; }
}
