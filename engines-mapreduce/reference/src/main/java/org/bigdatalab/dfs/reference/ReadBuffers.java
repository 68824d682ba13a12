package org.bigdatalab.dfs.reference;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The direct buffers readers read pieces into, kept when a reader closes for the next to take, as
 * HDFS's short-circuit reader takes its buffers from a pool: a fresh 1 MB direct buffer per open
 * file is zeroed, faulted in page by page and freed later by a cleaner, which cost a 4 MB read of
 * small blocks as much as copying a block (perf: page faults and zeroing beside the pread's copy,
 * benchmarks/RESULTS.md, 2026-12-07). A buffer is owned by one reader from {@link #take} until that
 * reader gives it back, once, after nothing (no checker thread either) reads or writes it any more.
 */
final class ReadBuffers {
  /** Buffers kept idle at most (1 MB each); more readers closing at once drop theirs. */
  static final int MAX_IDLE = 16;
  private static final ArrayBlockingQueue<ByteBuffer> IDLE = new ArrayBlockingQueue<>(MAX_IDLE);

  private ReadBuffers() {}

  /** An idle buffer of {@code capacity} bytes, or a new one. */
  static ByteBuffer take(int capacity) {
    ByteBuffer b = IDLE.poll();
    return b != null && b.capacity() == capacity ? b.clear() : ByteBuffer.allocateDirect(capacity);
  }

  /** Keeps {@code b} for the next reader; the caller must not touch it afterwards. */
  static void giveBack(ByteBuffer b) {
    IDLE.offer(b);
  }
}
