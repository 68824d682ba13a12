package org.bigdatalab.mapreduce.spec;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;

/**
 * Generators of inputs and jobs. Words come from a small vocabulary (so keys collide and groups
 * have many values) with multi-byte characters (so byte offsets and split boundaries fall inside
 * characters), mixed case, punctuation, empty lines and Windows line breaks.
 */
public final class MapReduceGenerators {
  private MapReduceGenerators() {}

  private static final List<String> VOCABULARY = List.of(
      "a", "the", "The", "cat", "Cat,", "hat", "über", "café", "日本", "x-y", "don't", "42", "a1", "zz", "é");

  public static Arbitrary<String> line() {
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "  ", "\t", ", ", ". ");
    return Combinators.combine(Arbitraries.of(VOCABULARY).list().ofMaxSize(8), separator.list().ofMaxSize(8))
        .as((words, seps) -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < words.size(); i++) {
            b.append(words.get(i));
            if (i < words.size() - 1) {
              b.append(seps.isEmpty() ? " " : seps.get(i % seps.size()));
            }
          }
          return b.toString();
        });
  }

  public static Arbitrary<String> text(Arbitrary<String> lines) {
    return text(lines, 25);
  }

  /** Texts of up to {@code maxLines} lines, with a final line break or without. */
  public static Arbitrary<String> text(Arbitrary<String> lines, int maxLines) {
    Arbitrary<String> ending = Arbitraries.of("\n", "\n", "\n", "\r\n");
    return Combinators.combine(lines.list().ofMaxSize(maxLines), ending, Arbitraries.of(true, false))
        .as((ls, eol, trailing) -> String.join(eol, ls) + (trailing && !ls.isEmpty() ? eol : ""));
  }

  public static Arbitrary<List<InputFile>> inputs() {
    return inputs(text(line()), "txt");
  }

  public static Arbitrary<List<InputFile>> inputs(Arbitrary<String> texts, String extension) {
    return texts.list().ofMinSize(1).ofMaxSize(3).map(contents -> {
      List<InputFile> files = new ArrayList<>();
      for (int i = 0; i < contents.size(); i++) {
        files.add(new InputFile("in-" + i + "." + extension, contents.get(i)));
      }
      return files;
    });
  }

  /** Inputs of up to about 2 KB a file: a few 512- or 1024-byte blocks, lines across their boundaries. */
  public static Arbitrary<List<InputFile>> multiBlockInputs() {
    return inputs(text(line(), 80), "txt");
  }

  /**
   * Split sizes for block-sized inputs: mostly the default (one split per block), sometimes 600 to
   * 1100 bytes (below a 1024-byte block, so splits are cut inside blocks too). Few splits a file:
   * each is a task, and a real engine's tasks cost tens of milliseconds.
   */
  public static Arbitrary<Long> blockSplitSizes() {
    return Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(3, Arbitraries.just(org.bigdatalab.mapreduce.MapReduceJob.DEFAULT_MAX_SPLIT_BYTES)),
        org.bigdatalab.property.Tuple.of(1, Arbitraries.longs().between(600, 1100)));
  }

    /** Split sizes from absurdly small (every line cut) to one split per file. */
  public static Arbitrary<Long> splitSizes() {
    return Arbitraries.oneOf(Arbitraries.of(1L << 20), Arbitraries.longs().between(1, 48));
  }

  public static Arbitrary<JobShape> jobs() {
    return Combinators.combine(
        Arbitraries.of(JobShape.Kind.class),
        Arbitraries.integers().between(1, 4),
        Arbitraries.of(false, true),
        Arbitraries.of(JobShape.Order.class),
        Arbitraries.of(JobShape.Partitioning.class),
        splitSizes()).as(JobShape::new);
  }

  /** Lines {@code group value} for secondary sort. */
  public static Arbitrary<String> groupValueLine() {
    return Combinators.combine(Arbitraries.of("a", "b", "c", "d", "e"), Arbitraries.longs().between(-50, 50))
        .as((g, v) -> g + " " + v);
  }

  /** Good {@code key,amount} lines. */
  public static Arbitrary<String> keyAmountLine() {
    return Combinators.combine(Arbitraries.of("k1", "k2", "k3", "k4"), Arbitraries.longs().between(-1000, 1000))
        .as((k, a) -> k + "," + a);
  }

  /** Malformed {@code key,amount} lines, each failing on a different field. */
  public static Arbitrary<String> badKeyAmountLine() {
    return Arbitraries.of("k1,12x", "k2,", "no comma here", ",5", "k3,1,2", "k4, seven");
  }
}
