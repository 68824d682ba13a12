package org.bigdatalab.dfs.reference;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The second core of a cluster's readers: one daemon thread that works on the {@link CheckedCopy}s
 * readers offer it beside them (started on the first offer, stopped with the cluster). After a job
 * it polls a short while for the next one before it parks: a reader of 1 MB reads offers one every
 * 50-100 us, and waking a parked thread costs a good part of that. It yields between polls rather
 * than spinning: where the helper and the reader share a core (a loaded machine) a spinning helper
 * took the reader's time, and a 4 MB read's median wall time was 1.52 ms against 1.21 ms yielding
 * (main 1.18); with a free core the two are level (benchmarks/RESULTS.md, 2026-12-07).
 *
 * <p>A job it takes late (its reader already did every segment) finds nothing left to claim and is
 * dropped: the helper never touches a job's array or replica once the reader has returned.
 */
final class ReadHelper implements AutoCloseable {
  /** How long the helper polls for the next job before it parks. */
  private static final long SPIN_NANOS = 200_000;

  private final ConcurrentLinkedQueue<CheckedCopy> jobs = new ConcurrentLinkedQueue<>();
  private volatile Thread thread;
  private volatile boolean parked;
  private volatile boolean closed;

  /** Offers {@code job} to the helper; the caller works on it too, then waits for it. */
  void offer(CheckedCopy job) {
    if (closed) {
      return;
    }
    jobs.add(job);
    Thread t = thread;
    if (t == null) {
      t = start();
    }
    if (parked) {
      LockSupport.unpark(t);
    }
  }

  private synchronized Thread start() {
    if (thread == null) {
      Thread t = new Thread(this::run, "dfs-read-helper");
      t.setDaemon(true);
      thread = t;
      t.start();
    }
    return thread;
  }

  private void run() {
    long idleSince = System.nanoTime();
    for (int polls = 0; !closed; polls++) {
      CheckedCopy job = jobs.poll();
      if (job != null) {
        job.workFromBack();
        idleSince = System.nanoTime();
      } else if ((polls & 63) != 0 || System.nanoTime() - idleSince < SPIN_NANOS) { // the clock read every 64 polls
        Thread.yield(); // not a busy spin: on a loaded machine the reader may be waiting for this core
      } else {
        parked = true;
        if (jobs.isEmpty() && !closed) {
          LockSupport.park(this);
        }
        parked = false;
        idleSince = System.nanoTime();
      }
    }
  }

  @Override public void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }
}
