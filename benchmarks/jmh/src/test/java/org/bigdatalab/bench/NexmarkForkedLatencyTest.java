package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigdatalab.spi.fork.EngineJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

/**
 * B08 on the real engines: Flink (which serializes the job's functions) and Kafka Streams, each in
 * the JVM of its module's class path, report latency beside a reference engine. Needs the modules
 * of both engines built; skipped otherwise. No speed is asserted.
 */
class NexmarkForkedLatencyTest {
  /** In-process in each JVM, one measured run, the windowed count from typed events only. */
  private static final BenchRunner.Plan ONCE = new BenchRunner.Plan(0, 0, 0, 1, 1, Mode.SingleShotTime,
      Map.of("query", List.of("COUNT"), "latency", List.of("COUNT"), "source", List.of("typed")));
  private static final Path ROOT = checkout();

  @BeforeAll
  static void allowAnotherJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  @Test
  void everyNamedEngineReportsLatencyFlinkAndKafkaStreamsFromTheirOwnJvms() {
    List<EngineJvm.Module> built = EngineJvm.modules(ROOT);
    for (String engine : List.of("flink", "kafka-streams")) {
      assumeTrue(built.stream().anyMatch(m -> m.holds(engine)), "skipped: no module holding " + engine + " is built under " + ROOT);
    }
    List<String> progress = new ArrayList<>();
    // 150K events span 15 s of event time: the first 10 s windows fire on a watermark, not only at the end
    NexmarkWorkload.Report report = NexmarkWorkload.run(List.of("stream-sequential", "flink", "kafka-streams"), "150K", progress::add,
        ONCE, ROOT);

    assertThat(report.rows()).filteredOn(r -> r.engine().contains("/count/")).extracting(BenchResult::engine)
        .containsExactlyInAnyOrder("stream-sequential/count/typed", "flink/count/typed", "kafka-streams/count/typed");
    assertThat(report.rows()).filteredOn(r -> r.engine().contains("/count/")).allSatisfy(r -> {
      assertThat(r.p50Ms()).as(r.engine() + " p50").isNotNull();
      assertThat(r.p99Ms()).as(r.engine() + " p99").isNotNull().isGreaterThanOrEqualTo(r.p50Ms());
    });
    assertThat(report.latencies()).extracting(NexmarkWorkload.Latency::engine)
        .containsExactlyInAnyOrder("stream-sequential", "flink", "kafka-streams");
    assertThat(report.latencies()).allSatisfy(l -> {
      assertThat(l.count()).as(l.engine() + " results timed").isPositive();
      assertThat(l.runs()).isEqualTo(1);
      assertThat(l.p50()).isLessThanOrEqualTo(l.p99());
    });
  }

  private static Path checkout() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir.getParent() != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
