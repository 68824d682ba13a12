package org.bigdatalab.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SkewedPairsGeneratorTest {

  @Test
  void sameSeedSameBytesDifferentSeedDifferentBytes() throws IOException {
    String a = Hashes.sha256(new SkewedPairsGenerator(1000, 1.1, 1), 2 << 20);
    assertThat(Hashes.sha256(new SkewedPairsGenerator(1000, 1.1, 1), 2 << 20)).isEqualTo(a);
    assertThat(Hashes.sha256(new SkewedPairsGenerator(1000, 1.1, 2), 2 << 20)).isNotEqualTo(a);
  }

  @Test
  void keysAreZeroPaddedSoStringOrderIsNumericOrder() {
    SkewedPairsGenerator pairs = new SkewedPairsGenerator(1000, 1.0, 1);
    assertThat(pairs.keyForRank(1)).isEqualTo("k0001");
    assertThat(pairs.keyForRank(1000)).isEqualTo("k1000");
  }

  /** Tolerance: relative error below 5% for the 5 hottest keys over 500k pairs. */
  @Test
  void hotKeysFollowZipf() {
    SkewedPairsGenerator pairs = new SkewedPairsGenerator(100_000, 1.2, 3);
    int n = 500_000;
    Map<String, Long> counts = pairs.pairs().limit(n)
        .collect(Collectors.groupingBy(KeyValue::key, Collectors.counting()));
    for (int rank = 1; rank <= 5; rank++) {
      double expected = pairs.probability(rank) * n;
      assertThat(Math.abs(counts.get(pairs.keyForRank(rank)) - expected) / expected)
          .as("rank %d", rank).isLessThan(0.05);
    }
  }

  /** Exponent 0: every one of 10 keys within 5% of 1/10 of 200k pairs. */
  @Test
  void exponentZeroIsUniform() {
    SkewedPairsGenerator pairs = new SkewedPairsGenerator(10, 0, 4);
    Map<String, Long> counts = pairs.pairs().limit(200_000)
        .collect(Collectors.groupingBy(KeyValue::key, Collectors.counting()));
    assertThat(counts).hasSize(10);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(19_000L, 21_000L));
  }

  @Test
  void valuesStayBelowTheBound() {
    assertThat(new SkewedPairsGenerator(10, 1, 50, 5).pairs().limit(10_000))
        .allSatisfy(kv -> assertThat(kv.value()).isBetween(0L, 49L));
  }

  @Test
  void writtenLinesAreThePairsAndReadBack() throws IOException {
    SkewedPairsGenerator pairs = new SkewedPairsGenerator(5000, 1.0, 6);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pairs.writeTo(out, 100_000);
    String text = out.toString(StandardCharsets.US_ASCII);
    List<KeyValue> read;
    try (var reader = new KeyValueLineReader(new StringReader(text), "pairs.tsv",
        BadLinePolicy.FAIL)) {
      read = reader.readAll();
    }
    assertThat(read).isEqualTo(pairs.pairs().limit(read.size()).toList());
    assertThat(text.lines().toList())
        .isEqualTo(read.stream().map(KeyValue::toLine).toList());
  }
}
