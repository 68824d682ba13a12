package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What streaming replicas add to the spec's cases, on both stores: a reader of a block that grew
 * after it opened the file, a corrupt chunk met in the middle of a multi-piece block, and a block
 * continued after one of its DataNodes stopped.
 */
class ReplicaStreamingTest {
  private static final DfsPath FILE = new DfsPath("/f");

  static Stream<DfsEngine> stores() {
    return Stream.of(new MemoryDfs(), new LocalDfs());
  }

  private static ClusterSpec cluster(long blockSize) {
    return ClusterSpec.builder().rack("r1", "dn1", "dn2").rack("r2", "dn3").blockSize(blockSize).replication(2)
        .writerNode("dn1").build();
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aReaderOpenedBeforeTheBlockGrewReadsWhatWasVisibleThen(DfsEngine store) throws IOException {
    byte[] data = bytes(1000);
    try (DistributedFileSystem fs = store.start(cluster(1024)); DfsOutput out = fs.create(FILE, false)) {
      out.write(data, 0, 700);
      out.hflush();
      try (DfsInput early = fs.open(FILE)) {
        out.write(data, 700, 300); // the chunk 512..700 grows, and its checksum changes
        out.hflush();
        assertThat(early.readRemaining()).isEqualTo(Arrays.copyOf(data, 700));
      }
      assertThat(read(fs)).isEqualTo(data);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aCorruptChunkMidBlockIsReadFromTheOtherReplicaAndReported(DfsEngine store) throws IOException {
    byte[] data = bytes((int) DiskReplicaReader.MAP_FROM + 5 * ReferenceInput.PIECE / 2); // a mapped replica on dfs-local
    try (DistributedFileSystem fs = store.start(cluster(2 * DiskReplicaReader.MAP_FROM))) {
      try (DfsOutput out = fs.create(FILE, false)) {
        out.write(data);
      }
      String first = fs.blockLocations(FILE).get(0).nodes().get(0);
      fs.faults().corruptReplica(FILE, 0, first); // a byte in the second piece the reader checks
      assertThat(read(fs)).isEqualTo(data);
      assertThat(fs.blockLocations(FILE).get(0).nodes()).as("replicas offered after the read").doesNotContain(first).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aBlockContinuedAfterAnHflushGoesOnWithoutAStoppedDataNode(DfsEngine store) throws IOException {
    byte[] data = bytes(900);
    try (DistributedFileSystem fs = store.start(cluster(1024))) {
      try (DfsOutput out = fs.create(FILE, false)) {
        out.write(data, 0, 600);
        out.hflush();
        fs.faults().stopDataNode(fs.blockLocations(FILE).get(0).nodes().get(1));
        out.write(data, 600, 300);
      }
      assertThat(read(fs)).isEqualTo(data);
      assertThat(fs.blockLocations(FILE).get(0).nodes()).hasSize(1);
      fs.faults().runReplicationCheck();
      assertThat(fs.blockLocations(FILE).get(0).nodes()).hasSize(2);
      assertThat(read(fs)).isEqualTo(data);
    }
  }

  /**
   * Bulk reads (1 MB, straight into the caller's array, copied and checked in segments by the reader
   * and its helper thread): the corrupt byte (mid-block) met in the middle, the first chunk and the
   * last chunk of a read, in a read-into replica (dfs-local, 2 MB block) and a mapped one (8 MB). The
   * caller gets the other replica's bytes, and the corrupt replica is reported.
   */
  @ParameterizedTest
  @MethodSource("bulkReads")
  void aCorruptByteMetByABulkReadIsReadFromTheOtherReplica(DfsEngine store, long block, long readFrom) throws IOException {
    byte[] data = bytes((int) (2 * block + 3000));
    try (DistributedFileSystem fs = store.start(cluster(block))) {
      try (DfsOutput out = fs.create(FILE, false)) {
        out.write(data);
      }
      String first = fs.blockLocations(FILE).get(1).nodes().get(0);
      fs.faults().corruptReplica(FILE, 1, first); // the byte at block + block / 2
      try (DfsInput in = fs.open(FILE)) {
        in.seek(readFrom);
        byte[] got = new byte[data.length - (int) readFrom];
        for (int n = 0; n < got.length; ) {
          int r = in.read(got, n, Math.min(1 << 20, got.length - n));
          assertThat(r).isPositive();
          n += r;
        }
        assertThat(got).isEqualTo(Arrays.copyOfRange(data, (int) readFrom, data.length));
      }
      assertThat(fs.blockLocations(FILE).get(1).nodes()).as("replicas offered after the read").doesNotContain(first).hasSize(1);
    }
  }

  static Stream<Arguments> bulkReads() {
    List<Arguments> cases = new ArrayList<>();
    for (long block : new long[] {2L << 20, DiskReplicaReader.MAP_FROM}) {
      long flipped = block + block / 2;
      for (long from : new long[] {flipped - (1 << 19), flipped, flipped + Checksums.CHUNK - (1 << 20)}) { // middle, first chunk, last chunk of a read
        cases.add(Arguments.of(new MemoryDfs(), block, from));
        cases.add(Arguments.of(new LocalDfs(), block, from));
      }
    }
    return cases.stream();
  }

  /**
   * A reader that left a block (on dfs-local, unmapping the replica it viewed) and seeks back into
   * the piece it last read there reads that block again, not the stale view.
   */
  @ParameterizedTest
  @MethodSource("stores")
  void aReaderThatSeeksBackIntoALeftBlockReadsItAgain(DfsEngine store) throws IOException {
    long block = DiskReplicaReader.MAP_FROM; // mapped replicas on dfs-local
    byte[] data = bytes((int) (2 * block + 100));
    try (DistributedFileSystem fs = store.start(cluster(block))) {
      try (DfsOutput out = fs.create(FILE, false)) {
        out.write(data);
      }
      try (DfsInput in = fs.open(FILE)) {
        byte[] first = new byte[1000];
        assertThat(in.read(first, 0, first.length)).isEqualTo(1000);
        in.seek(block + 10);
        assertThat(in.read(new byte[50], 0, 50)).isEqualTo(50);
        in.seek(900);
        assertThat(in.readRemaining()).isEqualTo(Arrays.copyOfRange(data, 900, data.length));
      }
    }
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  private static byte[] read(DistributedFileSystem fs) throws IOException {
    try (DfsInput in = fs.open(FILE)) {
      return in.readRemaining();
    }
  }
}
