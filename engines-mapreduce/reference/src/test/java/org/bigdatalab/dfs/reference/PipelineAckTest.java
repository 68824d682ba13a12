package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.bigdatalab.dfs.DataNodeSpec;
import org.junit.jupiter.api.Test;

/**
 * A packet's buffer is refilled only after every replica has it: {@link Pipeline#append} returns
 * before the later replicas ack (the writer fills its other buffer meanwhile), so the next append
 * must wait for those acks before any replica is given the next packet. Pinned with a second
 * replica held inside its write of the first packet: in a pipeline that does not wait, the next
 * packet reaches the first replica (and the buffer being written is refilled) while it is held.
 */
class PipelineAckTest {
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch secondStarted = new CountDownLatch(1);
  private final CountDownLatch releaseSecond = new CountDownLatch(1);

  @Test
  void theNextPacketWaitsForEveryReplicasAckOfTheLast() throws Exception {
    List<DataNode> targets = List.of(node("dn1"), node("dn2"));
    Pipeline pipeline = new Pipeline(1, targets, t -> t.id().equals("dn1") ? recording("first") : heldOnce("second"));
    ByteBuffer a = packet((byte) 'A');
    ByteBuffer b = packet((byte) 'B');
    ByteBuffer sums = ByteBuffer.allocate(a.remaining() / Checksums.CHUNK * Checksums.SUM);
    Thread writer = new Thread(() -> {
      try {
        pipeline.append(a, sums);
        pipeline.append(b, sums);
        pipeline.awaitAcks();
      } catch (IOException e) {
        events.add("failed " + e);
      }
      events.add("writer done");
    });
    writer.start();
    secondStarted.await();
    while (writer.getState() != Thread.State.WAITING && writer.isAlive()) {
      Thread.onSpinWait(); // until the writer waits for an ack, or (not waiting) has finished
    }
    releaseSecond.countDown();
    writer.join();
    assertThat(events).containsExactlyInAnyOrder("first A", "second A start", "second A end", "first B",
        "second B start", "second B end", "writer done");
    assertThat(events.indexOf("second A end")).as("the ack of A before B reaches any replica: %s", events)
        .isLessThan(events.indexOf("first B")).isLessThan(events.indexOf("second B start"));
  }

  /**
   * The second and later replicas are written one after another by one replica thread: each gets the
   * packet even when one before it failed, and the failure reaches the writer at the ack.
   */
  @Test
  void everyLaterReplicaGetsThePacketAndAFailureReachesTheAck() {
    List<DataNode> targets = List.of(node("dn1"), node("dn2"), node("dn3"), node("dn4"));
    Pipeline pipeline = new Pipeline(1, targets, t -> t.id().equals("dn2") ? failing() : recording(t.id()));
    ByteBuffer a = packet((byte) 'A');
    ByteBuffer sums = ByteBuffer.allocate(a.remaining() / Checksums.CHUNK * Checksums.SUM);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
      pipeline.append(a, sums);
      pipeline.awaitAcks();
    }).isInstanceOf(IOException.class).hasMessageContaining("dn2 failed");
    assertThat(events).containsExactlyInAnyOrder("dn1 A", "dn3 A", "dn4 A");
  }

  /**
   * A writer that awaits the acks while the replica thread is still inside the second replica's write
   * writes the third itself, on its own thread, rather than wait for the replica thread to come to it
   * (at a block's last packet it has nothing else to do). Here the third replica's write releases the
   * second: written by the replica thread after the second, it would come only once the second gave
   * up waiting, on that thread, and the test fails on the thread's name.
   */
  @Test
  void aWriterAwaitingTheAcksWritesALaterReplicaNotYetTaken() throws Exception {
    List<DataNode> targets = List.of(node("dn1"), node("dn2"), node("dn3"));
    List<String> thirdWrittenOn = Collections.synchronizedList(new ArrayList<>());
    Pipeline pipeline = new Pipeline(1, targets, t -> switch (t.id()) {
      case "dn2" -> heldOnce("dn2");
      case "dn3" -> new StubWriter() {
        @Override public void append(ByteBuffer data, ByteBuffer sums) {
          thirdWrittenOn.add(Thread.currentThread().getName());
          releaseSecond.countDown();
        }
      };
      default -> recording(t.id());
    });
    ByteBuffer a = packet((byte) 'A');
    ByteBuffer sums = ByteBuffer.allocate(a.remaining() / Checksums.CHUNK * Checksums.SUM);
    pipeline.append(a, sums);
    secondStarted.await(); // the replica thread holds the second replica's write
    pipeline.awaitAcks();
    assertThat(thirdWrittenOn).containsExactly(Thread.currentThread().getName());
    assertThat(events).containsExactlyInAnyOrder("dn1 A", "dn2 A start", "dn2 A end");
  }

  private ReplicaWriter failing() {
    return new StubWriter() {
      @Override public void append(ByteBuffer data, ByteBuffer sums) throws IOException {
        throw new IOException("dn2 failed");
      }
    };
  }

  private static DataNode node(String id) {
    return new DataNode(new DataNodeSpec(id, "r1", 1L << 30), new MemoryBlockStore());
  }

  private static ByteBuffer packet(byte fill) {
    ByteBuffer p = ByteBuffer.allocate(Pipeline.PARALLEL_FROM); // large enough to be written on a replica thread
    while (p.hasRemaining()) {
      p.put(fill);
    }
    return p.flip();
  }

  private ReplicaWriter recording(String name) {
    return new StubWriter() {
      @Override public void append(ByteBuffer data, ByteBuffer sums) {
        events.add(name + " " + (char) data.get(data.position()));
      }
    };
  }

  /** Holds its first write until released, recording its start and end. */
  private ReplicaWriter heldOnce(String name) {
    return new StubWriter() {
      private boolean held;

      @Override public void append(ByteBuffer data, ByteBuffer sums) throws IOException {
        char packet = (char) data.get(data.position());
        events.add(name + " " + packet + " start");
        if (!held) {
          held = true;
          secondStarted.countDown();
          try {
            releaseSecond.await(5, java.util.concurrent.TimeUnit.SECONDS); // bounded: a broken pipeline fails, not hangs
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
        }
        events.add(name + " " + packet + " end");
      }
    };
  }

  private abstract static class StubWriter implements ReplicaWriter {
    @Override public void publish() {}

    @Override public void abort() {}
  }
}
