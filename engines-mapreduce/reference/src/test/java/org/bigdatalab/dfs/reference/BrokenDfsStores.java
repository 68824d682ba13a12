package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * Deliberately broken stores, each wrong in one classic way. {@link DfsSelfTest} shows that the
 * matching clause catches each one: a clause no broken store fails has no teeth.
 */
final class BrokenDfsStores {
  private BrokenDfsStores() {}

  private static EngineInfo broken(String id, String what) {
    return EngineInfo.builder(id, Topic.DFS).kind(EngineInfo.Kind.BROKEN).description(what).build();
  }

  /** A memory store whose cluster is built by the subclass (to override one behaviour). */
  abstract static class BrokenMemoryDfs extends MemoryDfs {
    @Override public DistributedFileSystem start(ClusterSpec spec) throws IOException {
      return cluster(spec);
    }

    abstract ReferenceCluster cluster(ClusterSpec spec) throws IOException;

    ReferenceCluster.StoreFactory memory() { return node -> new MemoryBlockStore(); }
  }

  /** Ends a block at every write() call, as a writer that ships each packet as its own block. */
  static final class CutsBlocksAtWrites extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-cuts-blocks-at-writes", "ends a block at every write call"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override public DfsOutput create(DfsPath p, boolean overwrite) throws IOException {
          ReferenceOutput out = (ReferenceOutput) super.create(p, overwrite);
          return new Forwarding(out) {
            @Override public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
              out.endBlock();
            }
          };
        }
      };
    }
  }

  /** A pipeline one node short of the replication factor. */
  static final class ShortPipeline extends MemoryDfs {
    @Override public EngineInfo info() { return broken("broken-short-pipeline", "places r - 1 replicas"); }

    @Override protected BlockPlacement placement() {
      RackAwarePlacement right = new RackAwarePlacement();
      return req -> {
        List<DataNode> targets = right.chooseTargets(req);
        return targets.size() > 1 ? targets.subList(0, targets.size() - 1) : targets;
      };
    }
  }

  /** Forgets where the writer runs: the first replica lands anywhere. */
  static final class IgnoresWriterLocation extends MemoryDfs {
    @Override public EngineInfo info() { return broken("broken-ignores-writer", "places the first replica at random"); }

    @Override protected BlockPlacement placement() {
      RackAwarePlacement right = new RackAwarePlacement();
      return req -> right.chooseTargets(new PlacementRequest(req.count(), req.chosen(), null, req.eligible(),
          req.liveNodes(), req.liveRacks(), req.random()));
    }
  }

  /** Ignores the rack topology: takes nodes in configuration order from the writer's. */
  static final class IgnoresRacks extends MemoryDfs {
    @Override public EngineInfo info() { return broken("broken-ignores-racks", "fills nodes in order, ignoring racks"); }

    @Override protected BlockPlacement placement() {
      return req -> {
        List<DataNode> order = new ArrayList<>(req.eligible());
        int start = req.writer() == null ? 0 : Math.max(0, order.indexOf(req.writer()));
        List<DataNode> out = new ArrayList<>();
        for (int i = 0; i < order.size() && out.size() < req.count(); i++) {
          DataNode n = order.get((start + i) % order.size());
          if (!req.chosen().contains(n)) {
            out.add(n);
          }
        }
        return out;
      };
    }
  }

  /** The write-up the seed warns about: the third replica back on the first one's (the writer's) rack. */
  static final class TwoReplicasOnLocalRack extends MemoryDfs {
    @Override public EngineInfo info() { return broken("broken-two-on-local-rack", "puts the third replica on the writer's rack"); }

    @Override protected BlockPlacement placement() {
      return req -> {
        List<DataNode> results = new ArrayList<>(req.chosen());
        List<DataNode> out = new ArrayList<>();
        while (out.size() < req.count()) {
          DataNode first = results.isEmpty() ? null : results.get(0);
          Predicate<DataNode> wanted = switch (results.size()) {
            case 0 -> n -> req.writer() == null || n == req.writer();
            case 1 -> n -> !n.rack().equals(first.rack());
            case 2 -> n -> n.rack().equals(first.rack());
            default -> n -> true;
          };
          DataNode next = req.eligible().stream().filter(n -> !results.contains(n)).filter(wanted).findFirst()
              .or(() -> req.eligible().stream().filter(n -> !results.contains(n)).findFirst()).orElse(null);
          if (next == null) {
            break;
          }
          results.add(next);
          out.add(next);
        }
        return out;
      };
    }
  }

  /** create replaces an existing file even when overwrite is not asked. */
  static final class OverwritesWithoutAsking extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-overwrites", "create always overwrites"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override public DfsOutput create(DfsPath p, boolean overwrite) throws IOException {
          return super.create(p, true);
        }
      };
    }
  }

  /** hflush keeps the bytes in the writer's buffer: readers see them only when a block fills or the file closes. */
  static final class HflushOnlyBuffers extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-hflush-buffers", "hflush does not publish"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override public DfsOutput create(DfsPath p, boolean overwrite) throws IOException {
          return new Forwarding(super.create(p, overwrite)) {
            @Override public void hflush() {}
          };
        }
      };
    }
  }

  /** append starts the file afresh, losing the old bytes. */
  static final class AppendReplacesFile extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-append-replaces", "append overwrites the file"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override public DfsOutput append(DfsPath p) throws IOException {
          return create(p, true);
        }
      };
    }
  }

  /** POSIX rename: replaces an existing destination file instead of refusing. */
  static final class RenameReplacesFile extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-rename-replaces", "rename overwrites an existing file"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override public synchronized boolean rename(DfsPath src, DfsPath dst) throws IOException {
          if (exists(src) && !src.equals(dst) && exists(dst) && getFileStatus(dst).isFile()) {
            delete(dst, false);
          }
          return super.rename(src, dst);
        }
      };
    }
  }

  /** seek lands at the start of the block that holds the position. */
  static final class SeekRoundsDownToBlock extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-seek-to-block", "seek goes to the block's start"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override public synchronized DfsInput open(DfsPath p) throws IOException {
          DfsInput in = super.open(p);
          return new DfsInput() {
            @Override public int read(byte[] b, int off, int len) throws IOException { return in.read(b, off, len); }
            @Override public void seek(long pos) throws IOException { in.seek(pos < 0 ? pos : pos - pos % spec.blockSize()); }
            @Override public long position() throws IOException { return in.position(); }
            @Override public void close() throws IOException { in.close(); }
          };
        }
      };
    }
  }

  /** The replication check does nothing: lost replicas are never restored, excess never removed. */
  static final class NeverReReplicates extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-never-rereplicates", "replication check is a no-op"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override public void runReplicationCheck() {}
      };
    }
  }

  /** A reader that trusts replicas without checking their checksums. */
  static final class SkipsChecksums extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-skips-checksums", "reader skips checksum verification"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override protected boolean verifiesChecksums() { return false; }
      };
    }
  }

  /**
   * A reader whose bulk check covers a piece's whole chunks only: the partial chunk a block (so a
   * file) usually ends in is handed out unchecked, the classic slip of a checker that combines the
   * per-chunk CRCs of whole chunks.
   */
  static final class SkipsPartialChunkCheck extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-skips-partial-chunk", "reader checks whole chunks only"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override protected int firstBadChunk(ByteBuffer piece, ByteBuffer sums) {
          ByteBuffer whole = piece.duplicate();
          whole.limit(whole.position() + (int) Checksums.chunkFloor(whole.remaining()));
          return Checksums.firstBadChunk(whole, sums);
        }
      };
    }
  }

  /**
   * A reader that checks only pieces under 64 KB: a fast path for large reads that forgot the
   * check. The small-block checks never ask for that much, so only the large-piece check of
   * {@code dfs.fault.corrupt-replica} can catch it.
   */
  static final class SkipsChecksOnLargeReads extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-skips-large-read-check", "reader checks pieces under 64 KB only"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override protected int firstBadChunk(ByteBuffer piece, ByteBuffer sums) {
          return piece.remaining() >= 64 << 10 ? -1 : Checksums.firstBadChunk(piece, sums);
        }
      };
    }
  }

  /**
   * A pipeline that acknowledges a packet once the first replica holds it and forwards it to the
   * others with the next packet: the block is published while its last packet is on the first
   * replica only, so every other replica is short.
   */
  static final class AcksOnFirstReplica extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-acks-on-first-replica", "acks packets before every replica has them"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override protected Pipeline newPipeline(long blockId, List<DataNode> targets, Pipeline.Opener opener) {
          return new Pipeline(blockId, targets, opener) {
            private ByteBuffer lastData;
            private ByteBuffer lastSums;

            @Override void append(ByteBuffer data, ByteBuffer sums) throws IOException {
              writer(0).append(data, sums);
              if (lastData != null) {
                for (int i = 1; i < targets.size(); i++) {
                  writer(i).append(lastData, lastSums);
                }
              }
              lastData = copy(data);
              lastSums = copy(sums);
            }
          };
        }
      };
    }

    private static ByteBuffer copy(ByteBuffer b) {
      return ByteBuffer.allocate(b.remaining()).put(b.duplicate()).flip();
    }
  }

  /** A local store whose edit log never records renames: a restart brings renamed paths back. */
  static final class ForgetsRenamesOnRestart extends LocalDfs {
    @Override public EngineInfo info() { return broken("broken-forgets-renames", "edit log skips renames"); }

    @Override protected Journal journal(EditLog editLog) {
      return new Journal() {
        @Override public void log(Edit edit) throws IOException {
          if (edit.kind() != Edit.Kind.RENAME) {
            editLog.log(edit);
          }
        }

        @Override public Namespace recover() throws IOException { return editLog.recover(); }
      };
    }
  }

  /** With no DataNode running, accepts the bytes and drops them, reporting success. */
  static final class WritesWithNoLiveDataNodes extends BrokenMemoryDfs {
    @Override public EngineInfo info() { return broken("broken-silent-writes", "drops writes when no DataNode is live"); }

    @Override ReferenceCluster cluster(ClusterSpec spec) throws IOException {
      return new ReferenceCluster(spec, memory(), placement(), Journal.NONE, renameRefusal(), () -> {}) {
        @Override public DfsOutput create(DfsPath p, boolean overwrite) throws IOException {
          if (anyLiveDataNode()) {
            return super.create(p, overwrite);
          }
          return new DfsOutput() {
            @Override public void write(byte[] b, int off, int len) {}
            @Override public void hflush() {}
            @Override public void close() {}
          };
        }
      };
    }
  }

  /** Passes every call to another output; broken writers override one method. */
  private static class Forwarding implements DfsOutput {
    private final DfsOutput out;

    Forwarding(DfsOutput out) { this.out = out; }

    @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
    @Override public void hflush() throws IOException { out.hflush(); }
    @Override public void close() throws IOException { out.close(); }
  }
}
