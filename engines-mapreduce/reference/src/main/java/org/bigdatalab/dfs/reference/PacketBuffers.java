package org.bigdatalab.dfs.reference;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The direct packet buffers of closed writers, kept for the next writer of the same packet size:
 * allocating one zeroes it and faults its pages in, which for a 1 MB packet cost a 4 MB file write
 * about as much CPU as its checksums (measured, RESULTS.md 2026-12-07). A buffer is taken by one
 * writer and given back only once that writer is closed for good, so no two writers share one.
 */
final class PacketBuffers {
  /** More than this many idle buffers are left to the garbage collector: only concurrent writers need several. */
  static final int MAX_IDLE = 8;
  private final Deque<ByteBuffer> idle = new ArrayDeque<>();

  /** A cleared buffer of {@code capacity} bytes; its contents are whatever the last writer left. */
  synchronized ByteBuffer take(int capacity) {
    for (ByteBuffer b : idle) {
      if (b.capacity() == capacity) {
        idle.remove(b);
        return b.clear();
      }
    }
    return ByteBuffer.allocateDirect(capacity);
  }

  /** Gives back a buffer its writer will never touch again. */
  synchronized void giveBack(ByteBuffer b) {
    if (idle.size() < MAX_IDLE) {
      idle.push(b);
    }
  }
}
