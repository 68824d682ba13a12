package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A replica being written to a {@link DiskBlockStore}: data and checksums appended to two files with
 * one large write each per packet (the packet is a direct buffer, so the bytes go from it to the
 * page cache with no copy in Java), made visible by {@link #publish()}.
 */
final class DiskReplicaWriter implements ReplicaWriter {
  private final DiskBlockStore store;
  /** Where the replica is written: its final names for a new replica, temporary ones for a continued one. */
  private final Path tmpData;
  private final Path tmpMeta;
  private final long blockId;
  private final FileChannel data;
  private final FileChannel meta;
  private long length;

  /**
   * Starts with the first {@code keep} bytes of {@code keptData} and their checksums from {@code keptMeta}, when keep > 0.
   * {@code spare}: the two files exist already (a recycled pair, emptied); else they are created.
   */
  DiskReplicaWriter(DiskBlockStore store, Path tmpData, Path tmpMeta, Path keptData, Path keptMeta, long keep, long blockId,
      boolean spare) throws IOException {
    this.store = store;
    this.tmpData = tmpData;
    this.tmpMeta = tmpMeta;
    this.blockId = blockId;
    FileChannel d = null;
    FileChannel m = null;
    try {
      // A spare pair is already empty (emptied when its replica was deleted), so it is opened without
      // O_TRUNC: on ext4 (auto_da_alloc) a truncate to zero makes the next close write the file's dirty
      // pages back on the closing thread, which made every recycled replica's publish pay for its own
      // writeback (measured: most of the writer's CPU beyond the three page-cache copies).
      if (spare) {
        d = FileChannel.open(tmpData, StandardOpenOption.WRITE);
        m = FileChannel.open(tmpMeta, StandardOpenOption.WRITE);
        requireEmpty(d, tmpData);
        requireEmpty(m, tmpMeta);
      } else {
        d = FileChannel.open(tmpData, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        m = FileChannel.open(tmpMeta, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
      if (keep > 0) {
        try (FileChannel from = FileChannel.open(keptData, StandardOpenOption.READ)) {
          ChannelIo.copyPrefix(from, keep, d, keptData);
        }
        try (FileChannel from = FileChannel.open(keptMeta, StandardOpenOption.READ)) {
          ChannelIo.copyPrefix(from, DiskBlockStore.META_HEADER + (long) Checksums.chunks(keep) * Checksums.SUM, m, keptMeta);
        }
      } else {
        ChannelIo.writeFully(m, DiskBlockStore.header());
      }
    } catch (IOException | RuntimeException e) {
      ChannelIo.closeAfter(e, d, m);
      deleteQuietly(e, d == null ? null : tmpData, m == null ? null : tmpMeta);
      throw e;
    }
    this.data = d;
    this.meta = m;
    this.length = keep;
  }

  /** A spare with bytes left in it would leave them after a shorter replica's end: refuse it rather than truncate it here. */
  private static void requireEmpty(FileChannel c, Path file) throws IOException {
    if (c.size() != 0) {
      throw new IOException(file + ": a spare replica file is not empty (" + c.size() + " bytes)");
    }
  }

  @Override public void append(ByteBuffer bytes, ByteBuffer sums) throws IOException {
    ChannelIo.writeFully(data, bytes.duplicate());
    ChannelIo.writeFully(meta, sums.duplicate());
    length += bytes.remaining();
  }

  @Override public void publish() throws IOException {
    data.close();
    meta.close();
    store.publish(blockId, tmpData, tmpMeta, length);
  }

  @Override public void abort() {
    IOException failure = new IOException("aborting " + tmpData);
    ChannelIo.closeAfter(failure, data, meta);
    deleteQuietly(failure, tmpData, tmpMeta);
  }

  /** Deletes the files this writer created (null: not created), keeping failures as suppressed by {@code failure}. */
  private static void deleteQuietly(Throwable failure, Path... created) {
    for (Path p : created) {
      try {
        if (p != null) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
