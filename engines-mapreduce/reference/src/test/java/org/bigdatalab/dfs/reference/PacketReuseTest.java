package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
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
 * A closed writer's packet buffer is reused by the next writer (PacketBuffers): pinned examples of
 * its two ways of being wrong, a reused packet that still holds the last writer's unsent tail, and
 * one packet handed to two writers that are open at once.
 */
class PacketReuseTest {
  @TempDir Path dir;

  private DistributedFileSystem start() throws IOException {
    return new LocalDfs(new EngineOptions(Map.of("dfs.local.dir", dir.toString()))).start(ClusterSpec.builder()
        .rack("r1", "dn1", "dn2").rack("r2", "dn3").blockSize(4096).replication(2).writerNode("dn1").build());
  }

  @Test
  void aWriterOnAReusedPacketWritesOnlyItsOwnBytes() throws IOException {
    try (DistributedFileSystem fs = start()) {
      write(fs, "/first", bytes(700, 1)); // closes with a partial chunk left in its packet
      byte[] second = bytes(300, 2);
      write(fs, "/second", second);
      assertThat(read(fs, "/second")).isEqualTo(second);
    }
  }

  @Test
  void writersOpenAtOnceNeverShareAPacket() throws IOException {
    try (DistributedFileSystem fs = start()) {
      write(fs, "/spare", bytes(10, 3)); // one idle packet in the pool
      byte[] a = bytes(1000, 4);
      byte[] b = bytes(1000, 5);
      try (DfsOutput outA = fs.create(new DfsPath("/a"), false); DfsOutput outB = fs.create(new DfsPath("/b"), false)) {
        outA.write(a, 0, 600); // unsent: still in the packets
        outB.write(b, 0, 600);
        outA.write(a, 600, 400);
        outB.write(b, 600, 400);
      }
      assertThat(read(fs, "/a")).isEqualTo(a);
      assertThat(read(fs, "/b")).isEqualTo(b);
    }
  }

  private static void write(DistributedFileSystem fs, String path, byte[] data) throws IOException {
    try (DfsOutput out = fs.create(new DfsPath(path), false)) {
      out.write(data);
    }
  }

  private static byte[] read(DistributedFileSystem fs, String path) throws IOException {
    try (DfsInput in = fs.open(new DfsPath(path))) {
      return in.readRemaining();
    }
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
