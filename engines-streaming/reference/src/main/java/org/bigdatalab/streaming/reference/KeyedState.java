package org.bigdatalab.streaming.reference;

/**
 * The keyed window state of one shard, as a {@link Shard} drives it: events, watermarks, and
 * snapshots for checkpoints. {@link WindowOperator} keeps any job; {@link TumblingCount} keeps a
 * tumbling count in primitive arrays. Driven by one thread at a time.
 */
interface KeyedState<T, R> {

  /** An event; {@code line} may be null for a typed event (the shard then knows its line). */
  void onElement(String key, T event, String line, long ts, WindowOperator.Emitter<R> out);

  void onWatermark(long time, WindowOperator.Emitter<R> out);

  /** A copy of the state, untouched by what follows. */
  Object snapshot();

  /** Back to a {@link #snapshot} (which stays untouched, so it can be restored again). */
  void restore(Object snapshot);
}
