package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dfs-local keeps a published replica's write files open for the writer that takes its pair as a
 * spare (KeptWriteFiles): pinned examples of its ways of being wrong, a reused file written from
 * where the last writer stopped instead of its start, files kept from a replica that a continued one
 * replaced (they hold the old, unlinked inode, so the next writer's bytes would go there and not into
 * the pair it publishes), and more files kept open than the bound.
 */
class KeptWriteFilesTest {
  private static final int BLOCK = 4096;
  @TempDir Path dir;

  private DistributedFileSystem start() throws IOException {
    return new LocalDfs(new EngineOptions(Map.of("dfs.local.dir", dir.toString()))).start(ClusterSpec.builder()
        .rack("r1", "dn1", "dn2").rack("r2", "dn3").blockSize(BLOCK).replication(2).writerNode("dn1").build());
  }

  @Test
  void aPairWrittenAgainThroughItsKeptFilesHoldsOnlyTheNewBytes() throws IOException {
    DiskBlockStore store = new DiskBlockStore(dir.resolve("dn"));
    ReplicaRecyclingTest.put(store, 1, bytes(3000, 1));
    store.delete(1);
    byte[] next = bytes(1000, 2);
    ReplicaRecyclingTest.put(store, 2, next);
    assertThat(store.length(2)).isEqualTo(1000);
    assertThat(Files.readAllBytes(dir.resolve("dn").resolve("blk_2"))).isEqualTo(next);
    try (ReplicaReader r = store.open(2).orElseThrow()) {
      ByteBuffer back = ByteBuffer.allocate(1000);
      r.readData(0, back);
      assertThat(back.array()).isEqualTo(next);
    }
    store.close();
  }

  /** An hflush mid-block continues the block on fresh copies that replace the first replicas; their pairs then carry the new ones. */
  @Test
  void aFileWrittenOnThePairsOfAContinuedBlockReadsBackWhatWasWritten() throws IOException {
    byte[] first = bytes(BLOCK, 3);
    byte[] second = bytes(BLOCK, 4);
    try (DistributedFileSystem fs = start()) {
      try (DfsOutput out = fs.create(new DfsPath("/continued"), false)) {
        out.write(first, 0, 1000);
        out.hflush(); // published at 1000 bytes, then continued under temporary names and moved over
        out.write(first, 1000, first.length - 1000);
      }
      fs.delete(new DfsPath("/continued"), false);
      try (DfsOutput out = fs.create(new DfsPath("/next"), false)) {
        out.write(second);
      }
      try (DfsInput in = fs.open(new DfsPath("/next"))) {
        assertThat(in.readRemaining()).isEqualTo(second);
      }
    }
  }

  @Test
  void beyondTheBoundTheLeastRecentlyKeptFilesAreClosed() throws IOException {
    KeptWriteFiles kept = new KeptWriteFiles();
    List<WriteFiles> opened = new ArrayList<>();
    for (long id = 0; id <= KeptWriteFiles.MAX; id++) {
      Path f = dir.resolve("f" + id);
      WriteFiles files = new WriteFiles(FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          FileChannel.open(dir.resolve(f + ".meta"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
      opened.add(files);
      kept.keep(id, files);
    }
    assertThat(opened.get(0).data().isOpen()).as("the first kept, beyond the bound").isFalse();
    assertThat(opened.subList(1, opened.size())).allSatisfy(f -> assertThat(f.data().isOpen()).isTrue());
    kept.closeAll();
    assertThat(opened).allSatisfy(f -> assertThat(f.meta().isOpen()).isFalse());
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
