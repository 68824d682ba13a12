package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.FileStatus;
import org.bigdatalab.guide.Ch03_HdfsOperations.Outcome;
import org.bigdatalab.guide.Ch03_RackAwareness.Placement;
import org.junit.jupiter.api.Test;

/** Chapter 3's programs run, and their output carries the facts the chapter states. */
class Ch03Test {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void theFourOperationsWorkOnEveryDfsEngineAndTheBlockMapCoversTheFile() throws Exception {
    List<String> ids = GuideEngines.available(Ch03_HdfsOperations.ENGINES, System.out);
    assertThat(ids).contains("dfs-memory");
    int csvBytes = Ch03_HdfsOperations.csv().length();
    for (String id : ids) {
      Outcome o = Ch03_HdfsOperations.run(id, NOWHERE);
      assertThat(o.listed()).extracting(s -> s.path().name()).containsExactly("copy.csv", "data.csv");
      assertThat(o.listed()).allSatisfy(s -> {
        assertThat(s.length()).isEqualTo(csvBytes);
        assertThat(s.blockSize()).isEqualTo(1024);
        assertThat(s.replication()).isEqualTo(3);
      });
      assertThat(o.readBackEqual()).as(id).isTrue();
      assertThat(o.lengthAfterAppend()).isEqualTo(csvBytes + "121,Oslo,47\n".length());
      long covered = 0;
      for (BlockLocation b : o.blocks()) {
        assertThat(b.offset()).isEqualTo(covered);
        assertThat(b.length()).isLessThanOrEqualTo(1024);
        assertThat(b.replicas()).hasSize(3);
        assertThat(b.nodes().get(0)).as("first replica on the writer").isEqualTo("dn1");
        covered += b.length();
      }
      assertThat(covered).isEqualTo(o.lengthAfterAppend());
      assertThat(o.blocks()).hasSize((int) ((o.lengthAfterAppend() + 1023) / 1024));
      assertThat(o.deleted()).isTrue();
      assertThat(o.deletedAgain()).isFalse();
      assertThat(o.listedAfterDelete()).extracting(FileStatus::path).extracting(Object::toString)
          .containsExactly("/user/hadoop/data.csv");
    }
    String out = GuideTesting.output(Ch03_HdfsOperations::run);
    assertThat(out).contains("equal to the local file: true").doesNotContain("equal to the local file: false")
        .contains("delete copy.csv: true; delete it again: false; list now: [/user/hadoop/data.csv]")
        .containsPattern("dn1@r1  \\[data\\.csv#0, data\\.csv#1\\]");
  }

  /** The job program, in process on dfs-memory with our engines (the render runs it on HDFS with mr-hadoop). */
  @Test
  void aJobReadingFromTheStoreHasOneSplitPerBlockOnItsHostsAndTheOraclesCounts() throws Exception {
    try (DfsEngine store = GuideEngines.create("dfs-memory", DfsEngine.class);
         DistributedFileSystem fs = store.start(Ch03_HdfsOperations.cluster())) {
      Ch03_MapReduceOnHdfs.Outcome o = Ch03_MapReduceOnHdfs.run("dfs-memory", fs, GuideEngines.REFERENCE_IDS, NOWHERE);
      assertThat(o.blocks()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(o.linesAcrossBlocks()).isEqualTo(o.blocks().size() - 1);
      assertThat(o.runs()).extracting(Ch03_MapReduceOnHdfs.EngineRun::engine).containsExactlyElementsOf(GuideEngines.REFERENCE_IDS);
      for (Ch03_MapReduceOnHdfs.EngineRun run : o.runs()) {
        assertThat(run.counts()).as(run.engine()).isEqualTo(o.oracle());
        assertThat(run.splits()).hasSameSizeAs(o.blocks());
        for (int i = 0; i < o.blocks().size(); i++) {
          assertThat(run.splits().get(i).start()).isEqualTo(o.blocks().get(i).offset());
          assertThat(run.splits().get(i).hosts()).containsExactlyInAnyOrderElementsOf(o.blocks().get(i).nodes());
        }
      }
    }
  }

  @Test
  void replicasFollowTheRackRulesSurviveANodeLossAndAreRepairedToThree() throws Exception {
    List<String> ids = GuideEngines.available(Ch03_RackAwareness.ENGINES, System.out);
    int blocks = Ch03_RackAwareness.FILE_BYTES / 1024;
    for (String id : ids) {
      Ch03_RackAwareness.Outcome o = Ch03_RackAwareness.run(id, NOWHERE);
      assertThat(o.placements()).hasSize(blocks);
      for (Placement p : o.placements()) {
        assertThat(p.followsTheRules()).as("%s block %d %s", id, p.block(), p.replicas()).isTrue();
        assertThat(p.onWritersRack()).as("one replica on the writer's rack, not two").isEqualTo(1);
      }
      assertThat(o.stopped()).isNotEqualTo("dn1");
      assertThat(o.replicasAfterStop()).contains(2).allSatisfy(n -> assertThat(n).isBetween(2, 3));
      assertThat(o.readAfterStop()).isTrue();
      assertThat(o.replicasAfterCheck()).hasSize(blocks).containsOnly(3);
      assertThat(o.racksAfterCheck()).containsOnly(2);
      assertThat(o.stoppedNodeHoldsNothing()).isTrue();
      assertThat(o.readAfterCheck()).isTrue();
    }
    String out = GuideTesting.output(Ch03_RackAwareness::run);
    assertThat(out).doesNotContain("FAILED").contains("read the whole file: ok, bytes equal")
        .doesNotContain("2 of 3").contains("1 of 3")
        .containsPattern("one replication check: replicas per block \\[3(, 3){" + (blocks - 1) + "}\\]");
    // Off the cluster there is no local node: the first replicas are not all on one node.
    String offCluster = out.substring(out.indexOf("client off the cluster")).lines().findFirst().orElseThrow();
    List<String> firsts = java.util.Arrays.asList(offCluster.substring(offCluster.indexOf('[') + 1,
        offCluster.indexOf(']')).split(", "));
    assertThat(firsts).hasSize(blocks);
    assertThat(firsts.stream().distinct().count()).as("first replicas off the cluster: %s", firsts).isGreaterThan(1);
  }
}
