package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;

/**
 * A writer, as an HDFS client writes: bytes gather in a packet (up to 2 MB, a direct buffer), whose
 * CRC32Cs are computed once per 512-byte chunk and which is then sent with them to every replica of
 * the current block. Nothing sent is visible until the block is published: when it is full, on
 * hflush, and on close. Targets are chosen when a block's first packet is sent, which is when HDFS
 * asks the NameNode for a block.
 *
 * <p>After an hflush that leaves the block's last chunk partial, the next bytes continue the block
 * on a fresh copy of each replica's whole chunks, and the partial chunk is sent again with them
 * (its checksum changes as it grows); the published replica stays as it was for its readers.
 *
 * <p>Two packet buffers: the writer fills one while the replicas still write the other
 * ({@link Pipeline#append} returns before every replica has acked), and refills a buffer only once
 * its packet was acked. A full block is published when the next block starts (or at hflush or
 * close), not when its last packet is sent, so the next block's first packet is filled while the
 * replicas write the last one; until then a reader sees the file without it, which the visibility
 * clause allows for bytes not yet flushed (HDFS too completes a block when the client asks for the
 * next one).
 */
class ReferenceOutput implements DfsOutput {
  /** At most this many bytes a packet, where {@link #PACKET_HANDED_OFF} does not apply (r1: no replica thread, no hand-off; blocks under 8 MB). */
  static final int PACKET = 1 << 20;
  /**
   * The packet size when later replicas are written by a replica thread and a block holds at least
   * four such packets: each packet costs a hand-off to that thread and an ack back, and 2 MB packets
   * took 7-10% less CPU than 1 MB ones at r3 with 8 and 64 MB blocks, and 4-12% less wall time
   * (RESULTS.md, s10-dfsw). A larger packet lengthens what runs alone at a block's start (its first
   * packet's copy and checksums) and end (its last packet's later replicas): in 4 MB blocks 2 MB
   * packets were 2-3% faster at load 8 and 6-8% slower at load 14, and 4 MB packets 12% slower. At
   * r1 they were level or 3% slower (no hand-off to save).
   */
  static final int PACKET_HANDED_OFF = 2 << 20;

  private final ReferenceCluster cluster;
  private final Namespace.FileInode file;
  private final DfsPath openedAs;
  private final long blockSize;
  /** The two packet buffers and their checksums; {@link #packet} is the one being filled. */
  private final ByteBuffer[] packets = new ByteBuffer[2];
  private final ByteBuffer[] sumsOf = new ByteBuffer[2];
  private int current;
  /** The current block's bytes from {@link #sent} on, not yet sent; {@code sent} is on a chunk boundary. */
  private ByteBuffer packet;
  private ByteBuffer sums;
  private long blockId = -1;
  /** Bytes of the current block in its replicas being written. */
  private long sent;
  /** Bytes of the current block readers can see. */
  private long published;
  /** The replicas being written, from the first packet sent after a publish to the next publish. */
  private Pipeline pipeline;
  /** A block ended but not yet published (its last packet maybe in flight), and its length; null when none. */
  private Pipeline ended;
  private long endedLength;
  private boolean closed;

  /**
   * @param lastBlock the file's last block when it is partial (append continues it), else null
   * @param tail the bytes of that block's last chunk when it is partial, else empty
   */
  ReferenceOutput(ReferenceCluster cluster, Namespace.FileInode file, DfsPath openedAs, BlockInfo lastBlock, byte[] tail) {
    this.cluster = cluster;
    this.file = file;
    this.openedAs = openedAs;
    this.blockSize = cluster.cluster().blockSize();
    boolean handedOff = cluster.cluster().replication() > 1 && blockSize >= 4L * PACKET_HANDED_OFF;
    int capacity = (int) Math.min(blockSize, handedOff ? PACKET_HANDED_OFF : PACKET);
    for (int i = 0; i < 2; i++) {
      packets[i] = cluster.packetBuffers().take(capacity);
      sumsOf[i] = ByteBuffer.allocate(capacity / Checksums.CHUNK * Checksums.SUM);
    }
    this.packet = packets[0];
    this.sums = sumsOf[0];
    if (lastBlock != null) {
      blockId = lastBlock.id;
      published = lastBlock.length;
      sent = Checksums.chunkFloor(published);
      packet.put(tail);
    }
  }

  @Override public void write(byte[] bytes, int offset, int length) throws IOException {
    ensureOpen();
    while (length > 0) {
      int n = (int) Math.min(length, Math.min(packet.remaining(), blockSize - sent - packet.position()));
      packet.put(bytes, offset, n);
      offset += n;
      length -= n;
      if (sent + packet.position() == blockSize) {
        endBlock();
      } else if (!packet.hasRemaining()) {
        send();
      }
    }
  }

  @Override public void hflush() throws IOException {
    ensureOpen();
    publish();
  }

  @Override public void close() throws IOException {
    if (closed) {
      return;
    }
    publish();
    closed = true;
    cluster.packetBuffers().giveBack(packets[0]);
    cluster.packetBuffers().giveBack(packets[1]);
    cluster.complete(file, openedAs);
  }

  /**
   * Ends the current block and starts a new one: at blockSize bytes, or wherever a broken writer
   * chooses. Its last packet is sent; the block is published when the next one starts, or at hflush
   * or close ({@link #publishEnded}).
   */
  void endBlock() throws IOException {
    if (sent + packet.position() != published) {
      send();
      ended = pipeline;
      endedLength = sent;
      pipeline = null;
    }
    blockId = -1;
    sent = 0;
    published = 0;
    packet.clear();
  }

  /** Sends the packet to the block's pipeline, starting the block or continuing it first if needed. */
  private void send() throws IOException {
    if (packet.position() == 0) {
      return;
    }
    ByteBuffer data = packet.duplicate().flip();
    sums.clear();
    Checksums.compute(data, sums);
    if (pipeline == null) {
      publishEnded();
      pipeline = blockId < 0 ? cluster.startBlock(file, openedAs) : cluster.continueBlock(file, openedAs, blockId, sent);
      blockId = pipeline.blockId();
    }
    try {
      pipeline.append(data, sums.flip());
    } catch (IOException | RuntimeException e) {
      pipeline.abort();
      pipeline = null;
      throw e;
    }
    sent += data.remaining();
    current ^= 1; // the other buffer's packet was acked: at this append, or when its block was published
    packet = packets[current].clear();
    sums = sumsOf[current];
  }

  /** Publishes the block ended last, if it is not yet: before the next block starts, and at hflush and close. */
  private void publishEnded() throws IOException {
    if (ended == null) {
      return;
    }
    Pipeline done = ended;
    ended = null;
    awaitAcks(done);
    cluster.publish(file, openedAs, done, endedLength);
  }

  /** Waits for a pipeline's acks outside the cluster's lock; if a replica failed, drops the pipeline. */
  private static void awaitAcks(Pipeline done) throws IOException {
    try {
      done.awaitAcks();
    } catch (IOException | RuntimeException e) {
      done.abort();
      throw e;
    }
  }

  /** Makes every byte of the current block written so far visible, keeping its partial last chunk to send again. */
  private void publish() throws IOException {
    publishEnded();
    long length = sent + packet.position();
    if (length == published) {
      return;
    }
    long whole = Checksums.chunkFloor(length);
    byte[] tail = new byte[(int) (length - whole)];
    packet.get((int) (whole - sent), tail);
    send();
    Pipeline done = pipeline;
    pipeline = null;
    awaitAcks(done);
    cluster.publish(file, openedAs, done, length);
    published = length;
    sent = whole;
    packet.put(tail);
  }

  private void ensureOpen() throws DfsException {
    if (closed) {
      throw new DfsException(DfsException.Problem.STREAM_CLOSED, openedAs, "the file was closed; its bytes are final (append to add more)");
    }
  }
}
