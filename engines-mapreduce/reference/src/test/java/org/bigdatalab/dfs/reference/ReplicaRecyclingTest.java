package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dfs-local keeps a deleted replica's files, bytes and all, as a spare pair for the next new replica
 * to write over (DiskBlockStore): pinned examples of its two ways of being wrong, a recycled pair that
 * still holds the old replica's bytes after the new one's end once published (the writer cuts it),
 * and a pair recycled under a reader that still has the replica open.
 */
class ReplicaRecyclingTest {
  private static final int BLOCK = 1024;
  @TempDir Path dir;

  private DistributedFileSystem start(long blockSize) throws IOException {
    return new LocalDfs(new EngineOptions(Map.of("dfs.local.dir", dir.toString()))).start(ClusterSpec.builder()
        .rack("r1", "dn1", "dn2").rack("r2", "dn3").blockSize(blockSize).replication(2).writerNode("dn1").build());
  }

  @Test
  void aNewReplicaOnARecycledPairHoldsOnlyItsOwnBytesAndChecksums() throws IOException {
    try (DistributedFileSystem fs = start(BLOCK)) {
      write(fs, "/old", bytes(2 * BLOCK, 1)); // two blocks, two replicas each: four pairs
      fs.delete(new DfsPath("/old"), false);
      assertThat(files("spare_\\d+")).as("spare block files, their bytes kept to be written over")
          .hasSize(4).allSatisfy(p -> assertThat(Files.size(p)).isEqualTo(BLOCK));
      byte[] small = bytes(100, 2);
      write(fs, "/new", small);
      assertThat(files("spare_\\d+")).as("spares left after one block of two replicas").hasSize(2);
      assertThat(files("blk_\\d+")).as("new replicas on pairs that held 1024 bytes, cut at publish")
          .hasSize(2).allSatisfy(p -> assertThat(Files.size(p)).isEqualTo(100));
      assertThat(files("blk_\\d+\\.meta")).hasSize(2)
          .allSatisfy(p -> assertThat(Files.size(p)).isEqualTo(DiskBlockStore.META_HEADER + Checksums.SUM));
      try (DfsInput in = fs.open(new DfsPath("/new"))) {
        assertThat(in.readRemaining()).isEqualTo(small);
      }
    }
  }

  /** The reader goes on from its open replica past its first piece, after the pair of the other replica was taken. */
  @Test
  void aReaderOfADeletedFileNeverReadsTheFileWrittenOnItsRecycledPairs() throws IOException {
    int block = 2 * ReferenceInput.PIECE;
    byte[] old = bytes(block, 3);
    byte[] next = bytes(block, 4);
    try (DistributedFileSystem fs = start(block)) {
      write(fs, "/old", old);
      try (DfsInput reader = fs.open(new DfsPath("/old"))) {
        assertThat(reader.read(new byte[100], 0, 100)).isEqualTo(100); // one replica open, its first piece read
        fs.delete(new DfsPath("/old"), false);
        write(fs, "/next", next);
        reader.seek(ReferenceInput.PIECE); // the second piece, read from the replica the reader has open
        byte[] rest = new byte[ReferenceInput.PIECE];
        int n = reader.read(rest, 0, rest.length);
        assertThat(n).isPositive();
        assertThat(Arrays.copyOf(rest, n)).as("what the reader of the deleted file reads")
            .isEqualTo(Arrays.copyOfRange(old, ReferenceInput.PIECE, ReferenceInput.PIECE + n));
      }
    }
  }

  private List<Path> files(String nameRegex) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return new ArrayList<>(walk.filter(p -> p.getFileName().toString().matches(nameRegex)).toList());
    }
  }

  private static void write(DistributedFileSystem fs, String path, byte[] data) throws IOException {
    try (DfsOutput out = fs.create(new DfsPath(path), false)) {
      out.write(data);
    }
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
