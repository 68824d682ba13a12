package org.bigdatalab.dfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Paths follow HDFS's namespace rules, and say which rule a bad one breaks. */
class DfsPathTest {

  @Test
  void navigatesParentsAndChildren() {
    DfsPath p = DfsPath.ROOT.child("logs").child("part-0");
    assertThat(p.value()).isEqualTo("/logs/part-0");
    assertThat(p.name()).isEqualTo("part-0");
    assertThat(p.parent().parent()).isEqualTo(DfsPath.ROOT);
    assertThat(p.isUnder(new DfsPath("/logs"))).isTrue();
    assertThat(new DfsPath("/logsX").isUnder(new DfsPath("/logs"))).isFalse();
  }

  @Test
  void refusesPathsOutsideTheRulesWithTheRule() {
    assertThatThrownBy(() -> DfsPath.of("a/b")).isInstanceOf(DfsException.class).hasMessageContaining("absolute");
    assertThatThrownBy(() -> DfsPath.of("/a/../b")).hasMessageContaining("'..'");
    assertThatThrownBy(() -> DfsPath.of("/a:b")).hasMessageContaining("':'");
    assertThatThrownBy(() -> new DfsPath("/a//b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INVALID_PATH /a//b");
  }

  @Test
  void clusterSpecRefusesWhatHdfsRefuses() {
    assertThatThrownBy(() -> ClusterSpec.builder().rack("r1", "dn1").blockSize(1000).build())
        .hasMessageContaining("multiple of 512");
    assertThatThrownBy(() -> ClusterSpec.builder().rack("r1", "dn1").rack("r2", "dn1").build())
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> ClusterSpec.builder().rack("r1", "dn1").writerNode("dn9").build())
        .hasMessageContaining("dn9");
    ClusterSpec spec = ClusterSpec.builder().rack("r1", "dn1", "dn2").rack("r2", "dn3").build();
    assertThat(spec.racks()).containsExactly("r1", "r2");
    assertThat(spec.rackOf("dn3")).isEqualTo("r2");
  }
}
