package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One reader's hold on a replica's open files, which {@link DiskBlockStore} may hand to the next
 * reader of the same replica after this one lets go ({@link IdleReplicas}): reads go straight to
 * the files; {@link #close()} gives them back to the store once, however often it is called, so a
 * late second close can never take the files from their next reader.
 */
final class ReplicaLease implements ReplicaReader {
  private final ReplicaReader files;
  private final Runnable onClose;
  private boolean closed;

  ReplicaLease(ReplicaReader files, Runnable onClose) {
    this.files = files;
    this.onClose = onClose;
  }

  @Override public long length() { return files.length(); }

  @Override public void readData(long position, ByteBuffer dst) throws IOException { files.readData(position, dst); }

  @Override public ByteBuffer view(long position, int n, ByteBuffer scratch) throws IOException {
    return files.view(position, n, scratch);
  }

  @Override public void copyTo(long position, byte[] out, int off, int n, ByteBuffer scratch) throws IOException {
    files.copyTo(position, out, off, n, scratch);
  }

  @Override public void readSums(int firstChunk, ByteBuffer dst) throws IOException { files.readSums(firstChunk, dst); }

  @Override public synchronized void close() {
    if (!closed) {
      closed = true;
      onClose.run();
    }
  }
}
