package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A published replica of a {@link DiskBlockStore} open for positional reads of its two files. */
final class DiskReplicaReader implements ReplicaReader {
  private final FileChannel data;
  private final FileChannel meta;
  private final Path dataFile;
  private final Path metaFile;
  private final long length;

  DiskReplicaReader(FileChannel data, FileChannel meta, Path dataFile, Path metaFile) throws IOException {
    this.data = data;
    this.meta = meta;
    this.dataFile = dataFile;
    this.metaFile = metaFile;
    this.length = data.size();
  }

  @Override public long length() { return length; }

  @Override public void readData(long position, ByteBuffer dst) throws IOException {
    ChannelIo.readFully(data, position, dst, dataFile);
  }

  @Override public void readSums(int firstChunk, ByteBuffer dst) throws IOException {
    ChannelIo.readFully(meta, DiskBlockStore.META_HEADER + (long) firstChunk * Checksums.SUM, dst, metaFile);
  }

  @Override public void close() throws IOException {
    try (meta) {
      data.close();
    }
  }
}
