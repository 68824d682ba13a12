package org.bigdatalab.dataflow.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Primitive arrays an engine keeps between jobs, so that a job's map tasks reuse the last job's instead of
 * allocating their own (as Spark's Tungsten keeps its memory pages, and Velox its allocator's pools).
 *
 * <p>Why: df-parallel's record path allocated about 27 MB a job at B05's 10M records, of which the chunk
 * columns (about 10 MB) and each map task's dense array (about 7 MB, an 800 KB array per task: a humongous
 * object in G1's 1 MB regions) were scratch. Every young collection and every humongous allocation, once the
 * old generation holds the boxed input (about 1 GB), starts a concurrent cycle that marks all of it: 63-88 ms
 * of CPU a job at z = 1.0, on one of the two cores the tasks run on (RESULTS.md, s8-df). Fewer bytes
 * allocated is fewer cycles.
 *
 * <p>Two ways to borrow, by how long the array stays in use. A task's own scratch (a chunk of columns, dead
 * once merged) is taken with {@link #longs}/{@link #ints} and given back by the task with {@link #giveBack}.
 * An array that outlives its task (a map task's dense aggregate is its shuffle output, read by the reduce
 * tasks) is borrowed through the job's {@link Lease}, and comes back only when the job has ended: no task
 * of any job can still read it then. A job that fails keeps its lease's arrays (the garbage collector takes
 * them), so a task still running after a failure never writes into an array another job holds.
 *
 * <p>Arrays come back as they were left: the borrower clears what it reads before writing it. Thread-safe;
 * at most {@link #KEPT_BYTES} are kept, the rest is left to the garbage collector.
 */
final class SpareArrays {
  /** Bytes kept at most: a few jobs' worth at 10M records, nothing against the heap the input needs. */
  static final long KEPT_BYTES = 64L << 20;

  private final TreeMap<Integer, ArrayDeque<long[]>> longs = new TreeMap<>();
  private final TreeMap<Integer, ArrayDeque<int[]>> ints = new TreeMap<>();
  private long keptBytes;

  /**
   * A kept long[] of at least {@code length} and at most twice it (the shortest such), else a new one of
   * {@code length}. Its contents are whatever its last borrower left.
   */
  synchronized long[] longs(int length) {
    long[] kept = take(longs, length);
    if (kept != null) {
      keptBytes -= 8L * kept.length;
      return kept;
    }
    return new long[length];
  }

  /** As {@link #longs}, for an int[]. */
  synchronized int[] ints(int length) {
    int[] kept = take(ints, length);
    if (kept != null) {
      keptBytes -= 4L * kept.length;
      return kept;
    }
    return new int[length];
  }

  /** Takes back arrays nobody reads or writes any more (long[] and int[]; anything else is left alone). */
  synchronized void giveBack(Object... arrays) {
    for (Object a : arrays) {
      if (a instanceof long[] l && keptBytes + 8L * l.length <= KEPT_BYTES) {
        longs.computeIfAbsent(l.length, k -> new ArrayDeque<>()).push(l);
        keptBytes += 8L * l.length;
      } else if (a instanceof int[] i && keptBytes + 4L * i.length <= KEPT_BYTES) {
        ints.computeIfAbsent(i.length, k -> new ArrayDeque<>()).push(i);
        keptBytes += 4L * i.length;
      }
    }
  }

  private static <A> A take(TreeMap<Integer, ArrayDeque<A>> kept, int length) {
    Map.Entry<Integer, ArrayDeque<A>> fit = kept.ceilingEntry(length);
    if (fit == null || fit.getKey() > 2L * length) {
      return null;
    }
    A a = fit.getValue().pop();
    if (fit.getValue().isEmpty()) {
      kept.remove(fit.getKey());
    }
    return a;
  }

  /** One job's borrowing: arrays that may be read until the job ends. */
  Lease lease() {
    return new Lease(this);
  }

  /** The arrays one job borrowed for longer than a task; {@link #end} gives them back once the job has succeeded. */
  static final class Lease {
    private final SpareArrays spares;
    private final List<Object> lent = new ArrayList<>();

    private Lease(SpareArrays spares) {
      this.spares = spares;
    }

    /** As {@link SpareArrays#longs}, lent until the job ends. */
    long[] longs(int length) {
      long[] a = spares.longs(length);
      synchronized (lent) {
        lent.add(a);
      }
      return a;
    }

    /** The job ended and nothing of it runs any more: its arrays go back to the engine. */
    void end() {
      synchronized (lent) {
        spares.giveBack(lent.toArray());
        lent.clear();
      }
    }
  }
}
