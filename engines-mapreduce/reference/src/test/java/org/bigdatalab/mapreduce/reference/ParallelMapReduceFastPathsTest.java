package org.bigdatalab.mapreduce.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.KeyComparator;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.Partitioner;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pinned examples for mr-parallel's fast paths whose mistakes the spec's generated cases would
 * not show (its words are short ASCII, and its failing mappers are not word count's declared
 * mapper, so they never reach the word table). Each was checked by making the mistake in the
 * engine and seeing the test fail (2026-12-07, on a version of the word table that was pooled
 * across tasks and later reverted; the examples hold for any word table):
 * <ul>
 *   <li>an attempt that failed midway leaves words in its word table, which the retry must not
 *       count again;</li>
 *   <li>words of a non-ASCII line, folded by the mapper, and the same words from a split's own
 *       table are spilled once each (also when the table's last flush stores its words without a
 *       lookup, which it may do only into an empty buffer: checked by letting it do so always); a
 *       table shared by the tasks spills after the map phase, so there such a word is spilled
 *       twice and summed by the reduce;</li>
 *   <li>a word of eight bytes and a longer word that starts with them are two keys, though the
 *       table keeps only the first eight bytes in the slot (checked 2026-12-07 by dropping the
 *       flag a longer word's key carries: the eight-byte word's count goes to a longer word);</li>
 *   <li>a word's partition comes from the string hash of all its bytes, not only the first eight
 *       the table keeps beside the count;</li>
 *   <li>without a combiner, keys that rarely repeat are stored without a lookup: equal keys held
 *       twice must still come out together, values in emission order;</li>
 *   <li>a split's word table, spilled by itself ({@link WordTableSpill}), sorts words whose
 *       leading bytes tie by their whole bytes (more than sixteen of them too), packs the
 *       partition above them for any number of reducers, writes a word longer than the spill's
 *       write buffer, and counts as the buffer's spill did. Checked 2026-12-07 by skipping the
 *       tie sort (all of it, and only that of groups over sixteen), by giving the partition one
 *       bit too few, and by dropping the way for a word longer than the write buffer: each fails
 *       the test. (A job that sorts words in another order must not take this way: the spec's
 *       sort and combiner clauses fail when it does.)</li>
 * </ul>
 */
class ParallelMapReduceFastPathsTest {
  @TempDir Path work;

  @Test
  void aRetriedMapAttemptDoesNotCountTheWordsItsFailedAttemptScanned() throws Exception {
    Path input = Files.writeString(work.resolve("in.txt"), "a b c\nboom\nc d\n");
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().combiner(WordCount.SUM).numReducers(1).maxAttempts(2).build();
    JobResult result;
    try (ParallelMapReduce engine = new CrashesOnceOnLine(64 << 10, work.resolve("spills"), "boom",
        "attempt 0 crashes after scanning a line")) {
      result = engine.run(job, List.of(input), work.resolve("out"));
    }
    assertThat(result.failedAttempts()).isEqualTo(1);
    assertThat(JobOutput.read(work.resolve("out"), job).get(0)).containsExactly(
        KeyValue.of("a", 1L), KeyValue.of("b", 1L), KeyValue.of("boom", 1L), KeyValue.of("c", 2L), KeyValue.of("d", 1L));
  }

  @Test
  void wordsOfANonAsciiLineAndOfTheTableAreSpilledOnceEach() throws Exception {
    // A 64 KB buffer: a table of 512 slots, full at 257 words. Shared, it fills up on the first
    // line, so the split is mapped again with a table of its own, which flushes 257 words into the
    // buffer and, at the end, the other 43 and the last line's into a buffer that holds words.
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      first.append('w').append(i).append(' ');
    }
    Path input = Files.writeString(work.resolve("in.txt"), first + "\n\u00E9t\u00E9 x\nx y\n");
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().combiner(WordCount.SUM).numReducers(1).build();
    JobResult result;
    try (ParallelMapReduce engine = new ParallelMapReduce(1, 64 << 10, work.resolve("spills"), 3);
        SequentialMapReduce oracle = new SequentialMapReduce()) {
      result = engine.run(job, List.of(input), work.resolve("out"));
      oracle.run(job, List.of(input), work.resolve("expected"));
    }
    assertThat(JobOutput.read(work.resolve("out"), job)).isEqualTo(JobOutput.read(work.resolve("expected"), job));
    assertThat(result.counters().get(TaskCounter.COMBINE_OUTPUT_RECORDS)).as("one spilled sum per word").isEqualTo(303);
    assertThat(result.counters().get(TaskCounter.REDUCE_INPUT_RECORDS)).isEqualTo(303);
  }

  @Test
  void aSharedTablesWordsAndTheSameWordsOfANonAsciiLineAddUp() throws Exception {
    Path input = Files.writeString(work.resolve("in.txt"), "\u00E9t\u00E9 x\nx y\n");
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().combiner(WordCount.SUM).numReducers(1).build();
    JobResult result;
    try (ParallelMapReduce engine = new ParallelMapReduce(1, 64 << 10, work.resolve("spills"), 3)) {
      result = engine.run(job, List.of(input), work.resolve("out"));
    }
    assertThat(JobOutput.read(work.resolve("out"), job).get(0)).containsExactly(
        KeyValue.of("x", 2L), KeyValue.of("y", 1L), KeyValue.of("\u00E9t\u00E9", 1L));
    assertThat(result.counters().get(TaskCounter.COMBINE_OUTPUT_RECORDS)).as("x in the task's run and in the table's").isEqualTo(4);
    assertThat(result.counters().get(TaskCounter.REDUCE_INPUT_RECORDS)).isEqualTo(4);
  }

  @Test
  void longWordsGoToThePartitionOfTheirWholeString() throws Exception {
    List<String> words = List.of("internationalization", "internationalizations", "counterrevolutionaries",
        "counterrevolutionary", "abcdefgh1", "abcdefgh2", "abcdefgh3", "abcdefghij", "a", "zz", "word9", "x1y2z3w4v5");
    Path input = Files.writeString(work.resolve("in.txt"), String.join(" ", words) + "\n");
    int reducers = 3;
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().combiner(WordCount.SUM).numReducers(reducers).build();
    try (ParallelMapReduce engine = new ParallelMapReduce(2, 64 << 10, work.resolve("spills"), 3)) {
      engine.run(job, List.of(input), work.resolve("out"));
    }
    List<List<KeyValue<String, Long>>> parts = JobOutput.read(work.resolve("out"), job);
    int seen = 0;
    for (int p = 0; p < reducers; p++) {
      for (KeyValue<String, Long> kv : parts.get(p)) {
        assertThat(Partitioner.hash().partition(kv.key(), reducers)).as("partition of " + kv.key()).isEqualTo(p);
        seen++;
      }
    }
    assertThat(seen).isEqualTo(words.size());
  }

  @Test
  void aWordOfEightBytesIsNotALongerWordThatStartsWithThem() throws Exception {
    // The table keys a word by its first eight bytes, flagged when the word is longer: 250 long
    // words that start with "abcdefgh" fill half the table first, so the lookups of "abcdefgh"
    // itself meet some of them on their way to its own slot.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 250; i++) {
      text.append("abcdefgh").append(i).append(i % 2 == 0 ? ' ' : '\n');
    }
    text.append("abcdefgh ABCDEFGH abcdefgh7\nabcdefgh\n");
    Path input = Files.writeString(work.resolve("in.txt"), text);
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().combiner(WordCount.SUM).numReducers(1).build();
    try (ParallelMapReduce engine = new ParallelMapReduce(1, 64 << 10, work.resolve("spills"), 3);
        SequentialMapReduce oracle = new SequentialMapReduce()) {
      engine.run(job, List.of(input), work.resolve("out"));
      oracle.run(job, List.of(input), work.resolve("expected"));
    }
    assertThat(JobOutput.read(work.resolve("out"), job)).isEqualTo(JobOutput.read(work.resolve("expected"), job));
  }

  @ParameterizedTest(name = "{0} reducers")
  @ValueSource(ints = {1, 3, 5})
  void theTablesOwnSpillSortsWordsAsTheOracleDoes(int reducers) throws Exception {
    List<String> words = new ArrayList<>(List.of("abcdefgh", "abcdefgh1", "abcdefgh2", "abcdefghij", "abcdefgz", "abcdefg",
        "abcdef", "abcdefga2", "abcdefgh10", "the", "a", "zz", "0", "9lives", "x".repeat(20_000) + "y", "x".repeat(20_000)));
    for (int i = 0; i < 60; i++) {
      words.add("sharedprefix" + (i * 37 % 60)); // more than sixteen words tie on their leading bytes
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      text.append(words.get(i)).append(' ').append(words.get((i * 7) % words.size()).toUpperCase()).append('\n');
    }
    Path input = Files.writeString(work.resolve("in.txt"), text);
    MapReduceJob<String, Long, String, Long> job = WordCount.builder().combiner(WordCount.SUM).numReducers(reducers).build();
    JobResult actual;
    JobResult expected;
    try (ParallelMapReduce engine = new ParallelMapReduce(2, 64 << 10, work.resolve("spills"), 3); // a 16 KB write buffer
        SequentialMapReduce oracle = new SequentialMapReduce()) {
      actual = engine.run(job, List.of(input), work.resolve("out"));
      expected = oracle.run(job, List.of(input), work.resolve("expected"));
    }
    for (int p = 0; p < reducers; p++) {
      String part = JobOutput.partName(p);
      assertThat(Files.readString(work.resolve("out").resolve(part)))
          .as(part).isEqualTo(Files.readString(work.resolve("expected").resolve(part)));
    }
    for (TaskCounter c : TaskCounter.values()) {
      if (c != TaskCounter.SPILLED_RECORDS) { // the oracle spills nothing
        assertThat(actual.counters().get(c)).as(c.name()).isEqualTo(expected.counters().get(c));
      }
    }
    assertThat(actual.counters().get(TaskCounter.SPILLED_RECORDS)).as("one spill of one sum per word")
        .isEqualTo(actual.counters().get(TaskCounter.COMBINE_OUTPUT_RECORDS));
  }

  @ParameterizedTest(name = "reverse order {0}")
  @ValueSource(booleans = {false, true})
  void keysStoredWithoutALookupStillComeOutGroupedInEmissionOrder(boolean reverse) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) { // distinct keys first: the buffer stops looking keys up
      text.append(String.format("k%04d,%d%n", i, i));
    }
    for (int i = 0; i < 3000; i++) { // then every key again, some three times, spread over spills
      text.append(String.format("k%04d,%d%n", (i * 7) % 3000, 10_000 + i));
      if (i % 5 == 0) {
        text.append(String.format("k%04d,%d%n", i, 20_000 + i));
      }
    }
    Path input = Files.writeString(work.resolve("in.txt"), text);
    MapReduceJob<String, String, String, String> job = MapReduceJob.<String, String, String, String>builder("join-values")
        .mapper((offset, line, out) -> {
          int comma = line.indexOf(',');
          out.emit(line.substring(0, comma), line.substring(comma + 1));
        })
        .reducer((key, values, out) -> {
          List<String> all = new ArrayList<>();
          values.forEach(all::add);
          out.emit(key, String.join(";", all));
        })
        .sortComparator(reverse ? KeyComparator.reversed(KeyComparator.<String>natural()) : KeyComparator.natural())
        .mapOutput(Codecs.STRING, Codecs.STRING)
        .output(Codecs.STRING, Codecs.STRING)
        .numReducers(2)
        .maxSplitBytes(40_000)
        .build();
    try (ParallelMapReduce engine = new ParallelMapReduce(2, 256 << 10, work.resolve("spills"), 3);
        SequentialMapReduce oracle = new SequentialMapReduce()) {
      engine.run(job, List.of(input), work.resolve("out"));
      oracle.run(job, List.of(input), work.resolve("expected"));
    }
    assertThat(JobOutput.read(work.resolve("out"), job)).isEqualTo(JobOutput.read(work.resolve("expected"), job));
  }
}
