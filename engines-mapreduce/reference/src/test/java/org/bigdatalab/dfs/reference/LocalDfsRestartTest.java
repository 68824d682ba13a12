package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsInput;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;
import org.junit.jupiter.api.Test;

/**
 * dfs-local's persistence in detail: names the edit log must not mangle, a file open at the
 * restart (recovered closed at its flushed length), and a broken edit log reported by line.
 */
class LocalDfsRestartTest {
  private static final ClusterSpec SPEC = ClusterSpec.builder().rack("r1", "dn1", "dn2").rack("r2", "dn3")
      .blockSize(512).replication(2).writerNode("dn1").build();

  @Test
  void oddNamesSurviveARestart() throws IOException {
    DfsPath odd = new DfsPath("/dir with space/tab\there/new\nline/100% ünïcode+plus");
    try (DistributedFileSystem fs = new LocalDfs().start(SPEC)) {
      try (DfsOutput out = fs.create(odd, false)) {
        out.write("hello".getBytes(StandardCharsets.UTF_8));
      }
      fs.faults().restartNameNode();
      assertThat(read(fs, odd)).isEqualTo("hello");
    }
  }

  @Test
  void aFileOpenAtTheRestartComesBackClosedAtItsFlushedLength() throws IOException {
    DfsPath p = new DfsPath("/open");
    try (DistributedFileSystem fs = new LocalDfs().start(SPEC)) {
      DfsOutput out = fs.create(p, false);
      out.write(new byte[700]);
      out.hflush();
      out.write(new byte[10]);
      fs.faults().restartNameNode();
      assertThat(fs.getFileStatus(p).length()).isEqualTo(700);
      assertThatThrownBy(out::close).hasMessageContaining("lease lost");
      try (DfsOutput more = fs.append(p)) {
        more.write(new byte[5]);
      }
      assertThat(fs.getFileStatus(p).length()).isEqualTo(705);
    }
  }

  @Test
  void aBrokenEditLogLineIsReportedWithItsLocation() {
    assertThatThrownBy(() -> Edit.parse("RENAME\t/a", "edits:3"))
        .hasMessageContaining("edits:3").hasMessageContaining("5 tab-separated fields");
    assertThatThrownBy(() -> Edit.parse("FROB\t-\t-\t0\t0", "edits:4")).hasMessageContaining("edits:4: bad edit");
  }

  @Test
  void bothStoresAreRegistered() {
    assertThat(EngineRegistry.load().engines(Topic.DFS).stream().map(i -> i.id()).toList())
        .containsAll(List.of("dfs-memory", "dfs-local"));
  }

  private static String read(DistributedFileSystem fs, DfsPath p) throws IOException {
    try (DfsInput in = fs.open(p)) {
      return new String(in.readRemaining(), StandardCharsets.UTF_8);
    }
  }
}
