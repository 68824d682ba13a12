package org.bigdatalab.streaming.reference;

import java.util.List;
import org.bigdatalab.streaming.StreamingFailedException;

/** One shard, run in the driver's thread: the whole job is one loop, easy to follow and to trust. */
final class InlineShards<T> implements Shards<T> {
  private final Shard<T, ?> shard;

  InlineShards(Shard<T, ?> shard) {
    this.shard = shard;
  }

  @Override
  public void element(String key, int route, T event, String line, long ts) throws StreamingFailedException {
    try {
      shard.element(key, event, line, ts);
    } catch (RuntimeException e) {
      throw new StreamingFailedException("shard 0 failed on '" + line + "': " + e, e);
    }
  }

  @Override
  public void watermark(long time) throws StreamingFailedException {
    try {
      shard.watermark(time);
    } catch (RuntimeException e) {
      throw new StreamingFailedException("shard 0 failed at watermark " + time + ": " + e, e);
    }
  }

  @Override
  public void batch(TypedChunk<T> chunk) throws StreamingFailedException {
    try {
      shard.chunk(chunk, 0, 1);
    } catch (RuntimeException e) {
      throw new StreamingFailedException("shard 0 failed on a typed batch: " + e, e);
    }
  }

  /** One slice, filled and counted in the driver's thread, so one is enough. */
  private KeyedSlice<T> keyed;

  @Override
  public long keyed(TypedScan<T> slice) throws StreamingFailedException {
    if (keyed == null) {
      keyed = new KeyedSlice<>();
    }
    long after = keyed.fill(slice, 1);
    try {
      shard.keyed(keyed, 0, 1);
    } catch (RuntimeException e) {
      throw new StreamingFailedException("shard 0 failed on a typed batch: " + e, e);
    }
    return after;
  }

  @Override public List<Object> checkpoint() { return List.of(shard.barrier()); }
  @Override public void sync() {}
  @Override public void restore(List<Object> snapshots, int epoch) { shard.restore(snapshots.get(0), epoch); }
  @Override public void close() {}
}
