package org.bigdatalab.dfs.reference;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsPath;

/**
 * A reader over the blocks a file had when it was opened (their visible lengths then). It fetches
 * one block at a time from the first replica that is reachable and passes its checksums, and
 * reports a replica that fails them, as an HDFS client does.
 */
class ReferenceInput implements DfsInput {
  /** One block as the reader saw it at open: id and visible length. */
  record Extent(long blockId, long offset, long length) {}

  private final ReferenceCluster cluster;
  private final DfsPath path;
  private final List<Extent> extents;
  private final long length;
  private long position;
  private int cachedIndex = -1;
  private byte[] cached;
  private boolean closed;

  ReferenceInput(ReferenceCluster cluster, DfsPath path, List<Extent> extents) {
    this.cluster = cluster;
    this.path = path;
    this.extents = List.copyOf(extents);
    this.length = extents.isEmpty() ? 0 : extents.get(extents.size() - 1).offset() + extents.get(extents.size() - 1).length();
  }

  @Override public int read(byte[] out, int off, int len) throws IOException {
    ensureOpen();
    if (len == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int index = indexOf(position);
    Extent e = extents.get(index);
    if (index != cachedIndex) {
      cached = cluster.readBlock(path, e.blockId(), e.length());
      cachedIndex = index;
    }
    int within = (int) (position - e.offset());
    int n = (int) Math.min(len, e.length() - within);
    System.arraycopy(cached, within, out, off, n);
    position += n;
    return n;
  }

  private int indexOf(long pos) {
    for (int i = 0; i < extents.size(); i++) {
      if (pos < extents.get(i).offset() + extents.get(i).length()) {
        return i;
      }
    }
    throw new IllegalStateException("position " + pos + " past the end " + length);
  }

  @Override public void seek(long to) throws IOException {
    ensureOpen();
    if (to < 0 || to > length) {
      throw new EOFException("cannot seek to " + to + " in " + path + " of length " + length);
    }
    position = to;
  }

  @Override public long position() { return position; }

  @Override public void close() { closed = true; }

  private void ensureOpen() throws DfsException {
    if (closed) {
      throw new DfsException(DfsException.Problem.STREAM_CLOSED, path, "the reader was closed");
    }
  }
}
