package org.bigdatalab.streaming.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.bigdatalab.streaming.StreamingFailedException;

/**
 * Shards on threads: shard i runs on single-thread executor i, so each shard sees its messages in
 * the order the driver sent them (events of a key, watermarks, barriers) while shards run side by
 * side. A barrier is a message like any other, so a snapshot holds exactly the effect of what came
 * before it on that shard: Chandy-Lamport with one input channel per shard, no alignment needed.
 * The first failure of any shard stops all of them and is reported at the next sync or barrier.
 */
final class ThreadedShards<T> implements Shards<T> {
  private final List<Shard<T, ?, ?>> shards;
  private final List<ExecutorService> threads;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  ThreadedShards(List<Shard<T, ?, ?>> shards, List<ExecutorService> threads) {
    this.shards = shards;
    this.threads = threads;
  }

  @Override
  public void element(String key, T event, String line, long ts) throws StreamingFailedException {
    int i = Math.floorMod(key.hashCode(), shards.size());
    send(i, () -> shards.get(i).element(key, event, line, ts));
    failIfFailed();
  }

  @Override
  public void watermark(long time) throws StreamingFailedException {
    for (int i = 0; i < shards.size(); i++) {
      int shard = i;
      send(i, () -> shards.get(shard).watermark(time));
    }
    failIfFailed();
  }

  @Override
  public List<Object> checkpoint() throws StreamingFailedException {
    List<Future<Object>> snapshots = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      Shard<T, ?, ?> shard = shards.get(i);
      snapshots.add(threads.get(i).submit((Callable<Object>) shard::barrier));
    }
    List<Object> result = new ArrayList<>();
    for (Future<Object> f : snapshots) {
      result.add(join(f));
    }
    failIfFailed();
    return result;
  }

  @Override
  public void sync() throws StreamingFailedException {
    List<Future<?>> done = new ArrayList<>();
    threads.forEach(t -> done.add(t.submit(() -> {})));
    for (Future<?> f : done) {
      join(f);
    }
    failIfFailed();
  }

  @Override
  public void restore(List<Object> snapshots, int epoch) throws StreamingFailedException {
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      Shard<T, ?, ?> shard = shards.get(i);
      Object snapshot = snapshots.get(i);
      done.add(threads.get(i).submit(() -> shard.restore(snapshot, epoch)));
    }
    for (Future<?> f : done) {
      join(f);
    }
  }

  /** The threads belong to the engine and outlive the run; nothing is left queued after the final sync. */
  @Override
  public void close() {}

  private void send(int shard, Runnable work) {
    threads.get(shard).execute(() -> {
      if (failure.get() != null) {
        return;
      }
      try {
        work.run();
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    });
  }

  private void failIfFailed() throws StreamingFailedException {
    RuntimeException e = failure.get();
    if (e != null) {
      throw new StreamingFailedException("a shard failed: " + e, e);
    }
  }

  private static <V> V join(Future<V> f) throws StreamingFailedException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StreamingFailedException("interrupted while waiting for the shards", e);
    } catch (ExecutionException e) {
      throw new StreamingFailedException("a shard failed: " + e.getCause(), e.getCause());
    }
  }
}
