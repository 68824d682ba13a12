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
  /** Bytes the two files held before this writer (a recycled spare's): only a file that held more than was written is cut at publish. */
  private final long heldData;
  private final long heldMeta;
  /** The .meta header of a new replica, written with the first checksums (one write fewer per replica); null once written or when continued. */
  private ByteBuffer header;
  private long length;
  private long metaLength;

  /**
   * Starts with the first {@code keep} bytes of {@code keptData} and their checksums from {@code keptMeta}, when keep > 0.
   * {@code spare}: the two files exist already (a recycled pair, holding {@code heldData} and {@code heldMeta} bytes of a
   * deleted replica, maybe 0), and {@code open} are their files still open for writing from that replica's writer, or null;
   * else they are created.
   */
  DiskReplicaWriter(DiskBlockStore store, Path tmpData, Path tmpMeta, Path keptData, Path keptMeta, long keep, long blockId,
      boolean spare, long heldData, long heldMeta, WriteFiles open) throws IOException {
    this.store = store;
    this.tmpData = tmpData;
    this.tmpMeta = tmpMeta;
    this.blockId = blockId;
    this.heldData = heldData;
    this.heldMeta = heldMeta;
    FileChannel d = null;
    FileChannel m = null;
    try {
      // A spare pair is opened without O_TRUNC: it may hold a deleted replica's bytes, which this one
      // writes over and cuts off at publish (DiskBlockStore keeps them so that the writes land on pages
      // the file has); and on ext4 (auto_da_alloc) a truncate to zero makes the next close write the
      // file's dirty pages back on the closing thread, which made every recycled replica's publish pay
      // for its own writeback (measured: most of the writer's CPU beyond the three page-cache copies).
      if (open != null) { // the last writer's files, left where it stopped: written from the start again
        d = open.data();
        m = open.meta();
        d.position(0);
        m.position(0);
      } else if (spare) {
        d = FileChannel.open(tmpData, StandardOpenOption.WRITE);
        m = FileChannel.open(tmpMeta, StandardOpenOption.WRITE);
      } else {
        d = FileChannel.open(tmpData, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        m = FileChannel.open(tmpMeta, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
      if (keep > 0) {
        try (FileChannel from = FileChannel.open(keptData, StandardOpenOption.READ)) {
          ChannelIo.copyPrefix(from, keep, d, keptData);
        }
        metaLength = DiskBlockStore.META_HEADER + (long) Checksums.chunks(keep) * Checksums.SUM;
        try (FileChannel from = FileChannel.open(keptMeta, StandardOpenOption.READ)) {
          ChannelIo.copyPrefix(from, metaLength, m, keptMeta);
        }
      } else {
        header = DiskBlockStore.header();
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

  @Override public void append(ByteBuffer bytes, ByteBuffer sums) throws IOException {
    ChannelIo.writeFully(data, bytes.duplicate());
    writeMeta(sums.duplicate());
    length += bytes.remaining();
  }

  /** Appends checksums to the .meta file, after its header if that is not written yet. */
  private void writeMeta(ByteBuffer sums) throws IOException {
    metaLength += sums.remaining();
    if (header == null) {
      ChannelIo.writeFully(meta, sums);
      return;
    }
    metaLength += header.remaining();
    ChannelIo.writeFully(meta, header, sums);
    header = null;
  }

  /**
   * Cuts each file where this writer stopped if it held more before (a recycled spare may hold a
   * longer deleted replica's bytes after that; a new file, an emptied spare and one no longer than
   * what was written need no cut, and FileChannel.truncate costs four system calls even when it cuts
   * nothing), then puts the replica in place: a reader takes the data file's size as the replica's
   * length, and a restart the lengths of the files it finds. The files stay open if the store keeps
   * them for the next writer of this pair (it closes them otherwise).
   */
  @Override public void publish() throws IOException {
    writeMeta(ByteBuffer.allocate(0)); // the header of a replica that got no packet
    if (heldData > length) {
      data.truncate(length);
    }
    if (heldMeta > metaLength) {
      meta.truncate(metaLength);
    }
    store.publish(blockId, tmpData, tmpMeta, length, new WriteFiles(data, meta));
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
