package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;

/**
 * A writer, as an HDFS client writes: bytes gather in a packet (up to 1 MB, a direct buffer), whose
 * CRC32Cs are computed once per 512-byte chunk and which is then sent with them to every replica of
 * the current block. Nothing sent is visible until the block is published: when it is full, on
 * hflush, and on close. Targets are chosen when a block's first packet is sent, which is when HDFS
 * asks the NameNode for a block.
 *
 * <p>After an hflush that leaves the block's last chunk partial, the next bytes continue the block
 * on a fresh copy of each replica's whole chunks, and the partial chunk is sent again with them
 * (its checksum changes as it grows); the published replica stays as it was for its readers.
 */
class ReferenceOutput implements DfsOutput {
  static final int PACKET = 1 << 20;

  private final ReferenceCluster cluster;
  private final Namespace.FileInode file;
  private final DfsPath openedAs;
  private final long blockSize;
  /** The current block's bytes from {@link #sent} on, not yet sent; {@code sent} is on a chunk boundary. */
  private final ByteBuffer packet;
  private final ByteBuffer sums;
  private long blockId = -1;
  /** Bytes of the current block in its replicas being written. */
  private long sent;
  /** Bytes of the current block readers can see. */
  private long published;
  /** The replicas being written, from the first packet sent after a publish to the next publish. */
  private Pipeline pipeline;
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
    this.packet = cluster.packetBuffers().take((int) Math.min(blockSize, PACKET));
    this.sums = ByteBuffer.allocate(packet.capacity() / Checksums.CHUNK * Checksums.SUM);
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
    cluster.packetBuffers().giveBack(packet);
    cluster.complete(file, openedAs);
  }

  /** Publishes the current block and starts a new one: at blockSize bytes, or wherever a broken writer chooses. */
  void endBlock() throws IOException {
    publish();
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
    if (pipeline == null) {
      pipeline = blockId < 0 ? cluster.startBlock(file, openedAs) : cluster.continueBlock(file, openedAs, blockId, sent);
      blockId = pipeline.blockId();
    }
    ByteBuffer data = packet.duplicate().flip();
    sums.clear();
    Checksums.compute(data, sums);
    try {
      pipeline.append(data, sums.flip());
    } catch (IOException | RuntimeException e) {
      pipeline.abort();
      pipeline = null;
      throw e;
    }
    sent += data.remaining();
    packet.clear();
  }

  /** Makes every byte of the current block written so far visible, keeping its partial last chunk to send again. */
  private void publish() throws IOException {
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
