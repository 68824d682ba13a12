package org.bigdatalab.dfs;

import java.io.Closeable;
import java.io.IOException;

/**
 * A file open for writing: the only way bytes get into a store. The writer holds the file's lease
 * until {@link #close()}; a second writer is refused meanwhile.
 */
public interface DfsOutput extends Closeable {

  void write(byte[] bytes, int offset, int length) throws IOException;

  default void write(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
  }

  /**
   * Makes every byte written so far visible to readers that open the file afterwards (Hadoop's
   * {@code Syncable.hflush}). It promises visibility, not durability on disk.
   */
  void hflush() throws IOException;

  /** Completes the file: its bytes are final (until an append) and the lease is released. */
  @Override
  void close() throws IOException;
}
