package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A DataNode's replicas as files, laid out as HDFS lays them out: {@code blk_<id>} holds the bytes
 * and {@code blk_<id>.meta} their checksums (a version short and the chunk size, then one CRC32C per
 * chunk), each written with large sequential writes. A replica being written is invisible (not in
 * the replica map, so not in block reports, not readable) until it is published. A new replica is
 * written under its final names, since nothing else can have them (block ids are never reused); one
 * that continues a published replica is written under temporary names and moved over it on publish,
 * so a published replica never changes under a reader that has it open.
 *
 * <p>A deleted replica's two files are kept as a spare pair ({@code spare_<n>},
 * {@code spare_<n>.meta}) that the next new replica takes by renaming, as PostgreSQL recycles WAL
 * segments and RocksDB log files: creating a file on ext4 without a journal scans past every inode
 * freed in the last 30 s ({@code recently_deleted}), milliseconds of kernel CPU per create on a
 * machine that deletes files, and a 1 MB block costs a data and a .meta file per replica (measured:
 * 2-4 ms per create here, against a 1 MB write of well under 1 ms; RESULTS.md, 2026-12-07).
 * Up to {@value #MAX_KEPT_SPARE_BYTES} bytes of spares keep their old bytes, as a recycled WAL segment
 * does: the new replica writes over them, so its buffered writes land on pages (and disk blocks)
 * the file already has, where writing a new or emptied file allocates a page and reserves a block
 * (ext4's delayed allocation) for every 4 KB: half the kernel CPU of the write (measured, RESULTS.md
 * 2026-12-07, dfsw). The writer cuts the files to what it wrote before it publishes
 * ({@link DiskReplicaWriter#publish}), so no byte of the old replica is ever part of a published one;
 * a crash before that leaves a replica the NameNode never heard of, deleted by the block report.
 * So the space of a deleted block is freed when a new replica takes its pair, not at the delete (HDFS
 * too deletes block files later, on a DataNode's own threads); beyond that budget spares are emptied
 * at the delete. A replica a reader still has open is never recycled: it is unlinked as before, so
 * the reader goes on reading the bytes it opened, never another block's. A replica's files stay open
 * after its last reader closes it, for the next ({@link IdleReplicas}), until it is republished or
 * deleted, more replicas are kept than the bound, or the cluster closes.
 *
 * <p>Durability: like the HDFS default ({@code dfs.datanode.synconclose=false}), nothing is forced
 * to the device: a published replica survives a process crash (it is in the page cache), not a
 * machine crash before the kernel writes it back.
 */
final class DiskBlockStore implements BlockStore {
  static final short META_VERSION = 2;
  static final int META_HEADER = Short.BYTES + Integer.BYTES;
  private final Path dir;
  /** Published replica lengths by block id: the DataNode's in-memory replica map, rebuilt from the directory at start. */
  private final Map<Long, Long> lengths = new HashMap<>();
  private long used;
  /** Makes the temporary names of concurrent writers of one block (an old writer that lost its lease) distinct. */
  private long writers;
  /** At most this many spare pairs are kept (an inode each, and their bytes within the budget); further deletes unlink. */
  static final int MAX_SPARES = 4096;
  /** Bytes of deleted replicas (data and checksums) at most kept in spares for new replicas to write over. */
  static final long MAX_KEPT_SPARE_BYTES = 512L << 20;
  /** A spare pair, the bytes its data and .meta files still hold (0: emptied), and its files still open for writing (or null). */
  private record Spare(long n, long dataBytes, long metaBytes, WriteFiles files) {
    long bytes() { return dataBytes + metaBytes; }
  }
  /** The spare pairs, the last freed last. */
  private final Deque<Spare> spares = new ArrayDeque<>();
  /** The sum of the spares' bytes, at most {@link #maxKeptSpareBytes}. */
  private long keptSpareBytes;
  private final long maxKeptSpareBytes;
  private long nextSpare;
  /** Readers open on each published replica, which keep it from being recycled. */
  private final Map<Long, Integer> readers = new HashMap<>();
  /** Each published replica's stamp, new at every publication: what files kept open were opened under. */
  private final Map<Long, Long> stamps = new HashMap<>();
  private long nextStamp;
  /** Published replicas' files kept open between readers. */
  private final IdleReplicas idle;
  /** Published replicas' write files kept open for the writer that takes their pair as a spare. */
  private final KeptWriteFiles keptWriteFiles = new KeptWriteFiles();

  DiskBlockStore(Path dir) throws IOException {
    this(dir, MAX_KEPT_SPARE_BYTES);
  }

  /** With another budget for the bytes spares keep (tests of the budget). */
  DiskBlockStore(Path dir, long maxKeptSpareBytes) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.maxKeptSpareBytes = maxKeptSpareBytes;
    this.idle = new IdleReplicas(IdleReplicas.MAX);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.matches("blk_\\d+")) {
          setLength(Long.parseLong(name.substring(4)), Files.size(p));
        } else if (name.matches("spare_\\d+(\\.meta)?")) {
          Files.delete(p); // a spare may hold a deleted replica's bytes; the count and budget start at zero
        }
      }
    }
  }

  private Path data(long id) { return dir.resolve("blk_" + id); }
  private Path meta(long id) { return dir.resolve("blk_" + id + ".meta"); }
  private Path spare(long n) { return dir.resolve("spare_" + n); }
  private Path spareMeta(long n) { return dir.resolve("spare_" + n + ".meta"); }

  @Override public synchronized ReplicaWriter write(long id, long keep) throws IOException {
    if (!lengths.containsKey(id)) {
      if (keep > 0) {
        throw new IllegalStateException(dir + ": no published replica of blk_" + id + " to continue");
      }
      Spare spare = spares.pollLast();
      if (spare != null) { // nothing can have a new block's names, so a bare rename(2) cannot replace a replica
        keptSpareBytes -= spare.bytes();
        keptWriteFiles.released(spare.files()); // the writer's now: it writes through them, or closes them if it fails
        renameSpare(spareMeta(spare.n()), meta(id));
        renameSpare(spare(spare.n()), data(id));
      }
      return spare == null ? new DiskReplicaWriter(this, data(id), meta(id), null, null, 0, id, false, 0, 0, null)
          : new DiskReplicaWriter(this, data(id), meta(id), null, null, 0, id, true, spare.dataBytes(), spare.metaBytes(), spare.files());
    }
    String tmp = "blk_" + id + "." + (++writers) + ".tmp";
    return new DiskReplicaWriter(this, dir.resolve(tmp), dir.resolve(tmp + ".meta"), data(id), meta(id), keep, id, false, 0, 0, null);
  }

  /**
   * One rename(2), where Files.move also lstat()s both names first and, the new name being absent as
   * it always is here, builds and throws an exception for it: as much kernel and JVM time again as
   * the rename itself, twice per replica of every block (measured: 6% of a 4 MB write's samples).
   */
  private static void renameSpare(Path spare, Path to) throws IOException {
    if (!spare.toFile().renameTo(to.toFile())) {
      throw new IOException("could not rename the spare " + spare + " to " + to);
    }
  }

  /**
   * Makes a finished replica visible; one written under temporary names is first moved into place,
   * meta first (readers open both under this lock, so they see the old pair or the new one). The
   * writer's files are kept open for the writer that will take the pair as a spare when the replica
   * is written under its final names; else they are closed, and the replaced replica's kept ones too.
   */
  synchronized void publish(long id, Path written, Path writtenMeta, long length, WriteFiles files) throws IOException {
    idle.drop(id);
    if (written.equals(data(id))) {
      keptWriteFiles.keep(id, files);
    } else {
      files.closeQuietly();
      keptWriteFiles.drop(id);
      Files.move(writtenMeta, meta(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(written, data(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    setLength(id, length);
  }

  @Override public synchronized Optional<ReplicaReader> open(long id) throws IOException {
    if (!lengths.containsKey(id)) {
      return Optional.empty();
    }
    long stamp = stamps.get(id);
    DiskReplicaReader files = idle.take(id, stamp);
    if (files == null) {
      files = openFiles(id);
    } else {
      files.reused();
    }
    readers.merge(id, 1, Integer::sum);
    DiskReplicaReader opened = files;
    return Optional.of(new ReplicaLease(opened, () -> closed(id, stamp, opened)));
  }

  private DiskReplicaReader openFiles(long id) throws IOException {
    FileChannel data = null;
    FileChannel meta = null;
    try {
      data = FileChannel.open(data(id), StandardOpenOption.READ);
      meta = FileChannel.open(meta(id), StandardOpenOption.READ);
      checkHeader(meta, meta(id));
      return new DiskReplicaReader(data, meta, data(id), meta(id));
    } catch (IOException | RuntimeException e) {
      ChannelIo.closeAfter(e, data, meta);
      throw e;
    }
  }

  static ByteBuffer header() {
    return ByteBuffer.allocate(META_HEADER).putShort(META_VERSION).putInt(Checksums.CHUNK).flip();
  }

  private static void checkHeader(FileChannel meta, Path file) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(META_HEADER);
    ChannelIo.readFully(meta, 0, h, file);
    short version = h.getShort(0);
    int chunk = h.getInt(Short.BYTES);
    if (version != META_VERSION || chunk != Checksums.CHUNK) {
      throw new IOException(file + ": unknown checksum header (version " + version + ", chunk " + chunk + ")");
    }
  }

  @Override public synchronized long length(long id) {
    return lengths.getOrDefault(id, -1L);
  }

  /** A reader of the replica closed it: its files are kept for the next while the replica is still the one they opened. */
  private synchronized void closed(long id, long stamp, DiskReplicaReader files) {
    readers.computeIfPresent(id, (k, n) -> n > 1 ? n - 1 : null);
    Long now = stamps.get(id);
    if (now != null && now == stamp) {
      idle.keep(id, stamp, files);
    } else {
      IdleReplicas.closeQuietly(files);
    }
  }

  /** Closes the write files a spare pair carries, if any, and takes them out of the kept count. */
  private void closeKeptFiles(Spare spare) {
    if (spare.files() != null) {
      spare.files().closeQuietly();
      keptWriteFiles.released(spare.files());
    }
  }

  /** Closes the files kept open between readers and for writers. */
  @Override public synchronized void close() {
    idle.closeAll();
    keptWriteFiles.closeAll();
    for (Spare spare : spares) {
      closeKeptFiles(spare);
    }
  }

  /** Keeps a published replica no reader has open as a spare pair, emptied beyond the budget (see the class comment); else unlinks its files. */
  @Override public synchronized void delete(long id) throws IOException {
    idle.drop(id); // kept files would hold the replica's inode, not a reader
    if (lengths.containsKey(id) && !readers.containsKey(id) && spares.size() < MAX_SPARES) {
      long n = nextSpare++;
      long length = lengths.get(id);
      Spare spare = new Spare(n, length, META_HEADER + (long) Checksums.chunks(length) * Checksums.SUM, keptWriteFiles.toSpare(id));
      Files.move(data(id), spare(n));
      Files.move(meta(id), spareMeta(n));
      dropLength(id);
      if (keptSpareBytes + spare.bytes() > maxKeptSpareBytes) {
        closeKeptFiles(spare); // before the cut, as before: a close after a truncate to zero writes back on ext4
        emptied(spare(n));
        emptied(spareMeta(n));
        spare = new Spare(n, 0, 0, null);
      }
      keptSpareBytes += spare.bytes();
      spares.add(spare);
      return;
    }
    keptWriteFiles.drop(id);
    Files.deleteIfExists(data(id));
    Files.deleteIfExists(meta(id));
    dropLength(id);
  }

  private static void emptied(Path file) throws IOException {
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
      c.truncate(0);
    }
  }

  @Override public synchronized Set<Long> blockIds() {
    return new TreeSet<>(lengths.keySet());
  }

  @Override public synchronized void corrupt(long id, int offset) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(data(id).toFile(), "rw")) {
      file.seek(offset);
      int b = file.read();
      file.seek(offset);
      file.write(b ^ 0x5A);
    }
  }

  /** The sum of {@link #lengths}, kept as it changes: every new block asks each DataNode (hasRoomFor). */
  @Override public synchronized long used() {
    return used;
  }

  private void setLength(long id, long length) {
    Long before = lengths.put(id, length);
    stamps.put(id, ++nextStamp);
    used += length - (before == null ? 0 : before);
  }

  private void dropLength(long id) {
    Long before = lengths.remove(id);
    stamps.remove(id);
    used -= before == null ? 0 : before;
  }

}
