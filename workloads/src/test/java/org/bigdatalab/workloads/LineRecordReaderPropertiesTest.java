package org.bigdatalab.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.spi.BadRecordException;

/** Skip mode loses nothing: each line is either a record (in order) or a reported bad line. */
class LineRecordReaderPropertiesTest {

  @Property
  void everyLineIsARecordOrABadLine(@ForAll("lines") List<String> lines) throws IOException {
    List<KeyValue> expected = new ArrayList<>();
    List<Long> expectedBad = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      try {
        expected.add(KeyValueLineReader.parseLine(lines.get(i)));
      } catch (BadRecordException e) {
        expectedBad.add(i + 1L);
      }
    }
    String text = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    try (var reader = new KeyValueLineReader(new StringReader(text), "p.tsv", BadLinePolicy.SKIP)) {
      assertThat(reader.readAll()).isEqualTo(expected);
      assertThat(reader.badLines()).extracting(BadLine::line).isEqualTo(expectedBad);
      assertThat(reader.badLines()).extracting(BadLine::text)
          .allSatisfy(t -> assertThat(lines).contains(t));
      assertThat(reader.linesRead()).isEqualTo(lines.size());
    }
  }

  @Provide
  Arbitrary<List<String>> lines() {
    Arbitrary<String> good = Arbitraries.longs().flatMap(v ->
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5)
            .map(k -> k + "\t" + v));
    Arbitrary<String> junk = Arbitraries.strings().withChars("ab1-\t ,x").ofMaxLength(8);
    return Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(4, good), org.bigdatalab.property.Tuple.of(1, junk)).list().ofMaxSize(40);
  }
}
