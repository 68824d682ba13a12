package org.bigdatalab.mapreduce.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.property.LongRange;
import org.junit.jupiter.api.AfterAll;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.spec.InputFile;
import org.bigdatalab.spi.Codecs;
import org.bigdatalab.spi.KeyValue;

/**
 * Lines are cut as the SPI cuts them ({@link InputFile#lines()}: at {@code '\n'}, a {@code '\r'}
 * before it dropped), not as Hadoop's default reader does (which also ends a line at a lone
 * {@code '\r'}). The spec's generators never write a lone {@code '\r'}, so this checks it, at
 * every kind of split boundary.
 */
class LineEndingsTest {
  private static final HadoopMapReduce ENGINE = new HadoopMapReduce();

  @AfterAll
  static void stop() throws Exception {
    ENGINE.close();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("a", "bc", "é", "\r", "\n", "\r\n", "\r\r", " ").list().ofMaxSize(16).map(l -> String.join("", l));
  }

  @Property(tries = 15)
  void linesEndAtNewlineOnly(@ForAll("texts") String content, @ForAll @LongRange(min = 1, max = 12) long split)
      throws Exception {
    Path dir = Files.createTempDirectory("mr-hadoop-lines");
    try {
      InputFile file = new InputFile("t.txt", content);
      MapReduceJob<Long, String, Long, String> echo = MapReduceJob.<Long, String, Long, String>builder("echo")
          .mapper((offset, line, out) -> out.emit(offset, line))
          .reducer((offset, lines, out) -> lines.forEach(l -> out.emit(offset, l)))
          .mapOutput(Codecs.LONG, Codecs.STRING).output(Codecs.LONG, Codecs.STRING)
          .maxSplitBytes(split).build();
      ENGINE.run(echo, List.of(file.writeTo(dir)), dir.resolve("out"));
      List<KeyValue<Long, String>> expected = new ArrayList<>();
      file.lines().forEach(l -> expected.add(KeyValue.of(l.offset(), l.text())));
      assertThat(JobOutput.read(dir.resolve("out"), echo).get(0)).isEqualTo(expected);
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
