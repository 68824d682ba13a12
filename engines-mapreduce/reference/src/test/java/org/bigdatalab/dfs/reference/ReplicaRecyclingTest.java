package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
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

  /** Past the budget a deleted replica's pair is emptied, and a new replica is written on either kind of spare. */
  @Test
  void sparesBeyondTheBudgetAreEmptiedAndBothKindsTakeANewReplica() throws IOException {
    long keptPerReplica = BLOCK + DiskBlockStore.META_HEADER + 2 * Checksums.SUM;
    DiskBlockStore store = new DiskBlockStore(dir.resolve("dn"), keptPerReplica); // room for one replica's bytes
    byte[] old = bytes(BLOCK, 5);
    for (long id = 1; id <= 2; id++) {
      put(store, id, old);
    }
    store.delete(1);
    store.delete(2);
    assertThat(files("spare_\\d+")).extracting(Files::size).containsExactlyInAnyOrder((long) BLOCK, 0L);
    byte[] small = bytes(100, 6);
    for (long id = 3; id <= 4; id++) {
      put(store, id, small);
      assertThat(store.length(id)).isEqualTo(100);
      try (ReplicaReader r = store.open(id).orElseThrow()) {
        ByteBuffer back = ByteBuffer.allocate(100);
        r.readData(0, back);
        assertThat(back.array()).isEqualTo(small);
        assertThat(r.length()).isEqualTo(100);
      }
    }
    assertThat(files("spare_\\d+")).isEmpty();
  }

  /** Writes and publishes one replica of {@code bytes} with their checksums, as a pipeline would. */
  static void put(DiskBlockStore store, long id, byte[] bytes) throws IOException {
    ByteBuffer data = ByteBuffer.wrap(bytes);
    ByteBuffer sums = ByteBuffer.allocate(Checksums.chunks(bytes.length) * Checksums.SUM);
    Checksums.compute(data.duplicate(), sums);
    ReplicaWriter w = store.write(id, 0);
    w.append(data, sums.flip());
    w.publish();
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
