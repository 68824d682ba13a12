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
    failure = awaitAll(others, failure);
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure != null) {
      throw new IOException("writing blk_" + blockId, failure);
    }
  }

  /**
   * Waits for every replica's write of the packet, even when interrupted (no writer may still be
   * writing when the pipeline is published or aborted); returns the first failure, if any.
   */
  static Throwable awaitAll(List<Future<Void>> writes, Throwable failure) {
    boolean interrupted = false;
    for (Future<Void> f : writes) {
      while (true) {
        try {
          f.get();
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
