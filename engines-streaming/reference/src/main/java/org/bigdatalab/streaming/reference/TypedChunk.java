package org.bigdatalab.streaming.reference;

import org.bigdatalab.streaming.ScriptedSource;

/**
 * A slice of a typed batch on its way to the shards, as the driver saw it: each event's key and
 * time, and the watermark rises the events caused, with how many of them came before each event.
 * A shard that replays its own events with the rises in between handles exactly the messages the
 * batch's lines would have sent it, in the same order, so it fires the same windows at the same
 * watermarks; it just gets them in one hand-off. Read-only once handed over.
 */
final class TypedChunk<T> {
  /** Events per chunk: large enough that a hand-off is rare, small enough that shards start while the driver goes on. */
  static final int SIZE = 16_384;

  private final ScriptedSource.Events<T> batch;
  private final int from;
  /** The keys as strings, or null when the job's key is a whole number ({@link #longKeys} then). */
  final String[] keys;
  final long[] longKeys;
  /** Each event's shard route: the hash {@link EventTimeEngine#route} gives. */
  final int[] routes;
  final long[] times;
  /** How many of {@link #rises} came before event {@code i} of the chunk. */
  final int[] risesBefore;
  final long[] rises;
  int size;
  int riseCount;

  TypedChunk(ScriptedSource.Events<T> batch, int from, int to, boolean longKeyed) {
    this.batch = batch;
    this.from = from;
    keys = longKeyed ? null : new String[to - from];
    longKeys = longKeyed ? new long[to - from] : null;
    routes = new int[to - from];
    times = new long[to - from];
    risesBefore = new int[to - from];
    rises = new long[to - from];
  }

  void add(String key, long time) {
    keys[size] = key;
    routes[size] = key.hashCode();
    times[size] = time;
    risesBefore[size++] = riseCount;
  }

  void add(long key, long time) {
    longKeys[size] = key;
    routes[size] = Long.hashCode(key);
    times[size] = time;
    risesBefore[size++] = riseCount;
  }

  /** The watermark rose to {@code time} after the last event added. */
  void rise(long time) { rises[riseCount++] = time; }

  T event(int i) { return batch.events().get(from + i); }

  ScriptedSource.Events<T> batch() { return batch; }

  /** The batch index of the chunk's first event. */
  int from() { return from; }

  /** The line event {@code i} stands for (the late side output carries it). */
  String line(int i) { return batch.line(from + i); }
}
