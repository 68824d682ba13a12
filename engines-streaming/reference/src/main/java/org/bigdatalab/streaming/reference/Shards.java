package org.bigdatalab.streaming.reference;

import java.util.List;
import org.bigdatalab.streaming.StreamingFailedException;

/**
 * The keyed part of a job, split into shards by key: the driver routes each event to its key's
 * shard and broadcasts watermarks and barriers to all of them. Sequential engines run one shard in
 * the driver's thread; parallel ones a shard per thread.
 */
interface Shards<T> extends AutoCloseable {

  /** An event; {@code route} ({@link EventTimeEngine#route}) picks its shard. */
  void element(String key, int route, T event, String line, long ts) throws StreamingFailedException;

  void watermark(long time) throws StreamingFailedException;

  /** A chunk of a typed batch: each shard handles its events and every rise of the chunk, in order. */
  void batch(TypedChunk<T> chunk) throws StreamingFailedException;

  /**
   * A slice of a typed batch ({@link KeyedSlice}): each shard counts its range of the slice's
   * events and handles all its rises; returns the watermark after the slice.
   */
  long keyed(TypedScan<T> slice) throws StreamingFailedException;

  /** Sends a barrier to every shard and waits for their snapshots, in shard order. */
  List<Object> checkpoint() throws StreamingFailedException;

  /** Waits until every shard has handled everything sent so far. */
  void sync() throws StreamingFailedException;

  /** Puts every shard back to its snapshot (after {@link #sync}), continuing in the given epoch. */
  void restore(List<Object> snapshots, int epoch) throws StreamingFailedException;

  @Override
  void close();
}
