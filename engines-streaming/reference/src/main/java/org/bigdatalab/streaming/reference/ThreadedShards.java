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
 *
 * <p>Events and watermarks are not handed over one by one: each shard has a buffer of messages,
 * sent as one task when it holds {@value #BATCH} of them, and before every barrier, sync and
 * restore. Order per shard is unchanged; what changes is that one queue hand-off (a lock and a
 * wake-up) is paid per batch instead of per event.
 */
final class ThreadedShards<T> implements Shards<T> {
  private final List<Shard<T, ?>> shards;
  private final List<ExecutorService> threads;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final List<List<Object>> buffers = new ArrayList<>();

  static final int BATCH = 512;

  /**
   * Typed hand-offs a shard may have queued or running: the source waits rather than run ahead of
   * a busy shard, so a result is at most this many chunks behind the event that made it due.
   */
  static final int TYPED_IN_FLIGHT = 2;
  private final List<java.util.concurrent.Semaphore> typedInFlight = new ArrayList<>();

  /** An event on its way to a shard. */
  private record Element<T>(String key, T event, String line, long ts) {}

  /** A watermark on its way to a shard. */
  private record Mark(long time) {}

  ThreadedShards(List<Shard<T, ?>> shards, List<ExecutorService> threads) {
    this.shards = shards;
    this.threads = threads;
    shards.forEach(s -> buffers.add(new ArrayList<>(BATCH)));
    shards.forEach(s -> typedInFlight.add(new java.util.concurrent.Semaphore(TYPED_IN_FLIGHT)));
  }

  @Override
  public void element(String key, int route, T event, String line, long ts) throws StreamingFailedException {
    buffer(shardOf(route, shards.size()), new Element<>(key, event, line, ts));
  }

  @Override
  public void watermark(long time) throws StreamingFailedException {
    Mark mark = new Mark(time);
    for (int i = 0; i < shards.size(); i++) {
      buffer(i, mark);
    }
  }

  private void buffer(int shard, Object message) throws StreamingFailedException {
    List<Object> buffer = buffers.get(shard);
    buffer.add(message);
    if (buffer.size() >= BATCH) {
      flush(shard);
      failIfFailed();
    }
  }

  /**
   * A typed chunk: what is buffered goes first, then every shard gets the whole chunk as one task
   * and takes its own events from it ({@link Shard#chunk}), so the driver does no per-event routing
   * work; every shard applies all of the chunk's rises, with or without events of its own.
   */
  @Override
  public void batch(TypedChunk<T> chunk) throws StreamingFailedException {
    toEveryShard((shard, own, n) -> shard.chunk(chunk, own, n));
  }

  /**
   * The slices the driver fills ({@link #keyed}), reused in turn: a shard has at most
   * {@link #TYPED_IN_FLIGHT} typed hand-offs queued or running, so once slice k is handed to every
   * shard, every shard is done with slice k - {@code TYPED_IN_FLIGHT} and earlier, and the ring of
   * one more than that never refills a slice a shard still reads.
   */
  @SuppressWarnings("unchecked")
  private final KeyedSlice<T>[] ring = new KeyedSlice[TYPED_IN_FLIGHT + 1];
  private int nextSlice;

  @Override
  public long keyed(TypedScan<T> slice) throws StreamingFailedException {
    int at = nextSlice;
    nextSlice = (at + 1) % ring.length;
    if (ring[at] == null) {
      ring[at] = new KeyedSlice<>();
    }
    KeyedSlice<T> keyed = ring[at];
    long after = keyed.fill(slice, shards.size());
    toEveryShard((shard, own, n) -> shard.keyed(keyed, own, n));
    return after;
  }

  /** One typed piece of work per shard, after what is buffered; each shard knows its index of n. */
  private interface ShardWork<T> {
    void run(Shard<T, ?> shard, int own, int shards);
  }

  private void toEveryShard(ShardWork<T> work) throws StreamingFailedException {
    flushAll();
    int n = shards.size();
    for (int s = 0; s < n; s++) {
      Shard<T, ?> shard = shards.get(s);
      int own = s;
      sendTyped(s, () -> work.run(shard, own, n));
    }
    failIfFailed();
  }

  /**
   * The shard of a route hash, by multiply-and-shift (Lemire's range reduction) rather than a
   * division: the same for lines and typed events, and cheap enough to test per event per shard.
   * The reduction reads the hash's high bits, so the hash is scrambled first (a multiply by an odd
   * constant): a small whole-number key hashes to itself, and unscrambled every auction id (high
   * bits 0) went to shard 0.
   */
  static int shardOf(int route, int shards) {
    return (int) ((((route * 0x9E3779B1) & 0xffffffffL) * shards) >>> 32);
  }

  /** Sends shard i's buffered messages as one task, which handles them in order. */
  @SuppressWarnings("unchecked")
  private void flush(int i) {
    List<Object> batch = buffers.get(i);
    if (batch.isEmpty()) {
      return;
    }
    buffers.set(i, new ArrayList<>(BATCH));
    Shard<T, ?> shard = shards.get(i);
    send(i, () -> {
      for (Object m : batch) {
        if (m instanceof Mark mark) {
          shard.watermark(mark.time());
        } else {
          Element<T> e = (Element<T>) m;
          shard.element(e.key(), e.event(), e.line(), e.ts());
        }
      }
    });
  }

  private void flushAll() {
    for (int i = 0; i < shards.size(); i++) {
      flush(i);
    }
  }

  @Override
  public List<Object> checkpoint() throws StreamingFailedException {
    flushAll();
    List<Future<Object>> snapshots = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      Shard<T, ?> shard = shards.get(i);
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
    flushAll();
    List<Future<?>> done = new ArrayList<>();
    threads.forEach(t -> done.add(t.submit(() -> {})));
    for (Future<?> f : done) {
      join(f);
    }
    failIfFailed();
  }

  @Override
  public void restore(List<Object> snapshots, int epoch) throws StreamingFailedException {
    flushAll();
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      Shard<T, ?> shard = shards.get(i);
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

  /** As {@link #send}, once the shard has fewer than {@link #TYPED_IN_FLIGHT} typed hand-offs in flight. */
  private void sendTyped(int shard, Runnable work) {
    java.util.concurrent.Semaphore permits = typedInFlight.get(shard);
    permits.acquireUninterruptibly();
    threads.get(shard).execute(() -> {
      try {
        if (failure.get() == null) {
          work.run();
        }
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      } finally {
        permits.release(); // also after a failure, so the source never waits on a stopped shard
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
