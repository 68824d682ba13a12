package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One read piece of a replica, fetched and checked against its stored checksums in segments of
 * {@value #SEGMENT} bytes that two threads share: a checker thread works through them from the
 * front while the reader copies out the segments already checked, and the reader checks a segment
 * itself whenever it gets there first. So the CRC32C pass (as many profile samples as the copy, on a
 * mapped read) runs beside the copy instead of before it, and a checker thread slow to start on a
 * busy machine costs the reader no more than checking alone. Fetching is part of a segment's work:
 * a store without a view reads the segment into its part of the reader's buffer there, so that
 * read overlaps the copy too.
 *
 * <p>The reader hands out a segment's bytes only after {@link #await} says the segment is good;
 * segments are independent (each covers whole chunks and its own stored sums). Before the piece's
 * replica is closed (a mapped replica is unmapped) or its buffer reused, {@link #retire} stops the
 * checker thread and waits until it no longer touches the piece.
 */
final class CheckedPiece {
  /** A multiple of {@link Checksums#CHUNK}; a piece no larger is checked by the reader alone. */
  static final int SEGMENT = 128 << 10;
  static final int GOOD = 2;
  static final int CORRUPT = 3;
  /** The segment could not be read (the replica is shorter or its file failed). */
  static final int FAILED = 4;
  private static final int UNCLAIMED = 0;
  private static final int BUSY = 1;

  /** Threads that check pieces ahead of their readers; idle ones end after a minute. */
  private static final ExecutorService CHECKERS = Executors.newCachedThreadPool(task -> {
    Thread t = new Thread(task, "dfs-read-checker");
    t.setDaemon(true);
    return t;
  });

  /** How a segment is checked: the index of its first bad chunk, or -1. */
  interface Check {
    int firstBadChunk(ByteBuffer data, ByteBuffer sums);
  }

  private final ReplicaReader replica;
  private final long from;
  private final int length;
  private final ByteBuffer scratch;
  private final ByteBuffer sums;
  /** Null when the reader does not check (a broken reader). */
  private final Check check;
  /** Each segment's bytes once fetched, published by the write of its state. */
  private final ByteBuffer[] views;
  private final AtomicIntegerArray states;
  private final AtomicInteger helping = new AtomicInteger();
  private volatile boolean retired;
  /** A failure of the checker thread other than a failed read: a bug, rethrown to the reader. */
  private volatile Throwable bug;

  /**
   * The {@code length} bytes of {@code replica} from {@code from} (a chunk boundary), their stored
   * sums in {@code sums} from position 0; segments not viewed in place are read into
   * {@code scratch} (at least {@code length} bytes) at their offset.
   */
  CheckedPiece(ReplicaReader replica, long from, int length, ByteBuffer scratch, ByteBuffer sums, Check check) {
    this.replica = replica;
    this.from = from;
    this.length = length;
    this.scratch = scratch;
    this.sums = sums;
    this.check = check;
    int segments = Math.max(1, (length + SEGMENT - 1) / SEGMENT);
    this.views = new ByteBuffer[segments];
    this.states = new AtomicIntegerArray(segments);
    if (segments > 1) {
      CHECKERS.execute(this::help);
    }
  }

  /** The segment holding byte {@code at} of the piece. */
  static int segmentOf(int at) {
    return at / SEGMENT;
  }

  /** The offset in the piece where segment {@code s} starts. */
  static int segmentStart(int s) {
    return s * SEGMENT;
  }

  /** Checks segment {@code s}, or waits for the checker thread checking it: {@link #GOOD}, {@link #CORRUPT} or {@link #FAILED}. */
  int await(int s) {
    if (states.compareAndSet(s, UNCLAIMED, BUSY)) {
      int state = FAILED;
      try {
        state = fetchAndCheck(s);
      } finally {
        states.set(s, state);
      }
      return state;
    }
    for (int spins = 0; ; spins++) {
      int state = states.get(s);
      if (state > BUSY) {
        Throwable b = bug;
        if (b instanceof RuntimeException re) {
          throw re;
        }
        if (b instanceof Error e) {
          throw e;
        }
        return state;
      }
      if (spins < 200) {
        Thread.onSpinWait(); // a segment takes microseconds
      } else {
        Thread.yield(); // the checker thread lost its core: let it finish
      }
    }
  }

  /** Segment {@code s}'s bytes, positioned at its start; only after {@link #await} returned GOOD for it. */
  ByteBuffer view(int s) {
    return views[s];
  }

  /** Stops the checker thread and waits until it no longer reads the piece; no segment may be awaited afterwards. */
  void retire() {
    retired = true;
    while (helping.get() > 0) {
      Thread.yield();
    }
  }

  /**
   * The checker thread: the segments in order, each claimed first. The retired flag is read after
   * {@link #helping} is raised, so a retire that saw no helper leaves none that will touch the piece.
   */
  private void help() {
    helping.incrementAndGet();
    try {
      for (int s = 0; s < views.length && !retired; s++) {
        if (states.compareAndSet(s, UNCLAIMED, BUSY)) {
          int state = FAILED;
          try {
            state = fetchAndCheck(s);
          } catch (RuntimeException | Error e) {
            bug = e;
          } finally {
            states.set(s, state);
          }
        }
      }
    } finally {
      helping.decrementAndGet();
    }
  }

  private int fetchAndCheck(int s) {
    int at = segmentStart(s);
    int n = Math.min(SEGMENT, length - at);
    ByteBuffer view;
    try {
      view = replica.view(from + at, n, scratch.slice(at, n));
    } catch (IOException failed) {
      return FAILED;
    }
    views[s] = view;
    if (check == null) {
      return GOOD;
    }
    ByteBuffer segmentSums = sums.slice(at / Checksums.CHUNK * Checksums.SUM, Checksums.chunks(n) * Checksums.SUM);
    return check.firstBadChunk(view, segmentSums) < 0 ? GOOD : CORRUPT;
  }
}
