package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** A replica's data and .meta files, open for writing: what its writer opened, kept for the next writer of the same pair. */
record WriteFiles(FileChannel data, FileChannel meta) {

  /** Closes both; nothing was written through them since their writer published, so a failure loses nothing. */
  void closeQuietly() {
    ChannelIo.closeAfter(new IOException("closing kept write files"), data, meta);
  }
}
