package org.bigdatalab.mapreduce.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceClauses;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the spec cannot see: registration, configuration, task identities, and why retries are off. */
class HadoopMapReduceTest {
  private static HadoopMapReduce engine;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    engine = new HadoopMapReduce();
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
  }

  @Test
  void registeredAsARealEngine() throws Exception {
    EngineInfo info = EngineRegistry.load().provider(HadoopMapReduce.ID).info();
    assertThat(info.kind()).isEqualTo(EngineInfo.Kind.REAL);
    assertThat(info.description()).startsWith("Hadoop 3.");
    assertThat(info.displayName()).isEqualTo("Apache Hadoop MapReduce (LocalJobRunner)");
    assertThat(info.supports(MapReduceClauses.RETRY_FAILED_ATTEMPT_INVISIBLE)).isFalse();
    try (var created = EngineRegistry.load().create(HadoopMapReduce.ID, HadoopMapReduce.class, EngineOptions.NONE)) {
      assertThat(created.info()).isEqualTo(info);
    }
  }

  @Test
  void defaultsRunLocallyInAPrivateTempDir() throws Exception {
    Path tmp;
    try (HadoopMapReduce local = new HadoopMapReduce()) {
      Configuration conf = local.configuration();
      assertThat(conf.get("mapreduce.framework.name")).isEqualTo("local");
      assertThat(conf.get("fs.defaultFS")).isEqualTo("file:///");
      assertThat(conf.getInt("mapreduce.client.completion.pollinterval", 0)).isEqualTo(50);
      tmp = Path.of(conf.get("hadoop.tmp.dir"));
      assertThat(tmp).isDirectory();
      assertThat(conf.get("mapreduce.jobtracker.staging.root.dir")).startsWith(tmp.toString());
      assertThat(conf.get("mapreduce.jobtracker.system.dir")).startsWith(tmp.toString());
      assertThat(conf.get("mapreduce.cluster.local.dir")).startsWith(tmp.toString());
    }
    assertThat(tmp).as("hadoop.tmp.dir after close()").doesNotExist();
  }

  @Test
  void everyOptionReachesHadoopsConfiguration() throws Exception {
    Map<String, String> cluster = Map.of("mapreduce.framework.name", "yarn", "fs.defaultFS", "hdfs://nn.example:8020",
        "yarn.resourcemanager.address", "rm.example:8032", "mapreduce.client.completion.pollinterval", "500");
    try (HadoopMapReduce onCluster = new HadoopMapReduce(new EngineOptions(cluster))) {
      Configuration conf = onCluster.configuration();
      cluster.forEach((k, v) -> assertThat(conf.get(k)).as(k).isEqualTo(v));
      assertThat(onCluster.info().supports(MapReduceClauses.RETRY_FAILED_ATTEMPT_INVISIBLE))
          .as("YARN retries failed attempts, so the clause is checked there").isTrue();
      assertThat(HadoopMapReduce.hadoopPath(Path.of("/data/in.txt"), conf).toString()).isEqualTo("/data/in.txt");
    }
  }

  @Test
  void sortBufferFitsTheSplits() {
    assertThat(HadoopMapReduce.sortBufferMb(16)).isEqualTo(1);
    assertThat(HadoopMapReduce.sortBufferMb(1 << 20)).isEqualTo(4);
    assertThat(HadoopMapReduce.sortBufferMb(MapReduceJob.DEFAULT_MAX_SPLIT_BYTES)).isEqualTo(100);
  }

  /** Map tasks are m-NNNNN and see their file; reduce tasks are r-NNNNN and see none. */
  @Test
  void functionsSeeHadoopsTaskIdentity() throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "one\ntwo\n");
    Path b = Files.writeString(dir.resolve("b.txt"), "three\n");
    MapReduceJob<String, String, String, String> job = MapReduceJob.<String, String, String, String>builder("who")
        .mapper((offset, line, out) -> out.emit(line, out.task().taskId() + "/" + out.task().attempt() + "/" + out.task().inputFile()))
        .reducer((line, maps, out) -> {
          for (String m : maps) {
            out.emit(line, m + " " + out.task().taskId() + "/" + out.task().attempt() + "/" + out.task().inputFile());
          }
        })
        .mapOutput(Codecs.STRING, Codecs.STRING).output(Codecs.STRING, Codecs.STRING)
        .partitioner((k, n) -> k.equals("three") ? 1 : 0).numReducers(2).build();
    engine.run(job, List.of(a, b), dir.resolve("out"));
    List<KeyValue<String, String>> all = new ArrayList<>();
    JobOutput.read(dir.resolve("out"), job).forEach(all::addAll);
    assertThat(all).extracting(KeyValue::value).allMatch(v -> v.matches("m-0000[01]/0/[ab]\\.txt r-0000[01]/0/"));
    assertThat(all).contains(KeyValue.of("three", "m-00001/0/b.txt r-00001/0/"));
  }

  /**
   * The reason {@code mapreduce.retry.failed-attempt-invisible} is declared unsupported: with three
   * attempts allowed, LocalJobRunner still runs attempt 0 only and fails the job. If Hadoop ever
   * retries locally, this test fails: then drop the declaration and let the spec check the clause.
   */
  @Test
  void localJobRunnerDoesNotRetryFailedAttempts() throws Exception {
    Path in = Files.writeString(dir.resolve("in.txt"), "a b\n");
    MapReduceJob<String, Long, String, Long> flaky = WordCount.builder().maxAttempts(3)
        .mapper((offset, line, out) -> {
          if (out.task().attempt() == 0) {
            throw new IllegalStateException("attempt 0 fails");
          }
          out.emit(line, 1L);
        }).build();
    Throwable thrown = catchThrowable(() -> engine.run(flaky, List.of(in), dir.resolve("out")));
    assertThat(thrown).isInstanceOf(JobFailedException.class).hasRootCauseMessage("attempt 0 fails")
        .hasMessageContaining("m-00000");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  /** A checked exception with a cause comes back as the whole chain, class names and messages kept. */
  @Test
  void failuresComeBackWithTheirCauseChain() throws Exception {
    Path in = Files.writeString(dir.resolve("in.txt"), "a b\n");
    MapReduceJob<String, Long, String, Long> job = WordCount.builder()
        .reducer((word, counts, out) -> {
          throw new Exception("outer " + word, new IllegalArgumentException("inner " + word));
        }).build();
    Throwable thrown = catchThrowable(() -> engine.run(job, List.of(in), dir.resolve("out")));
    assertThat(thrown).isInstanceOf(JobFailedException.class).hasMessageContaining("r-00000")
        .hasRootCauseMessage("inner a").hasRootCauseInstanceOf(RemoteTaskException.class);
    Throwable root = thrown;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertThat(((RemoteTaskException) root).className()).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(root.getStackTrace()).isNotEmpty();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  /** Hadoop streams a group's values once; a second walk is an error, not silently empty. */
  @Test
  void valuesCanBeWalkedOnce() throws Exception {
    Path in = Files.writeString(dir.resolve("in.txt"), "a a\n");
    MapReduceJob<String, Long, String, Long> twice = WordCount.builder()
        .reducer((word, counts, out) -> {
          counts.forEach(c -> { });
          counts.forEach(c -> { });
        }).build();
    assertThat(catchThrowable(() -> engine.run(twice, List.of(in), dir.resolve("out"))))
        .hasRootCauseMessage("the values of a reduce call can be iterated only once: Hadoop streams them"
            + " from the merged map output; copy them into a list to walk them twice");
  }
}
