package org.bigdatalab.streaming;

import java.util.Objects;

/**
 * An immutable description of a stateless job: parse each input line into an event, keep the events
 * the filter accepts, and emit the map of each, in arrival order (Nexmark's q0 pass-through, q1
 * currency map and q2 filter; Flink's {@code map}/{@code filter}, Kafka Streams'
 * {@code filter}/{@code mapValues}). No key, no window, no state: watermark and idle steps of the
 * source change nothing.
 *
 * <p>Assumptions and guarantees:
 * <ol>
 *   <li>The outputs are {@code map(e)} for each parsed event {@code e} with {@code filter(e)}, in the
 *       order of the source's lines (a typed batch's events in their order, where its lines would
 *       be): an engine that runs the stage in parallel keeps that order.</li>
 *   <li>A line the parser refuses goes to the dead letters with the parser's reason; the job goes on.</li>
 *   <li>A filter or map that throws fails the run ({@link StreamingFailedException}).</li>
 * </ol>
 *
 * @param <T> the event type
 * @param <R> what is emitted per accepted event
 */
public record StatelessJob<T, R>(String name, StreamFns.Parser<T> parser, StreamFns.Filter<T> filter,
                                 StreamFns.Map<T, R> map) {

  public StatelessJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(map, "map");
  }

  /** The event if the filter keeps it, mapped; {@code null} if not. The one definition every engine and the oracle apply. */
  public R apply(T event) {
    return filter.test(event) ? map.apply(event) : null;
  }

  @Override
  public String toString() { return name; }
}
