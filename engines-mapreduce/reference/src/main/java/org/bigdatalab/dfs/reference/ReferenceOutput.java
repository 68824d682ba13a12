package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.util.Arrays;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;

/**
 * A writer: it fills the current block in a buffer and ships it to the block's replicas when the
 * block is full, on hflush, and on close; a block grown after an hflush is shipped again whole (a
 * real DataNode would take only the new packets). Targets are chosen when a block's first bytes are
 * shipped, which is when HDFS asks the NameNode for a block.
 */
class ReferenceOutput implements DfsOutput {
  private final ReferenceCluster cluster;
  private final Namespace.FileInode file;
  private final DfsPath openedAs;
  private final byte[] buffer;
  private int buffered;
  private long blockId = -1;
  private boolean closed;

  /** @param lastBlock the file's last block when it is partial (append extends it), else null */
  ReferenceOutput(ReferenceCluster cluster, Namespace.FileInode file, DfsPath openedAs, BlockInfo lastBlock, byte[] lastBytes) {
    this.cluster = cluster;
    this.file = file;
    this.openedAs = openedAs;
    this.buffer = new byte[Math.toIntExact(cluster.cluster().blockSize())];
    if (lastBlock != null) {
      blockId = lastBlock.id;
      System.arraycopy(lastBytes, 0, buffer, 0, lastBytes.length);
      buffered = lastBytes.length;
    }
  }

  @Override public void write(byte[] bytes, int offset, int length) throws IOException {
    ensureOpen();
    while (length > 0) {
      int n = Math.min(length, buffer.length - buffered);
      System.arraycopy(bytes, offset, buffer, buffered, n);
      buffered += n;
      offset += n;
      length -= n;
      if (buffered == buffer.length) {
        endBlock();
      }
    }
  }

  @Override public void hflush() throws IOException {
    ensureOpen();
    ship();
  }

  @Override public void close() throws IOException {
    if (closed) {
      return;
    }
    ship();
    closed = true;
    cluster.complete(file, openedAs);
  }

  /** Ships the current block and starts a new one: at blockSize bytes, or wherever a broken writer chooses. */
  void endBlock() throws IOException {
    ship();
    blockId = -1;
    buffered = 0;
  }

  private void ship() throws IOException {
    if (buffered == 0) {
      return;
    }
    blockId = cluster.storeBlock(file, openedAs, blockId, Arrays.copyOf(buffer, buffered));
  }

  private void ensureOpen() throws DfsException {
    if (closed) {
      throw new DfsException(DfsException.Problem.STREAM_CLOSED, openedAs, "the file was closed; its bytes are final (append to add more)");
    }
  }
}
