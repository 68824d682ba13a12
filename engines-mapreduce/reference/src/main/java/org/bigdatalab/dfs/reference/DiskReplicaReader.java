package org.bigdatalab.dfs.reference;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A published replica of a {@link DiskBlockStore} open for reading: its data file mapped (on the
 * first {@link #view}) when it holds at least {@value #MAP_FROM} bytes, so a reader checks and
 * copies the bytes straight from the page cache, one copy where a read() call makes two; a smaller
 * one read into the reader's buffer, since mapping, faulting in and unmapping each small block cost
 * more than the copy saved (measured at 1 MB blocks, benchmarks/RESULTS.md); its checksums by
 * positional reads, or out of the checksum file's mapping once kept files are reused. A published replica's file
 * never changes or shrinks (a continued block is written beside it and moved over its name), so the
 * mapping stays valid until {@link #close()} unmaps it. Readers get it through a
 * {@link ReplicaLease}; the store may keep it open for the next reader ({@link IdleReplicas}).
 */
final class DiskReplicaReader implements ReplicaReader {
  private final FileChannel data;
  private final FileChannel meta;
  private final Path dataFile;
  private final Path metaFile;
  static final long MAP_FROM = 8L << 20;
  private final long length;
  private boolean closed;
  /** Whether the store handed these files to a reader after an earlier one closed them: bulk reads then copy out of the mapping. */
  private volatile boolean reused;
  /** The whole data file, mapped on the first view; null before that. */
  private volatile MappedByteBuffer mapped;
  /** The whole checksum file, mapped on the first {@link #readSums} of a {@link #reused} reader; null before that. */
  private volatile MappedByteBuffer mappedMeta;

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

  /**
   * A bulk read's segment. While these files serve their first reader, by a positional read into the
   * thread's scratch whatever the replica's size: with the reader and its helper both reading, a new
   * mapping's page faults and its unmapping (which stops the other core to flush its TLB) cost more
   * than the read's kernel copy; 256 MB at 8 MB blocks read at 0.57 / 0.53 of the plain file (best /
   * median) this way, 0.43 / 0.46 mapped (benchmarks/RESULTS.md, 2026-12-07). Once the store has kept
   * them open for a later reader ({@link #reused}), copied straight out of the mapped file: the
   * mapping and its faulted-in pages are kept with the files, so the faults are paid once and no
   * unmap follows each read, and the copy is one pass over the page cache where the pread makes two.
   */
  @Override public void copyTo(long position, byte[] out, int off, int n, ByteBuffer scratch) throws IOException {
    if (!reused || length > Integer.MAX_VALUE) {
      scratch.clear().limit(n);
      readData(position, scratch);
      scratch.flip().get(0, out, off, n);
      return;
    }
    MappedByteBuffer m = mapped;
    (m != null ? m : map()).get(Math.toIntExact(position), out, off, n);
  }

  /** The store hands these files to another reader (kept open since the last closed them). */
  void reused() {
    reused = true;
  }

  /** The mapped bytes, for a replica from {@value #MAP_FROM} bytes up to what one mapping holds; else a copy into {@code scratch}. */
  @Override public ByteBuffer view(long position, int n, ByteBuffer scratch) throws IOException {
    if (length < MAP_FROM || length > Integer.MAX_VALUE) {
      return ReplicaReader.super.view(position, n, scratch);
    }
    MappedByteBuffer m = mapped;
    return (m != null ? m : map()).slice(Math.toIntExact(position), n);
  }

  /** Maps the data file once; views may be asked for from a reader's thread and its helper at once. */
  private synchronized MappedByteBuffer map() throws IOException {
    if (mapped == null) {
      mapped = data.map(FileChannel.MapMode.READ_ONLY, 0, length);
    }
    return mapped;
  }

  /**
   * While these files serve their first reader, by a positional read; once the store has kept them
   * open for a later reader ({@link #reused}), copied out of the checksum file's mapping, kept with
   * the files: a pread per block cost about 6-14 us, a tenth of a 1 MB block's read (benchmarks/RESULTS.md,
   * 2026-12-07, branch s9-dfsr). The bytes are the file's, as a pread would return them.
   */
  @Override public void readSums(int firstChunk, ByteBuffer dst) throws IOException {
    long at = DiskBlockStore.META_HEADER + (long) firstChunk * Checksums.SUM;
    if (!reused) {
      ChannelIo.readFully(meta, at, dst, metaFile);
      return;
    }
    MappedByteBuffer m = mappedMeta;
    if (m == null) {
      m = mapMeta();
    }
    if (at + dst.remaining() > m.capacity()) {
      throw new EOFException(metaFile + ": ends at " + m.capacity() + ", " + (at + dst.remaining() - m.capacity()) + " bytes short");
    }
    int n = dst.remaining();
    dst.put(dst.position(), m, (int) at, n).position(dst.position() + n);
  }

  /** Maps the checksum file once; a reader and its helper may both ask. Published checksums never change, as the data file's bytes. */
  private synchronized MappedByteBuffer mapMeta() throws IOException {
    if (mappedMeta == null) {
      mappedMeta = meta.map(FileChannel.MapMode.READ_ONLY, 0, meta.size());
    }
    return mappedMeta;
  }

  /** Closes both files and unmaps them: views of the data file must no longer be read. */
  @Override public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (mapped != null) {
      MappedFiles.unmap(mapped);
      mapped = null;
    }
    if (mappedMeta != null) {
      MappedFiles.unmap(mappedMeta);
      mappedMeta = null;
    }
    try (meta) {
      data.close();
    }
  }
}
