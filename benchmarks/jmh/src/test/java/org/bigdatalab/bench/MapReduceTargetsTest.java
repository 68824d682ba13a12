package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Word count's target reads per thread; TeraSort's reads the whole job (issue 15's two measures). */
class MapReduceTargetsTest {
  private static BenchResult row(String workload, String engine, double ratio) {
    return new BenchResult(workload, engine, "1GB", 2, "MB/s", 100, BenchRunner.BASELINE, ratio, null, null, null, null,
        null, null, null, null);
  }

  @Test
  void wordCountIsHeldToHalfTheLoopPerThread() {
    // 0.8 of the loop on 2 threads is 0.4 per thread: under the target
    List<String> lines = new WordCountWorkload().targets(List.of(row("wordcount", "mr-parallel", 0.8)));
    assertThat(lines).singleElement().asString().contains("per thread 0.400 ").contains("target >= 0.50): NOT met");
  }

  @Test
  void teraSortIsHeldToHalfTheOneCoreSortForTheWholeJob() {
    List<String> lines = new TeraSortWorkload().targets(List.of(row("terasort", "mr-parallel", 0.8)));
    assertThat(lines).singleElement().asString().contains("0.800 of the one-core hand-written sort, 0.400 per thread")
        .endsWith("for the whole job): met");
  }
}
