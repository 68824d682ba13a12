package org.bigdatalab.dfs;

import java.io.Closeable;
import java.io.IOException;

/**
 * A file open for reading, positioned at a byte offset. Reads verify checksums: a replica whose
 * bytes do not match is skipped (and reported), and the read is served from another.
 */
public interface DfsInput extends Closeable {

  /** Reads up to {@code length} bytes into {@code buffer}; returns -1 at the end of the file. */
  int read(byte[] buffer, int offset, int length) throws IOException;

  /** Moves to {@code position}; a position before 0 or past the end fails with an EOFException, as in Hadoop. */
  void seek(long position) throws IOException;

  long position() throws IOException;

  /** Reads from the current position to the end of the file. */
  default byte[] readRemaining() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    for (int n; (n = read(buffer, 0, buffer.length)) >= 0; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
