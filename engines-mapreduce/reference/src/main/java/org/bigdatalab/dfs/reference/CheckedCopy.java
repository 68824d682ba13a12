package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One bulk read of a replica: {@code n} bytes from {@code from} (a chunk boundary; whole chunks)
 * copied into the caller's array and checked there against the stored checksums, in
 * {@value #SEGMENT}-byte segments that the reader and the cluster's {@link ReadHelper} claim one at
 * a time, so the two cores share the copy and the CRC32C pass.
 *
 * <p>Why two threads: on this project's machine CRC32C (the JDK's intrinsic) runs at 20-24 GB/s at
 * best, 42-50 us per MB, where the plain read it is compared with (one copy out of the page cache)
 * costs 33-65 us per MB: a reader that checks and copies on one core cannot pass about 0.6 of it.
 *
 * <p>Why copy first and check the copy: the copy streams the page cache once (the check then reads
 * the copy from the core's cache), and what is checked is what the caller gets. The caller's bytes
 * are only handed out (counted in read's result) once every segment has passed; a failed read is
 * done again, over the same range of the array, from another replica.
 *
 * <p>A segment is claimed before it is touched and counted when it is done; the reader waits for
 * every claimed segment before it returns, so no helper writes into the caller's array, or reads the
 * replica, after that.
 */
final class CheckedCopy {
  /**
   * 128 KB: the pread's kernel copy and the copy out stay in the core's L2 (1 MB here, beside the
   * caller's 1 MB array) with half the system calls of 64 KB. Same-JVM probe with a free second core
   * (benchmarks/RESULTS.md, 2026-12-07, branch s7-dfsr), median wall ratio to the plain read, 64 KB
   * against 128 KB: 256 MB at 128 MB blocks 0.679 / 0.700, at 8 MB 0.642 / 0.676, 4 MB at 1 MB blocks
   * 0.588 / 0.611; 32 KB was 10-15% slower, 256 KB level with 64 KB.
   */
  static final int SEGMENT = 128 << 10;

  private final ReferenceCluster cluster;
  private final ReplicaReader replica;
  private final long from;
  private final byte[] out;
  private final int off;
  private final int n;
  /** The stored checksums of the n bytes, from their first chunk: read only. */
  private final ByteBuffer sums;
  private final boolean verify;
  private final int segments;
  /**
   * The segments not yet claimed, [front, back): the front (high 32 bits) the reader's next, the back
   * (low 32 bits) one past the helper's next. The reader works from the front and the helper from the
   * back, so from one read into the same array to the next each thread mostly writes the segments it
   * wrote last time, whose lines are still in its own core's cache; where both took segments from
   * one counter, a segment the other core wrote last time was fetched from that core before the copy
   * could write it (the copy ran about 1.5x slower per byte than the plain read's, perf).
   */
  private final AtomicLong unclaimed;
  private final AtomicInteger done = new AtomicInteger();
  private volatile boolean corrupt;
  private volatile IOException failure;

  CheckedCopy(ReferenceCluster cluster, ReplicaReader replica, long from, byte[] out, int off, int n, ByteBuffer sums, boolean verify) {
    this.cluster = cluster;
    this.replica = replica;
    this.from = from;
    this.out = out;
    this.off = off;
    this.n = n;
    this.sums = sums;
    this.verify = verify;
    this.segments = (n + SEGMENT - 1) / SEGMENT;
    this.unclaimed = new AtomicLong(segments);
  }

  int segments() { return segments; }

  /**
   * Each thread's own direct buffer of {@value #SEGMENT} bytes, where a store that reads a segment
   * through a buffer puts it: kept for the thread's life rather than allocated per open file. A
   * fresh 256 KB direct buffer per reader (zeroed, faulted in, and unmapped again by malloc) was 8-10%
   * of a 4 MB read's CPU (perf, benchmarks/RESULTS.md, 2026-12-07, branch s7-dfsr); one this
   * small, reused, stays in the core's L2. Page-aligned: see {@link DirectBuffers#pageAligned}.
   */
  private static final ThreadLocal<ByteBuffer> SCRATCH = ThreadLocal.withInitial(() -> DirectBuffers.pageAligned(SEGMENT));

  /** The reader's part: claims and does segments from the front until none is left. */
  void work() {
    work(false);
  }

  /** The helper's part: claims and does segments from the back until none is left. */
  void workFromBack() {
    work(true);
  }

  private void work(boolean fromBack) {
    ByteBuffer scratch = SCRATCH.get();
    for (int k; (k = claim(fromBack)) >= 0; ) {
      try {
        segment(k, scratch);
      } catch (IOException e) {
        failure = e;
      } catch (RuntimeException e) {
        failure = new IOException("reading blk at " + (from + (long) k * SEGMENT), e);
      } finally {
        done.incrementAndGet();
      }
    }
  }

  /** The index of the segment claimed at the front or the back, or -1 when none is left. */
  int claim(boolean fromBack) {
    while (true) {
      long ends = unclaimed.get();
      int front = (int) (ends >>> 32);
      int back = (int) ends;
      if (front >= back) {
        return -1;
      }
      long after = fromBack ? ends - 1 : ends + (1L << 32);
      if (unclaimed.compareAndSet(ends, after)) {
        return fromBack ? back - 1 : front;
      }
    }
  }

  private void segment(int k, ByteBuffer scratch) throws IOException {
    int start = k * SEGMENT;
    int len = Math.min(SEGMENT, n - start);
    replica.copyTo(from + start, out, off + start, len, scratch);
    if (verify) {
      ByteBuffer mine = sums.duplicate();
      mine.position(start / Checksums.CHUNK * Checksums.SUM).limit(Checksums.chunks(start + len) * Checksums.SUM);
      if (cluster.firstBadChunk(ByteBuffer.wrap(out, off + start, len), mine) >= 0) {
        corrupt = true;
      }
    }
  }

  /**
   * Waits until every claimed segment is done (the reader calls this after its own {@link #work}
   * found none left): a helper is at most one segment from done, a few microseconds, so this spins,
   * yielding the core once it has spun a while (on a loaded machine the helper may need it).
   */
  void awaitDone() {
    for (int spins = 0; done.get() < segments; spins++) {
      if (spins < 2000) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  /** After {@link #awaitDone}: a segment failed its checksums. */
  boolean corrupt() { return corrupt; }

  /** After {@link #awaitDone}: a segment could not be read, or null. */
  IOException failure() { return failure; }
}
