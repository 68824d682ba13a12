package org.bigdatalab.mapreduce.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bigdatalab.mapreduce.Counters;
import org.bigdatalab.mapreduce.JobFailedException;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.mapreduce.jobs.Words;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mr-parallel} on an input many times its sort buffer: 1 MB of text over a 5000-word
 * vocabulary (so the combiner cannot fold a spill down to nothing) against a 64 KB buffer. The
 * job must spill many times, merge the spills, and still give exactly what {@code mr-sequential}
 * gives. What this does not prove: the heap actually stayed small (no timing or memory
 * assertions here); it proves the spill and merge paths are taken and are correct.
 */
class ParallelMapReduceMemoryTest {
  private static final long SORT_BUFFER = 64 << 10;
  private static final int INPUT_BYTES = 1 << 20;

  @TempDir static Path shared;
  @TempDir Path work;

  private static List<Path> inputs;

  @BeforeAll
  static void writeInput() throws IOException {
    Random random = new Random(20240611L);
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      StringBuilder w = new StringBuilder();
      int length = 3 + random.nextInt(8);
      for (int c = 0; c < length; c++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      vocabulary.add(w.toString());
    }
    inputs = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      StringBuilder text = new StringBuilder(INPUT_BYTES / 2 + 200);
      while (text.length() < INPUT_BYTES / 2) {
        int words = 1 + random.nextInt(14);
        for (int i = 0; i < words; i++) {
          // a skewed pick: low indexes often, the long tail now and then
          int index = (int) (vocabulary.size() * Math.pow(random.nextDouble(), 2));
          text.append(i == 0 ? "" : random.nextInt(5) == 0 ? ", " : " ").append(vocabulary.get(index));
        }
        text.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
      }
      inputs.add(Files.writeString(shared.resolve("text-" + f + ".txt"), text, StandardCharsets.UTF_8));
    }
  }

  @Test
  void wordCountWithCombiner_spillsManyTimes_andEqualsSequential() throws Exception {
    MapReduceJob<String, Long, String, Long> job = WordCount.withCombiner(3).toBuilder().maxSplitBytes(200_000).build();
    Path spills = Files.createDirectories(work.resolve("spills"));
    try (ParallelMapReduce engine = new ParallelMapReduce(2, SORT_BUFFER, spills)) {
      JobResult result = engine.run(job, inputs, work.resolve("parallel"));
      JobResult expected = new SequentialMapReduce().run(job, inputs, work.resolve("sequential"));

      assertThat(JobOutput.read(work.resolve("parallel"), job)).isEqualTo(JobOutput.read(work.resolve("sequential"), job));
      Counters c = result.counters();
      assertSameAsSequential(c, expected.counters());
      int splits = InputSplit.plan(inputs, job.maxSplitBytes()).size();
      assertThat(engine.spillCount()).as("sort buffer spills over %d map tasks", splits).isGreaterThan(2L * splits);
      assertThat(c.get(TaskCounter.SPILLED_RECORDS)).isGreaterThanOrEqualTo(c.get(TaskCounter.REDUCE_INPUT_RECORDS));
      assertThat(c.get(TaskCounter.REDUCE_INPUT_RECORDS)).isPositive();
      assertThat(c.get(TaskCounter.COMBINE_OUTPUT_RECORDS)).isLessThan(c.get(TaskCounter.COMBINE_INPUT_RECORDS));
      assertThat(spills).as("spill directory after the job").isEmptyDirectory();
    }
  }

  @Test
  void wordCountWithoutCombiner_spillsEveryRecord_andEqualsSequential() throws Exception {
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().numReducers(2).maxSplitBytes(300_000).build();
    try (ParallelMapReduce engine = new ParallelMapReduce(2, SORT_BUFFER, work.resolve("spills"))) {
      JobResult result = engine.run(job, inputs, work.resolve("parallel"));
      JobResult expected = new SequentialMapReduce().run(job, inputs, work.resolve("sequential"));

      assertThat(JobOutput.read(work.resolve("parallel"), job)).isEqualTo(JobOutput.read(work.resolve("sequential"), job));
      assertSameAsSequential(result.counters(), expected.counters());
      assertThat(engine.spillCount()).isGreaterThan(1);
      assertThat(result.counters().get(TaskCounter.SPILLED_RECORDS))
          .as("every map output record is spilled at least once")
          .isGreaterThan(result.counters().get(TaskCounter.MAP_OUTPUT_RECORDS));
    }
  }

  /** A merge factor of 3 forces several merge passes, on the map side and the reduce side. */
  @Test
  void manyMergePasses_giveTheSameResult() throws Exception {
    MapReduceJob<String, Long, String, Long> job = WordCount.withCombiner(2).toBuilder().maxSplitBytes(100_000).build();
    try (ParallelMapReduce engine = new ParallelMapReduce(2, 32 << 10, work.resolve("spills"), 3)) {
      engine.run(job, inputs, work.resolve("parallel"));
      new SequentialMapReduce().run(job, inputs, work.resolve("sequential"));
      assertThat(JobOutput.read(work.resolve("parallel"), job)).isEqualTo(JobOutput.read(work.resolve("sequential"), job));
    }
  }

  /** Keys and values far larger than the whole buffer are held alone, spilled, and come out intact. */
  @Test
  void recordsLargerThanTheBuffer_comeOutIntact() throws Exception {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      int length = i % 4 == 0 ? 20_000 + random.nextInt(30_000) : random.nextInt(50);
      for (int c = 0; c < length; c++) {
        text.append((char) ('a' + random.nextInt(3)));
      }
      text.append('\n');
    }
    Path input = Files.writeString(work.resolve("long-lines.txt"), text);
    MapReduceJob<String, String, String, String> job = MapReduceJob.<String, String, String, String>builder("long-lines")
        .mapper((offset, line, out) -> {
          out.emit(line, line);
          out.emit(line.substring(0, Math.min(2, line.length())), line);
        })
        .reducer((key, values, out) -> {
          long n = 0;
          long chars = 0;
          for (String v : values) {
            n++;
            chars += v.length();
          }
          out.emit(key, n + ":" + chars);
        })
        .mapOutput(org.bigdatalab.spi.Codecs.STRING, org.bigdatalab.spi.Codecs.STRING)
        .output(org.bigdatalab.spi.Codecs.STRING, org.bigdatalab.spi.Codecs.STRING)
        .numReducers(2).maxSplitBytes(100_000).build();
    try (ParallelMapReduce engine = new ParallelMapReduce(2, 4 << 10, work.resolve("spills"))) {
      engine.run(job, List.of(input), work.resolve("parallel"));
      new SequentialMapReduce().run(job, List.of(input), work.resolve("sequential"));
      assertThat(JobOutput.read(work.resolve("parallel"), job)).isEqualTo(JobOutput.read(work.resolve("sequential"), job));
      assertThat(engine.spillCount()).isGreaterThan(10);
    }
  }

  /** A map attempt that spilled before it crashed is retried; none of its spills reach the output. */
  @Test
  void failedAttemptAfterSpills_isInvisible_andSpillsAreDeleted() throws Exception {
    MapReduceJob<String, Long, String, Long> plain = WordCount.withCombiner(2);
    MapReduceJob<String, Long, String, Long> flaky = plain.toBuilder().maxAttempts(2)
        .mapper((offset, line, out) -> {
          Words.forEach(line, w -> out.emit(w, 1L));
          if (out.task().attempt() == 0 && offset > 400_000) {
            throw new IllegalStateException("attempt 0 crashes after spilling");
          }
        }).build();
    Path spills = Files.createDirectories(work.resolve("spills"));
    try (ParallelMapReduce engine = new ParallelMapReduce(2, SORT_BUFFER, spills)) {
      JobResult result = engine.run(flaky, inputs, work.resolve("parallel"));
      JobResult expected = new SequentialMapReduce().run(plain, inputs, work.resolve("sequential"));

      assertThat(JobOutput.read(work.resolve("parallel"), plain)).isEqualTo(JobOutput.read(work.resolve("sequential"), plain));
      assertThat(result.failedAttempts()).isEqualTo(2);
      assertSameAsSequential(result.counters(), expected.counters());
      assertThat(spills).isEmptyDirectory();
    }
  }

  /** A failed job leaves no output and no spill file behind. */
  @Test
  void failedJob_leavesNoSpills() throws Exception {
    MapReduceJob<String, Long, String, Long> job = WordCount.withCombiner(2).toBuilder()
        .reducer((word, counts, out) -> {
          throw new IllegalStateException("reducer down");
        }).build();
    Path spills = Files.createDirectories(work.resolve("spills"));
    try (ParallelMapReduce engine = new ParallelMapReduce(2, SORT_BUFFER, spills)) {
      assertThatThrownBy(() -> engine.run(job, inputs, work.resolve("out")))
          .isInstanceOf(JobFailedException.class).hasRootCauseMessage("reducer down");
      assertThat(work.resolve("out")).doesNotExist();
      assertThat(spills).isEmptyDirectory();
      try (Stream<Path> left = Files.list(work)) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactly("spills");
      }
    }
  }

  /** The provider reads its options, and ServiceLoader finds it. */
  @Test
  void provider_readsOptions() {
    var options = org.bigdatalab.spi.EngineOptions.parse(List.of("threads=3", "sort.buffer=128k", "merge.factor=5"));
    try (ParallelMapReduce engine = (ParallelMapReduce) new ParallelMapReduceProvider().create(options)) {
      assertThat(engine.threads()).isEqualTo(3);
      assertThat(engine.sortBufferBytes()).isEqualTo(128 << 10);
      assertThat(engine.mergeFactor()).isEqualTo(5);
      assertThat(engine.info().id()).isEqualTo("mr-parallel");
    }
    assertThat(org.bigdatalab.spi.EngineRegistry.load().find("mr-parallel")).isPresent();
  }

  private static void assertSameAsSequential(Counters actual, Counters sequential) {
    for (TaskCounter c : List.of(TaskCounter.MAP_INPUT_RECORDS, TaskCounter.MAP_OUTPUT_RECORDS,
        TaskCounter.MAP_SKIPPED_RECORDS, TaskCounter.REDUCE_INPUT_GROUPS, TaskCounter.REDUCE_OUTPUT_RECORDS)) {
      assertThat(actual.get(c)).as(c.name()).isEqualTo(sequential.get(c));
    }
    assertThat(actual.get(TaskCounter.REDUCE_INPUT_RECORDS)).isEqualTo(actual.get(TaskCounter.MAP_OUTPUT_RECORDS)
        - actual.get(TaskCounter.COMBINE_INPUT_RECORDS) + actual.get(TaskCounter.COMBINE_OUTPUT_RECORDS));
  }
}
