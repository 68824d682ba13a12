package org.bigdatalab.mapreduce.hadoop;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.junit.jupiter.api.Test;

/** What mr-hadoop refuses when its input is in a store that lives in this JVM (the suite checks what it reads). */
class DfsInputTest {

  @Test
  void aClusterCannotReadAStoreThatLivesInThisJvm() throws Exception {
    Path out = Files.createTempDirectory("mr-hadoop-dfs").resolve("out");
    try (DfsEngine store = EngineRegistry.load().create("dfs-memory", DfsEngine.class, EngineOptions.NONE);
         DistributedFileSystem fs = store.start(ClusterSpec.builder().rack("r1", "dn1").replication(1).build());
         HadoopMapReduce onYarn = new HadoopMapReduce(new EngineOptions(Map.of("mapreduce.framework.name", "yarn")))) {
      DfsPath input = new DfsPath("/in.txt");
      try (DfsOutput o = fs.create(input, false)) {
        o.write("a b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      assertThatThrownBy(() -> onYarn.run(WordCount.withCombiner(1), fs, List.of(input), out))
          .isInstanceOf(JobFailedException.class)
          .hasMessageContaining("lives in this JVM").hasMessageContaining("LocalJobRunner");
    } finally {
      Files.deleteIfExists(out.getParent());
    }
  }
}
