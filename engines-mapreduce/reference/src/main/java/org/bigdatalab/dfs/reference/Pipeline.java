package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The replicas of one block being written, one per target DataNode, in placement order: HDFS's
 * write pipeline. Each packet goes to every target; {@link ReferenceCluster#publish} ends it.
 *
 * <p>The replicas are written at the same time, as HDFS's DataNodes forward a packet down the
 * pipeline while writing it: the first target's on the writer's thread, the others' on replica
 * threads. {@link #append} returns (the packet's ack) only when every replica holds the packet or
 * has failed, so the writer may reuse the packet's buffer, and a publish after it shows readers
 * only bytes every published replica holds. A packet under {@value #PARALLEL_FROM} bytes (an
 * hflush's tail) is written to the replicas one after another on the writer's thread: handing it
 * to another thread costs more than writing it.
 *
 * <p>The replicas are opened at the same time too ({@link #open}), where the store says opening
 * one is slow: a block file and its .meta file are created per replica, and on a busy disk a create
 * waits milliseconds on the file system (reading inode tables), so at 1 MB blocks the writer spent
 * more time creating six files per block one after another than writing the bytes.
 */
class Pipeline {
  /** Threads that write the second and later replicas; idle ones end after a minute. */
  private static final ExecutorService REPLICA_THREADS = Executors.newCachedThreadPool(task -> {
    Thread t = new Thread(task, "dfs-replica-writer");
    t.setDaemon(true);
    return t;
  });

  static final int PARALLEL_FROM = 64 << 10;

  private final long blockId;
  private final List<DataNode> targets;
  private final List<ReplicaWriter> writers;

  Pipeline(long blockId, List<DataNode> targets, List<ReplicaWriter> writers) {
    this.blockId = blockId;
    this.targets = List.copyOf(targets);
    this.writers = List.copyOf(writers);
  }

  long blockId() { return blockId; }

  List<DataNode> targets() { return targets; }

  List<ReplicaWriter> writers() { return writers; }

  /** Opens one replica writer on a target. */
  interface Opener {
    ReplicaWriter open(DataNode target) throws IOException;
  }

  /**
   * One writer per target, in the targets' order, opened at the same time (the first on this
   * thread) when {@code inParallel}, else one after another. If any fails, those that opened are
   * aborted (their files deleted) and the first failure is thrown.
   */
  static List<ReplicaWriter> open(List<DataNode> targets, Opener opener, boolean inParallel) throws IOException {
    List<Future<ReplicaWriter>> others = new ArrayList<>(targets.size());
    if (inParallel) {
      for (DataNode t : targets.subList(Math.min(1, targets.size()), targets.size())) {
        others.add(REPLICA_THREADS.submit(() -> opener.open(t)));
      }
    }
    List<ReplicaWriter> opened = new ArrayList<>(targets.size());
    Throwable failure = null;
    for (DataNode t : inParallel ? targets.subList(0, Math.min(1, targets.size())) : targets) {
      try {
        opened.add(opener.open(t));
      } catch (IOException | RuntimeException e) {
        failure = failure == null ? e : addSuppressed(failure, e);
        break;
      }
    }
    failure = awaitAll(others, failure, opened);
    if (failure != null) {
      opened.forEach(ReplicaWriter::abort);
      rethrow(failure, "opening the replicas of a block on " + targets);
    }
    return opened;
  }

  /** Writes the packet to every replica at once and returns when all are done; throws the first failure. */
  void append(ByteBuffer data, ByteBuffer sums) throws IOException {
    if (data.remaining() < PARALLEL_FROM) {
      for (ReplicaWriter w : writers) {
        w.append(data, sums);
      }
      return;
    }
    List<Future<Void>> others = new ArrayList<>(writers.size());
    for (ReplicaWriter w : writers.subList(Math.min(1, writers.size()), writers.size())) {
      others.add(REPLICA_THREADS.submit(() -> {
        w.append(data, sums);
        return null;
      }));
    }
    Throwable failure = null;
    try {
      if (!writers.isEmpty()) {
        writers.get(0).append(data, sums);
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    failure = awaitAll(others, failure, new ArrayList<>());
    if (failure != null) {
      rethrow(failure, "writing blk_" + blockId);
    }
  }

  private static void rethrow(Throwable failure, String what) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    throw new IOException(what, failure);
  }

  /**
   * Waits for every replica's task, even when interrupted (no writer may still be writing or
   * opening when the pipeline is published or aborted), adding what each returned to {@code results};
   * returns the first failure, if any.
   */
  static <T> Throwable awaitAll(List<Future<T>> tasks, Throwable failure, List<T> results) {
    boolean interrupted = false;
    for (Future<T> f : tasks) {
      while (true) {
        try {
          results.add(f.get());
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : addSuppressed(failure, e.getCause());
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt(); // kept for the caller; the packet itself was written
    }
    return failure;
  }

  private static Throwable addSuppressed(Throwable first, Throwable next) {
    first.addSuppressed(next);
    return first;
  }

  void abort() {
    writers.forEach(ReplicaWriter::abort);
  }
}
