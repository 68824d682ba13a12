package org.bigdatalab.mapreduce.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pinned examples for the word table a sort buffer's map tasks share within a job
 * ({@link WordScan#begin}): the spec's failing mappers are not word count's declared mapper, so
 * they never reach the table, and its tables never hold one task's words while another fails.
 * One engine thread, one file per split, so the tasks run in order on one table. Each was checked
 * by making the mistake in the engine and seeing the test fail (2026-12-07):
 * <ul>
 *   <li>a failed attempt's additions are taken back, and only those: checked with the rollback
 *       left out (the retry counts the failed attempt's words again) and with the touched slots set
 *       to 0 instead of their counts from before (the earlier task's counts of the same words are
 *       lost);</li>
 *   <li>a shared table that fills up is rolled back, spilled with the earlier tasks' words only,
 *       and the split is mapped again with a table of its own: checked with the rollback before
 *       {@link WordScan.TableFull} left out (the words the attempt counted before the table filled
 *       up are counted twice).</li>
 * </ul>
 */
class ParallelMapReduceSharedWordTableTest {
  @TempDir Path work;

  private static final MapReduceJob<String, Long, String, Long> JOB =
      WordCount.builder().combiner(WordCount.SUM).numReducers(2).maxAttempts(2).build();

  @Test
  void aFailedAttemptTakesBackOnlyWhatItAddedToTheSharedTable() throws Exception {
    List<Path> inputs = List.of(
        words("first.txt", 0, 300, ""),
        // words the first task counted, then 700 new ones (the table grows from 1 K slots during the
        // failed attempt), then the line that fails it, then more
        words("second.txt", 100, 1000, "boom\nw0 w150 w999 boom\n"));
    JobResult result;
    try (ParallelMapReduce engine = new CrashesOnceOnLine(1 << 20, work.resolve("spills"), "boom",
        "the second task's attempt 0 crashes after scanning 900 lines")) {
      result = engine.run(JOB, inputs, work.resolve("out"));
    }
    assertThat(result.failedAttempts()).isEqualTo(1);
    assertSameAsTheOracle(inputs, result);
  }

  @Test
  void aSharedTableThatFillsUpIsSpilledAndTheSplitMappedAgainWithATableOfItsOwn() throws Exception {
    // A 4 KB buffer: a table of 32 slots, full at 17 words. The first task leaves 10 words; the
    // second fills the table up after 7 new ones; the third has a table of its own from the start.
    List<Path> inputs = List.of(
        words("first.txt", 0, 10, ""),
        words("second.txt", 5, 40, ""),
        words("third.txt", 30, 60, "w0 w1\n"));
    JobResult result;
    try (ParallelMapReduce engine = new ParallelMapReduce(1, 4 << 10, work.resolve("spills"), 3)) {
      result = engine.run(JOB, inputs, work.resolve("out"));
    }
    assertThat(result.failedAttempts()).as("mapping a split again is no failed attempt").isZero();
    assertSameAsTheOracle(inputs, result);
  }

  /** A file with one line per word {@code w<from>} .. {@code w<to - 1>}, each twice, then {@code tail}. */
  private Path words(String name, int from, int to, String tail) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      text.append('w').append(i).append(" W").append(i).append('\n');
    }
    return Files.writeString(work.resolve(name), text + tail);
  }

  private void assertSameAsTheOracle(List<Path> inputs, JobResult actual) throws Exception {
    JobResult expected;
    try (SequentialMapReduce oracle = new SequentialMapReduce()) {
      expected = oracle.run(JOB, inputs, work.resolve("expected"));
    }
    assertThat(JobOutput.read(work.resolve("out"), JOB)).isEqualTo(JobOutput.read(work.resolve("expected"), JOB));
    for (TaskCounter c : List.of(TaskCounter.MAP_INPUT_RECORDS, TaskCounter.MAP_OUTPUT_RECORDS,
        TaskCounter.REDUCE_INPUT_GROUPS, TaskCounter.REDUCE_OUTPUT_RECORDS)) {
      assertThat(actual.counters().get(c)).as(c.name()).isEqualTo(expected.counters().get(c));
    }
    assertThat(actual.counters().get(TaskCounter.REDUCE_INPUT_RECORDS)).as("reduce input = map output - combine input + combine output")
        .isEqualTo(actual.counters().get(TaskCounter.MAP_OUTPUT_RECORDS) - actual.counters().get(TaskCounter.COMBINE_INPUT_RECORDS)
            + actual.counters().get(TaskCounter.COMBINE_OUTPUT_RECORDS));
  }
}
