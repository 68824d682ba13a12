package org.bigdatalab.mapreduce.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bigdatalab.mapreduce.IdentityReducer;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.JobResult;
import org.bigdatalab.mapreduce.LongSumReducer;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.TaskCounter;
import org.bigdatalab.spi.Codecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pinned examples for mr-parallel's reduce on bytes ({@link BytesReduce}), whose mistakes the
 * spec's generated cases would not show (word count's words never hold a tab or a backslash, and
 * the spec's other jobs have reducers of their own). Each output file must equal the oracle's byte
 * for byte, and the reduce counters must be the oracle's. Checked by making each mistake in the
 * engine and seeing both tests fail (2026-12-07): key bytes copied without escaping, and groups
 * told apart by their first eight bytes only.
 */
class ParallelMapReduceBytesReduceTest {
  @TempDir Path work;

  /** Lines {@code key|value}, the key in {@code Codecs.STRING}'s text form (so it can hold a tab or a line break). */
  private static final String INPUT = String.join("\n",
      "tab\\there|1", "back\\\\slash|2", "line\\nbreak|3", "carriage\\rreturn|4", "\u00E9t\u00E9|5",
      "\uD83D\uDE00 smile|6", "\uE000 private|7", "|8", "abcdefgh1|9", "abcdefgh2|10",
      "tab\\there|-11", "big|9223372036854775807", "big|1", "min|-9223372036854775808",
      "\u00E9t\u00E9|12", "abcdefgh1|13", "|14", "back\\\\slash|15", "z|0",
      "abcdefghi|16") + "\n"; // abcdefgh1 and abcdefghi share 8 bytes and a partition of 2

  @Test
  void sumsEqualTheOraclesByteForByte() throws Exception {
    MapReduceJob<String, Long, String, Long> job = MapReduceJob.<String, Long, String, Long>builder("sum-escaped")
        .mapper((offset, line, out) -> {
          int bar = line.lastIndexOf('|');
          out.emit(Codecs.STRING.fromText(line.substring(0, bar)), Long.parseLong(line.substring(bar + 1)));
        })
        .reducer(new LongSumReducer<>())
        .mapOutput(Codecs.STRING, Codecs.LONG)
        .output(Codecs.STRING, Codecs.LONG)
        .numReducers(2)
        .maxSplitBytes(64)
        .build();
    assertThat(BytesReduce.of(job)).isEqualTo(BytesReduce.Kind.SUM);
    assertSameAsOracle(job);
  }

  @Test
  void identityEqualsTheOraclesByteForByte() throws Exception {
    MapReduceJob<String, String, String, String> job = MapReduceJob.<String, String, String, String>builder("identity-escaped")
        .mapper((offset, line, out) -> {
          int bar = line.lastIndexOf('|');
          String key = Codecs.STRING.fromText(line.substring(0, bar));
          out.emit(key, line.substring(bar + 1) + "\t" + key + "\\"); // values with escaped bytes too
        })
        .reducer(new IdentityReducer<>())
        .mapOutput(Codecs.STRING, Codecs.STRING)
        .output(Codecs.STRING, Codecs.STRING)
        .numReducers(2)
        .maxSplitBytes(64)
        .build();
    assertThat(BytesReduce.of(job)).isEqualTo(BytesReduce.Kind.IDENTITY);
    assertSameAsOracle(job);
  }

  private void assertSameAsOracle(MapReduceJob<?, ?, ?, ?> job) throws Exception {
    Path input = Files.writeString(work.resolve("in.txt"), INPUT);
    JobResult actual;
    JobResult expected;
    try (ParallelMapReduce engine = new ParallelMapReduce(2, 64 << 10, work.resolve("spills"), 3);
        SequentialMapReduce oracle = new SequentialMapReduce()) {
      actual = engine.run(job, List.of(input), work.resolve("out"));
      expected = oracle.run(job, List.of(input), work.resolve("expected"));
    }
    for (int p = 0; p < job.numReducers(); p++) {
      String part = JobOutput.partName(p);
      assertThat(Files.readString(work.resolve("out").resolve(part)))
          .as(part).isEqualTo(Files.readString(work.resolve("expected").resolve(part)));
    }
    for (TaskCounter c : List.of(TaskCounter.REDUCE_INPUT_GROUPS, TaskCounter.REDUCE_INPUT_RECORDS, TaskCounter.REDUCE_OUTPUT_RECORDS)) {
      assertThat(actual.counters().get(c)).as(c.name()).isEqualTo(expected.counters().get(c));
    }
  }
}
