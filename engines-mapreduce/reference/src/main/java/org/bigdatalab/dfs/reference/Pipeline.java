package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of one block being written, one per target DataNode, in placement order: HDFS's
 * write pipeline. Each packet goes to every target; {@link ReferenceCluster#publish} ends it.
 *
 * <p>The replicas are written at the same time, as HDFS's DataNodes forward a packet down the
 * pipeline while writing it: the first target's on the writer's thread, the others' on replica
 * threads. {@link #append} returns when the first replica holds the packet; the others' acks are
 * awaited at the next append or at {@link #awaitAcks} (one packet in flight at most, so each replica
 * gets its packets in order), which the writer calls before it publishes the block. So the writer
 * fills its next packet (a copy and a CRC32C pass) while the replica threads still write the last
 * one, as an HDFS client's DataStreamer sends while the application writes; the writer has two
 * packet buffers and refills one only after the packet in it was acked ({@code ReferenceOutput}).
 * A writer that comes to await the acks while a later replica's write is not yet taken by the
 * replica thread writes it itself ({@link #nextLater}).
 * A packet under {@value #PARALLEL_FROM} bytes (an hflush's tail) is written to the replicas one
 * after another on the writer's thread: handing it to another thread costs more than writing it.
 *
 * <p>Each replica is opened where its first packet is written, the first on the writer's thread and
 * the others on replica threads, in the same task as that packet's write (no hand-off of its own):
 * opening one is a block file and a .meta file per replica (two renames and two opens with a spare
 * pair, two creates without), so the later replicas' opens run beside the writer's own instead of
 * after it, as an HDFS DataNode creates its replica when the first packet reaches it.
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
  private final Opener opener;
  /** Each target's replica writer, null until its first packet opens it (on the thread that writes it). */
  private final ReplicaWriter[] writers;

  Pipeline(long blockId, List<DataNode> targets, Opener opener) {
    this.blockId = blockId;
    this.targets = List.copyOf(targets);
    this.opener = opener;
    this.writers = new ReplicaWriter[targets.size()];
  }

  long blockId() { return blockId; }

  List<DataNode> targets() { return targets; }

  /** Opens one replica writer on a target. */
  interface Opener {
    ReplicaWriter open(DataNode target) throws IOException;
  }

  /**
   * The writer of the i-th target's replica, opened now if no packet has opened it yet. Only the
   * thread writing that replica calls this while a packet is in flight; others after its ack.
   */
  ReplicaWriter writer(int i) throws IOException {
    if (writers[i] == null) {
      writers[i] = opener.open(targets.get(i));
    }
    return writers[i];
  }

  /** The later replicas' writes of the last packet sent, until its acks are awaited. */
  private final List<Future<Void>> inFlight = new ArrayList<>(2);
  /**
   * The index of the next later replica of the packet in flight that no thread has taken: the replica
   * thread takes them in order, and the writer, once it comes to await the acks, takes any still left
   * rather than wait idle (at a block's last packet, with nothing more to fill, it writes the third
   * replica beside the replica thread's second). Each replica's packet is written by one thread.
   */
  private final AtomicInteger nextLater = new AtomicInteger();
  /** The packet in flight and its checksums, for the writer to take a replica's write of. */
  private ByteBuffer inFlightData;
  private ByteBuffer inFlightSums;

  /**
   * Waits for the last packet's acks, then writes this one to every replica at once and returns
   * when the first replica holds it; the buffers must stay as they are until the next append or
   * {@link #awaitAcks} returns. Throws the first failure (of this packet or the last one).
   */
  void append(ByteBuffer data, ByteBuffer sums) throws IOException {
    awaitAcks();
    if (data.remaining() < PARALLEL_FROM) {
      for (int i = 0; i < writers.length; i++) {
        writer(i).append(data, sums);
      }
      return;
    }
    if (writers.length > 1) {
      nextLater.set(1);
      inFlightData = data;
      inFlightSums = sums;
      inFlight.add(REPLICA_THREADS.submit(() -> {
        appendToLaterReplicas(data, sums);
        return null;
      }));
    }
    try {
      if (writers.length > 0) {
        writer(0).append(data, sums);
      }
    } catch (IOException | RuntimeException e) {
      Throwable failure = awaitInFlight(e);
      rethrow(failure, "writing blk_" + blockId);
    }
  }

  /**
   * Writes the packet to the second and later replicas one after another, on one replica thread: on
   * two cores the writer's thread and this one keep both busy, where a thread per replica made three
   * runnable threads share them (more hand-offs and wake-ups per packet). Every replica is written
   * even when an earlier one failed; the first failure is thrown, later ones added to it.
   */
  private void appendToLaterReplicas(ByteBuffer data, ByteBuffer sums) throws IOException {
    Throwable failure = null;
    for (int i; (i = nextLater.getAndIncrement()) < writers.length; ) {
      try {
        writer(i).append(data, sums);
      } catch (IOException | RuntimeException e) {
        failure = failure == null ? e : addSuppressed(failure, e);
      }
    }
    if (failure != null) {
      rethrow(failure, "writing blk_" + blockId);
    }
  }

  /** Returns when every replica holds every packet sent, or throws the first failure: the ack a publish needs. */
  void awaitAcks() throws IOException {
    if (inFlight.isEmpty()) {
      return;
    }
    Throwable failure = null;
    try {
      appendToLaterReplicas(inFlightData, inFlightSums); // those the replica thread has not taken yet
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    failure = awaitInFlight(failure);
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
   * Waits for every replica task in flight, even when interrupted (no writer may still be writing
   * when the pipeline is published or aborted), and forgets them; returns {@code failure} or, if
   * none, the first task's failure, with any later ones added to it.
   */
  private Throwable awaitInFlight(Throwable failure) {
    boolean interrupted = false;
    for (Future<Void> f : inFlight) {
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
    inFlight.clear();
    if (interrupted) {
      Thread.currentThread().interrupt(); // kept for the caller; the packet itself was written
    }
    return failure;
  }

  private static Throwable addSuppressed(Throwable first, Throwable next) {
    first.addSuppressed(next);
    return first;
  }

  /** Drops every replica, once no replica thread is still writing one. */
  void abort() {
    awaitInFlight(null); // failures do not matter: every replica is dropped
    for (ReplicaWriter w : writers) {
      if (w != null) {
        w.abort();
      }
    }
  }
}
