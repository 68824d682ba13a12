package org.bigdatalab.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.IntRange;
import org.junit.jupiter.api.Test;

class ZipfTextGeneratorTest {
  private static final long MIB = 1 << 20;

  @Test
  void wordsAreBijectiveBase26OfTheRank() {
    assertThat(List.of(1, 2, 26, 27, 52, 702, 703, 18278))
        .extracting(ZipfTextGenerator::wordForRank)
        .containsExactly("a", "b", "z", "aa", "az", "zz", "aaa", "zzz");
  }

  @Property
  void rankOfWordInvertsWordForRank(@ForAll @IntRange(min = 1) int rank) {
    String word = ZipfTextGenerator.wordForRank(rank);
    assertThat(word).matches("[a-z]{1,7}");
    assertThat(ZipfTextGenerator.rankOfWord(word)).isEqualTo(rank);
  }

  @Test
  void sameSeedSameBytesDifferentSeedDifferentBytes() throws IOException {
    String a = Hashes.sha256(new ZipfTextGenerator(10_000, 1.0, 10, 1), 4 * MIB);
    String again = Hashes.sha256(new ZipfTextGenerator(10_000, 1.0, 10, 1), 4 * MIB);
    String other = Hashes.sha256(new ZipfTextGenerator(10_000, 1.0, 10, 2), 4 * MIB);
    assertThat(again).isEqualTo(a);
    assertThat(other).isNotEqualTo(a);
  }

  @Test
  void writesWholeLinesJustPastTheTarget() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = new ZipfTextGenerator(100_000, 0.8, 7, 3).writeTo(out, 100_000);
    String text = out.toString(StandardCharsets.US_ASCII);
    assertThat(written).isEqualTo(text.length()).isBetween(100_000L, 100_000L + 7 * 8);
    assertThat(text).endsWith("\n");
    assertThat(text.lines()).allSatisfy(line -> assertThat(line).matches("[a-z]+( [a-z]+){6}"));
  }

  @Test
  void linesStreamIsTheWrittenText() throws IOException {
    ZipfTextGenerator text = new ZipfTextGenerator(200_000, 1.0, 9, 5); // ranks beyond the word cache too
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    text.writeTo(out, 200_000);
    List<String> written = out.toString(StandardCharsets.US_ASCII).lines().toList();
    assertThat(text.lines().limit(written.size()).toList()).isEqualTo(written);
  }

  @Test
  void ranksStreamIsTheWordsInOrder() {
    ZipfTextGenerator text = new ZipfTextGenerator(1000, 1.0, 4, 9);
    List<String> fromRanks = text.ranks().limit(40)
        .mapToObj(ZipfTextGenerator::wordForRank).toList();
    List<String> fromLines = text.lines().limit(10)
        .flatMap(line -> List.of(line.split(" ")).stream()).toList();
    assertThat(fromLines).isEqualTo(fromRanks);
  }

  /** Tolerance: relative error below 5% for each of the 10 most frequent words over 1M words. */
  @Test
  void wordFrequenciesFollowZipf() {
    ZipfTextGenerator text = new ZipfTextGenerator(10_000, 1.0, 10, 17);
    Map<String, Long> counts = text.lines().limit(100_000)
        .flatMap(line -> List.of(line.split(" ")).stream())
        .collect(Collectors.groupingBy(w -> w, HashMap::new, Collectors.counting()));
    long words = counts.values().stream().mapToLong(Long::longValue).sum();
    assertThat(words).isEqualTo(1_000_000);
    for (int rank = 1; rank <= 10; rank++) {
      double expected = text.probability(rank) * words;
      long seen = counts.getOrDefault(ZipfTextGenerator.wordForRank(rank), 0L);
      assertThat(Math.abs(seen - expected) / expected).as("rank %d", rank).isLessThan(0.05);
    }
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new ZipfTextGenerator(0, 1.0, 5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ZipfTextGenerator(10, -1, 5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ZipfTextGenerator(10, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ZipfTextGenerator.wordForRank(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
