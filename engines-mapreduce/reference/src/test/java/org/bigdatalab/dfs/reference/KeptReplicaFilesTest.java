package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * dfs-local keeps a replica's files open after its reader closes them, for the next reader
 * ({@link IdleReplicas}), and a reader of kept files copies bulk reads straight out of their mapping
 * ({@link DiskReplicaReader#copyTo}): pinned examples of their ways of being wrong, kept files
 * handed out after the replica was continued under its name, a corrupt byte or a misplaced segment
 * missed by the mapped copy, and kept files that hold a deleted replica (or outlive the cluster).
 */
class KeptReplicaFilesTest {
  private static final DfsPath FILE = new DfsPath("/f");
  @TempDir Path dir;

  private DistributedFileSystem start(long blockSize, int replication) throws IOException {
    return new LocalDfs(new EngineOptions(Map.of("dfs.local.dir", dir.toString()))).start(ClusterSpec.builder()
        .rack("r1", "dn1", "dn2").rack("r2", "dn3").blockSize(blockSize).replication(replication).writerNode("dn1").build());
  }

  /** One replica, so a reader given the files kept from before the block grew has no other to fall back on. */
  @Test
  void aBlockContinuedAfterAReadIsReadWhole() throws IOException {
    byte[] data = bytes(900, 1);
    try (DistributedFileSystem fs = start(1024, 1)) {
      try (DfsOutput out = fs.create(FILE, false)) {
        out.write(data, 0, 600);
        out.hflush();
        assertThat(read(fs)).hasSize(600); // its files are kept when the reader closes
        out.write(data, 600, 300);
      }
      assertThat(read(fs)).isEqualTo(data);
    }
  }

  /**
   * Two blocks of 2 MB read in 1 MB reads, twice (the second through kept files, copied out of their
   * mapping), then with a byte of the first replica of the second block flipped in place.
   */
  @Test
  void bulkReadsThroughKeptFilesAreTheBytesWrittenAndCatchACorruptByte() throws IOException {
    int block = 2 << 20;
    byte[] data = bytes(2 * block + 3000, 2);
    try (DistributedFileSystem fs = start(block, 2)) {
      try (DfsOutput out = fs.create(FILE, false)) {
        out.write(data);
      }
      assertThat(readInMegabytes(fs)).isEqualTo(data);
      assertThat(readInMegabytes(fs)).as("read again through the kept files").isEqualTo(data);
      String first = fs.blockLocations(FILE).get(1).nodes().get(0);
      fs.faults().corruptReplica(FILE, 1, first); // the byte at block + block / 2, in the kept files' pages
      assertThat(readInMegabytes(fs)).isEqualTo(data);
      assertThat(fs.blockLocations(FILE).get(1).nodes()).as("replicas offered after the read").doesNotContain(first).hasSize(1);
    }
  }

  /** Kept files are closed when their replica is deleted (which still recycles its pair) and when the cluster closes. */
  @Test
  void noFileOfADeletedReplicaOrAClosedClusterStaysOpen() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd");
    try (DistributedFileSystem fs = start(1024, 2)) {
      try (DfsOutput out = fs.create(FILE, false)) {
        out.write(bytes(2048, 3));
      }
      read(fs);
      assertThat(openUnder(dir)).as("files kept open after the read").isNotEmpty();
      fs.delete(FILE, false);
      assertThat(openForReadingUnder(dir)).as("files open for reading under the DataNodes after the delete").isEmpty();
      assertThat(openUnder(dir)).as("files open after the delete: only the pairs' write files, kept for their next writer (KeptWriteFiles)")
          .allSatisfy(p -> assertThat(p.getFileName().toString()).matches("spare_\\d+(\\.meta)?"));
      assertThat(files("spare_\\d+")).as("the deleted replicas' pairs, kept to be written over").hasSize(4);
      try (DfsOutput out = fs.create(new DfsPath("/g"), false)) {
        out.write(bytes(100, 4));
      }
      read(fs, new DfsPath("/g"));
    }
    assertThat(openUnder(dir)).as("files open after the cluster closed").isEmpty();
  }

  /** The DataNodes' files under {@code root} that this process has open (not the NameNode's edit log). */
  private static List<Path> openUnder(Path root) throws IOException {
    return openUnder(root, false);
  }

  /** The same, only those open for reading (a writer's files, kept for the next writer of their pair, are write-only). */
  private static List<Path> openForReadingUnder(Path root) throws IOException {
    return openUnder(root, true);
  }

  private static List<Path> openUnder(Path root, boolean readingOnly) throws IOException {
    List<Path> open = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          Path target = Files.readSymbolicLink(fd);
          if (target.startsWith(root.toRealPath()) && target.toString().contains("/datanodes/")
              && (!readingOnly || !writeOnly(fd))) {
            open.add(target);
          }
        } catch (IOException e) {
          // closed since it was listed
        }
      }
    }
    return open;
  }

  /** Whether a file descriptor was opened write-only ({@code O_WRONLY} in /proc/self/fdinfo's octal flags). */
  private static boolean writeOnly(Path fd) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo").resolve(fd.getFileName()))) {
      if (line.startsWith("flags:")) {
        return (Integer.parseInt(line.substring("flags:".length()).trim(), 8) & 3) == 1;
      }
    }
    return false;
  }

  private List<Path> files(String nameRegex) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return new ArrayList<>(walk.filter(p -> p.getFileName().toString().matches(nameRegex)).toList());
    }
  }

  private static byte[] readInMegabytes(DistributedFileSystem fs) throws IOException {
    try (DfsInput in = fs.open(FILE)) {
      byte[] got = new byte[Math.toIntExact(fs.getFileStatus(FILE).length())];
      for (int n = 0; n < got.length; ) {
        int r = in.read(got, n, Math.min(1 << 20, got.length - n));
        assertThat(r).isPositive();
        n += r;
      }
      return got;
    }
  }

  private static byte[] read(DistributedFileSystem fs) throws IOException {
    return read(fs, FILE);
  }

  private static byte[] read(DistributedFileSystem fs, DfsPath path) throws IOException {
    try (DfsInput in = fs.open(path)) {
      return in.readRemaining();
    }
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
