package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.mapreduce.jobs.Words;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.workloads.BadLine;
import org.bigdatalab.workloads.BadLinePolicy;
import org.bigdatalab.workloads.EventCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 14's five V's: each number the chapter reads from the output, and the exercise's answer. */
class Ch14Test {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void volumeBecomesOneMapTaskPerSplitAndValueIsTheTrueTopWords(@TempDir Path dir) throws Exception {
    Ch14_FiveVs.Volume v = Ch14_FiveVs.volume(dir.resolve("corpus.txt"), dir.resolve("out"), Ch14_FiveVs.SPLIT_BYTES, NOWHERE);
    assertThat(v.bytes()).isBetween(Ch14_FiveVs.CORPUS_BYTES, Ch14_FiveVs.CORPUS_BYTES + 200);
    assertThat(v.mapTasks()).isEqualTo(9);   // 2 MiB and a few bytes: a ninth split of the remainder
    Map<String, Long> counts = new HashMap<>();
    Files.readAllLines(dir.resolve("corpus.txt")).forEach(l -> Words.of(l).forEach(w -> counts.merge(w, 1L, Long::sum)));
    assertThat(v.lines()).isEqualTo(Files.readAllLines(dir.resolve("corpus.txt")).size());
    List<KeyValue<String, Long>> top = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(e -> KeyValue.of(e.getKey(), e.getValue())).toList();
    assertThat(v.top()).isEqualTo(top);
  }

  @Test
  void velocityRunsEveryWindowOfQuery5WithNothingLate() throws Exception {
    StreamingResult<Long> result = Ch14_FiveVs.velocity(NOWHERE);
    assertThat(result.results()).isNotEmpty();
    assertThat(result.late()).isEmpty();
    assertThat(result.deadLetters()).isEmpty();
  }

  @Test
  void varietyParsesThreeShapesAndVeracityNamesEachBadLine() throws Exception {
    assertThat(Ch14_FiveVs.variety(NOWHERE)).hasSize(5)
        .anyMatch(s -> s.startsWith("csv")).anyMatch(s -> s.startsWith("text"))
        .filteredOn(s -> s.startsWith("nexmark")).hasSize(3);
    Ch14_FiveVs.Veracity v = Ch14_FiveVs.veracity(NOWHERE);
    assertThat(v.kept()).hasSize(4);
    assertThat(v.bad()).extracting(BadLine::line, BadLine::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "timestamp"), org.assertj.core.groups.Tuple.tuple(5L, "key"),
            org.assertj.core.groups.Tuple.tuple(6L, "value"));
  }

  @Test
  void theExercisesAnswerHolds(@TempDir Path dir) throws Exception {
    assertThat(Ch14_FiveVs.volume(dir.resolve("corpus.txt"), dir.resolve("out"), 100L << 10, NOWHERE).mapTasks()).isEqualTo(21);
    try (EventCsvReader strict = new EventCsvReader(new StringReader(Ch14_FiveVs.READINGS), "readings.csv", BadLinePolicy.FAIL)) {
      assertThatThrownBy(strict::readAll).hasMessageContaining("readings.csv:3").hasMessageContaining("timestamp");
    }
    String out = GuideTesting.output(Ch14_FiveVs::run);
    assertThat(out).contains("-> 9 map tasks (mr-parallel)").contains("1GB    ->         8 map tasks")
        .contains("1TB    ->     8,192 map tasks").contains("4 records kept, 3 set aside");
  }
}
