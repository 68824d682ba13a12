package org.bigdatalab.dfs.reference;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bigdatalab.dfs.DfsException;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsPath;

/**
 * A reader over the blocks a file had when it was opened (their visible lengths then), as an HDFS
 * client reads: it streams each block from one replica, the first in placement order that is
 * reachable and not known to be corrupt, a piece (up to {@value #PIECE} bytes of whole chunks) at a
 * time, and checks every piece against the replica's checksums before handing out any of its bytes.
 * A piece that fails is reported (the replica is marked corrupt, for the replication check to
 * replace) and read again from the next replica.
 *
 * <p>A piece is a view of the replica's stored bytes where the store has one (the mapped block file
 * of {@code dfs-local} for a large replica, the array of {@code dfs-memory}), else read into the
 * reader's own direct buffer: the check reads it once, in bulk, and the
 * copy out to the caller follows while it is still in the CPU's cache, so a mapped read costs one
 * copy out of the page cache plus the CRC32C pass.
 *
 * <p>A piece is {@value #PIECE} bytes, small enough that the reader's buffer stays in the core's
 * L2 from one piece to the next: the pread of the next piece then writes into cached lines. With
 * 1 MB pieces each pread wrote into a buffer that had left the cache since the last one, and the
 * kernel's copy into it was the largest item of a small-block read (perf: {@code _copy_to_iter}
 * 30-41%); a 4 MB file at 1 MB or 4 MB blocks read in 0.87-0.98 ms of CPU (median) against
 * 1.35-1.47 ms with 1 MB pieces, a 256 MB file level (benchmarks/RESULTS.md, 2026-12-07).
 *
 * <p>A large read (at least {@value #BULK_MIN} bytes asked for, from a chunk boundary) skips the
 * piece: the whole chunks it covers in one block go straight into the caller's array and are checked
 * there, the reader and the cluster's {@link ReadHelper} thread sharing the copy and the CRC32C pass
 * ({@link CheckedCopy}); the piece serves small reads, a read from mid-chunk and a block's last
 * partial chunk.
 *
 * <p>A replica may be longer than the visible length, when its block grew after the reader opened
 * the file: the chunk the visible length ends in is then checked whole, as the replica holds it,
 * and only its visible bytes handed out.
 */
class ReferenceInput implements DfsInput {
  /** One block as the reader saw it at open: id and visible length. */
  record Extent(long blockId, long offset, long length) {}

  static final int PIECE = 256 << 10;
  /** A read asking for at least this many bytes at a chunk boundary goes straight into the caller's array: {@link CheckedCopy}. */
  static final int BULK_MIN = 64 << 10;
  /** The most one bulk read takes at once. */
  static final int BULK_MAX = 4 << 20;

  private final ReferenceCluster cluster;
  private final DfsPath path;
  private final List<Extent> extents;
  private final long length;
  private long position;
  /** Checked bytes of the file from {@link #pieceStart}, a view into the open replica; null when there is none. */
  private ByteBuffer piece;
  private ByteBuffer sums;
  /** Where a store without a view of a piece reads it; allocated with {@link #sums}. */
  private ByteBuffer scratch;
  /** The stored checksums of a bulk read; allocated on the first. */
  private ByteBuffer bulkSums;
  private long pieceStart;
  private long pieceEnd;
  /** The replica being read: of the block at {@link #replicaIndex}; null when none is open. */
  private ReferenceCluster.OpenReplica replica;
  private int replicaIndex = -1;
  /** DataNodes whose replica of that block failed this reader. */
  private final Set<String> tried = new HashSet<>();
  private boolean closed;

  ReferenceInput(ReferenceCluster cluster, DfsPath path, List<Extent> extents) {
    this.cluster = cluster;
    this.path = path;
    this.extents = List.copyOf(extents);
    this.length = extents.isEmpty() ? 0 : extents.get(extents.size() - 1).offset() + extents.get(extents.size() - 1).length();
  }

  /** Fills {@code out} as far as the file goes (a piece at a time), or returns -1 at its end. */
  @Override public int read(byte[] out, int off, int len) throws IOException {
    ensureOpen();
    if (len == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int done = 0;
    while (done < len && position < length) {
      if (piece == null || position < pieceStart || position >= pieceEnd) {
        try {
          int bulk = readChecked(out, off + done, len - done);
          if (bulk > 0) {
            position += bulk;
            done += bulk;
            continue;
          }
          fill(position);
        } catch (IOException e) {
          if (done == 0) {
            throw e;
          }
          return done; // the bytes already copied are good; the next read meets the failure again
        }
      }
      int n = (int) Math.min(len - done, pieceEnd - position);
      piece.get((int) (position - pieceStart), out, off + done, n);
      position += n;
      done += n;
    }
    return done;
  }

  /**
   * A bulk read: the whole chunks of the block at {@link #position} (a chunk boundary) that
   * {@code out} has room for, at least {@value #BULK_MIN} bytes, copied straight into it and checked
   * there, with the cluster's {@link ReadHelper}; 0 (nothing read) where the read is smaller or
   * starts mid-chunk, for {@link #fill} to serve. A replica that fails is dropped (reported when
   * corrupt) and the same range read again from the next.
   */
  private int readChecked(byte[] out, int off, int room) throws IOException {
    int index = indexOf(position);
    Extent e = extents.get(index);
    long from = position - e.offset();
    int n = (int) Checksums.chunkFloor(Math.min(Math.min(room, BULK_MAX), e.length() - from));
    if (from % Checksums.CHUNK != 0 || n < BULK_MIN) {
      return 0;
    }
    if (bulkSums == null) {
      bulkSums = ByteBuffer.allocate(BULK_MAX / Checksums.CHUNK * Checksums.SUM);
    }
    while (true) {
      ReplicaReader r = replicaFor(index, e);
      try {
        readSums(r, from, n, bulkSums);
      } catch (IOException failed) {
        dropReplica(false);
        continue;
      }
      CheckedCopy copy = new CheckedCopy(cluster, r, from, out, off, n, bulkSums, cluster.verifiesChecksums());
      if (copy.segments() > 1) {
        cluster.readHelper().offer(copy);
      }
      copy.work();
      copy.awaitDone();
      if (copy.failure() != null || copy.corrupt()) {
        dropReplica(copy.failure() == null);
        continue;
      }
      return n;
    }
  }

  /** Views and checks the piece of the block holding {@code pos}, from the chunk boundary at or before it. */
  private void fill(long pos) throws IOException {
    int index = indexOf(pos);
    Extent e = extents.get(index);
    long from = Checksums.chunkFloor(pos - e.offset());
    int visible = (int) Math.min(PIECE, e.length() - from);
    piece = null; // whatever it viewed is gone once a new piece is looked for
    if (sums == null) {
      sums = ByteBuffer.allocate(PIECE / Checksums.CHUNK * Checksums.SUM);
      scratch = DirectBuffers.pageAligned(PIECE);
    }
    while (true) {
      ReplicaReader r = replicaFor(index, e);
      int checked = (int) Math.min(Checksums.chunks(visible) * (long) Checksums.CHUNK, r.length() - from);
      ByteBuffer view;
      try {
        if (checked < visible) {
          throw new EOFException(path + ": replica of blk_" + e.blockId() + " on " + replica.node() + " is shorter than " + e.length());
        }
        view = r.view(from, checked, scratch);
        readSums(r, from, checked, sums);
      } catch (IOException failed) {
        dropReplica(false);
        continue;
      }
      if (cluster.verifiesChecksums() && cluster.firstBadChunk(view, sums) >= 0) {
        dropReplica(true);
        continue;
      }
      piece = view;
      pieceStart = e.offset() + from;
      pieceEnd = pieceStart + visible;
      return;
    }
  }

  /** Fills {@code into} (cleared, then flipped) with the stored checksums of {@code bytes} bytes of {@code r} from chunk boundary {@code from}. */
  private static void readSums(ReplicaReader r, long from, int bytes, ByteBuffer into) throws IOException {
    into.clear().limit(Checksums.chunks(bytes) * Checksums.SUM);
    r.readSums(Math.toIntExact(from / Checksums.CHUNK), into);
    into.flip();
  }

  /** The open replica of block {@code index}, opening one (the next not yet tried) if needed. */
  private ReplicaReader replicaFor(int index, Extent e) throws IOException {
    if (replica != null && (replicaIndex != index || !cluster.reachable(replica.node()))) {
      closeReplica();
    }
    if (replicaIndex != index) {
      tried.clear();
      replicaIndex = index;
    }
    if (replica == null) {
      replica = cluster.openReplica(path, e.blockId(), e.length(), tried);
    }
    return replica.reader();
  }

  /** Gives up on the open replica: it failed a read, or its checksums when {@code corrupt}. */
  private void dropReplica(boolean corrupt) throws IOException {
    tried.add(replica.node());
    if (corrupt) {
      cluster.reportCorrupt(extents.get(replicaIndex).blockId(), replica.node());
    }
    closeReplica();
  }

  /** Closes the open replica, and forgets the piece viewing it first: the store may unmap it. */
  private void closeReplica() throws IOException {
    piece = null;
    ReplicaReader r = replica.reader();
    replica = null;
    r.close();
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

  @Override public void close() throws IOException {
    closed = true;
    if (replica != null) {
      closeReplica();
    }
  }

  private void ensureOpen() throws DfsException {
    if (closed) {
      throw new DfsException(DfsException.Problem.STREAM_CLOSED, path, "the reader was closed");
    }
  }
}
