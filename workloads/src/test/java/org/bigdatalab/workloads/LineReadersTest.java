package org.bigdatalab.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bigdatalab.spi.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineReadersTest {
  @TempDir Path dir;

  private static String goodEvents(int n) {
    return IntStream.range(0, n).mapToObj(i -> "k" + i + "," + (1000 + i) + "," + i + "\n")
        .collect(Collectors.joining());
  }

  @Test
  void failModeNamesFileLineAndField() {
    String csv = goodEvents(16) + "k16,12x,5\n" + goodEvents(3);
    var reader = new EventCsvReader(new StringReader(csv), "events.csv", BadLinePolicy.FAIL);
    assertThatThrownBy(reader::readAll)
        .isInstanceOfSatisfying(InputFormatException.class, e -> {
          assertThat(e.file()).isEqualTo("events.csv");
          assertThat(e.line()).isEqualTo(17);
          assertThat(e.field()).isEqualTo("timestamp");
        })
        .hasMessage("events.csv:17: timestamp: not a number: \"12x\"");
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "''            | key: empty",
      "',1,2'        | key: empty",
      "'k'           | timestamp: missing (expected key,timestamp,value)",
      "'k,1'         | value: missing (expected key,timestamp,value)",
      "'k,,2'        | timestamp: empty",
      "'k,1,'        | value: empty",
      "'k, 1,2'      | timestamp: not a number: \" 1\"",
      "'k,1,2,3'     | value: not a number: \"2,3\"",
      "'k,1,2.5'     | value: not a number: \"2.5\"",
      "'k,99999999999999999999,1' | timestamp: not a number: \"99999999999999999999\""})
  void eventLineProblems(String line, String message) {
    var reader = new EventCsvReader(new StringReader("a,1,1\n" + line + "\n"), "e.csv",
        BadLinePolicy.FAIL);
    assertThatThrownBy(reader::readAll).hasMessage("e.csv:2: " + message);
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "''            | key: empty",
      "'\t5'         | key: empty",
      "'k'           | value: missing (expected key<TAB>value)",
      "'k\t'         | value: empty",
      "'k\tx\ty'     | value: not a number: \"x\\ty\"",
      "'k\t12x'      | value: not a number: \"12x\""})
  void keyValueLineProblems(String line, String message) {
    var reader = new KeyValueLineReader(new StringReader(line + "\n"), "kv.tsv",
        BadLinePolicy.FAIL);
    assertThatThrownBy(reader::readAll).hasMessage("kv.tsv:1: " + message);
  }

  @Test
  void longBadValuesAreCutInTheMessage() {
    String junk = "x".repeat(500);
    assertThatThrownBy(() -> KeyValueLineReader.parseLine("k\t" + junk))
        .hasMessage("value: not a number: \"" + "x".repeat(60) + "\" (440 more chars)");
  }

  @Test
  void skipModeKeepsEveryGoodRecordAndSetsAsideEveryBadLine() {
    String kv = "a\t1\nb\t2x\n\nc\t3\r\nd\n\te\t9\nf\t-4";
    try (var reader = new KeyValueLineReader(new StringReader(kv), "kv.tsv", BadLinePolicy.SKIP)) {
      assertThat(reader.readAll()).containsExactly(
          new KeyValue("a", 1), new KeyValue("c", 3), new KeyValue("f", -4));
      assertThat(reader.badLineCount()).isEqualTo(4);
      assertThat(reader.badLines()).extracting(BadLine::message).containsExactly(
          "kv.tsv:2: value: not a number: \"2x\"",
          "kv.tsv:3: key: empty",
          "kv.tsv:5: value: missing (expected key<TAB>value)",
          "kv.tsv:6: key: empty");
      assertThat(reader.badLines()).extracting(BadLine::text)
          .containsExactly("b\t2x", "", "d", "\te\t9");
      assertThat(reader.linesRead()).isEqualTo(7);
      assertThat(reader.recordCount() + reader.badLineCount()).isEqualTo(reader.linesRead());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void skipModeOnAGeneratedFileWithInjectedDamage() throws IOException {
    var gen = new TimestampedEventGenerator(3, 20, 1000, 100, 0.05, 5000);
    List<String> lines = new ArrayList<>(gen.events().map(Event::toCsvLine).toList());
    for (int i = 0; i < lines.size(); i += 97) {
      lines.set(i, lines.get(i).replace(',', ';')); // breaks the line: no comma left
    }
    int damaged = (lines.size() + 96) / 97;
    Path file = dir.resolve("events.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    try (var reader = new EventCsvReader(file, BadLinePolicy.SKIP)) {
      long good = reader.stream().count();
      assertThat(good).isEqualTo(5000 - damaged);
      assertThat(reader.badLineCount()).isEqualTo(damaged);
      assertThat(reader.badLines().get(1).message())
          .isEqualTo(file + ":98: timestamp: missing (expected key,timestamp,value)");
    }
  }

  @Test
  void failModeWithAPathNamesThePath() throws IOException {
    Path file = dir.resolve("pairs.tsv");
    Files.writeString(file, "a\t1\nb\tnope\n");
    try (var reader = new KeyValueLineReader(file, BadLinePolicy.FAIL)) {
      assertThatThrownBy(reader::readAll).hasMessage(file + ":2: value: not a number: \"nope\"");
    }
  }

  @Test
  void invalidUtf8IsABadLineAtItsOwnLine() throws IOException {
    Path file = dir.resolve("bad.csv");
    byte[] bytes = "a,1,2\nb\u00e9,3,4\r\nX,1,1\nc,5,6".getBytes(StandardCharsets.UTF_8);
    bytes[new String(bytes, StandardCharsets.ISO_8859_1).indexOf('X')] = (byte) 0xFF; // line 3
    Files.write(file, bytes);
    try (var reader = new EventCsvReader(file, BadLinePolicy.FAIL)) {
      assertThatThrownBy(reader::readAll).hasMessage(file + ":3: line: not valid UTF-8");
    }
    try (var reader = new EventCsvReader(file, BadLinePolicy.SKIP)) {
      assertThat(reader.readAll()).containsExactly(
          new CsvEvent("a", 1, 2), new CsvEvent("b\u00e9", 3, 4), new CsvEvent("c", 5, 6));
      assertThat(reader.badLines()).singleElement()
          .satisfies(bad -> assertThat(bad.text()).isEqualTo("\uFFFD,1,1"));
    }
  }
}
